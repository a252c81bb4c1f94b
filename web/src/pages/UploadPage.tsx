/** Drag-and-drop upload with a progress bar: bytes sent, then inputs processed. */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiFailure, uploadFiles, type AnalyzeSummary, type Meta, type UploadProgress } from '../api';
import { Load, plural, useApi, useTitle } from '../components/common';
import { Link } from '../router';

type State = { kind: 'idle' } | { kind: 'running'; progress: UploadProgress | null; files: number } | { kind: 'done'; summary: AnalyzeSummary } | { kind: 'failed'; message: string };

function percent(p: UploadProgress | null): number | null {
  if (!p) return null;
  if (p.phase === 'uploading') return p.total ? Math.round((p.loaded / p.total) * 100) : null;
  return p.total ? Math.round((p.done / p.total) * 100) : null;
}

function Uploader(props: { meta: Meta }): JSX.Element {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [token, setToken] = useState(() => sessionStorage.getItem('dossier-token') ?? '');
  const input = useRef<HTMLInputElement>(null);

  const send = (list: FileList | null): void => {
    const files = list ? [...list] : [];
    if (files.length === 0 || state.kind === 'running') return;
    setState({ kind: 'running', progress: null, files: files.length });
    uploadFiles(files, token, (progress) => setState({ kind: 'running', progress, files: files.length })).then(
      (summary) => setState({ kind: 'done', summary }),
      (err: unknown) => setState({ kind: 'failed', message: err instanceof ApiFailure ? err.message : String(err) }),
    );
  };
  const drop = (e: JSX.TargetedDragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    send(e.dataTransfer?.files ?? null);
  };
  const keyOpen = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.current?.click();
    }
  };
  const pct = state.kind === 'running' ? percent(state.progress) : null;

  if (!props.meta.writable) {
    return <p class="notice">This server is read-only: it listens beyond 127.0.0.1 without a token (start it with --token to allow uploads).</p>;
  }
  return (
    <>
      {props.meta.tokenRequired && (
        <label class="token">
          <span class="label">Access token</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onInput={(e) => {
              setToken(e.currentTarget.value);
              sessionStorage.setItem('dossier-token', e.currentTarget.value);
            }}
          />
        </label>
      )}
      <div
        class={`dropzone${over ? ' over' : ''}`}
        role="button"
        tabIndex={0}
        aria-describedby="drop-help"
        onKeyDown={keyOpen}
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p class="drop-title">Drop articles here, or press to choose files</p>
        <p class="muted" id="drop-help">
          HTML pages, text, Markdown, JSON or NDJSON records (optionally gzipped), up to {Math.round(props.meta.maxUploadBytes / 1024 / 1024)} MB at once.
        </p>
        <input
          ref={input}
          type="file"
          multiple
          class="visually-hidden"
          tabIndex={-1}
          aria-label="choose files to upload"
          accept=".html,.htm,.xhtml,.txt,.text,.md,.markdown,.json,.ndjson,.jsonl,.gz"
          onChange={(e) => {
            send(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {state.kind === 'running' && (
        <div class="progress-wrap" role="status" aria-live="polite">
          <p>
            {state.progress?.phase === 'processing'
              ? `Processing ${state.progress.done} of ${plural(state.progress.total, 'input')}…`
              : `Uploading ${plural(state.files, 'file')}…`}
          </p>
          <progress class="progress" max={100} value={pct ?? undefined} aria-label="upload progress">
            {pct ?? 0}%
          </progress>
        </div>
      )}
      {state.kind === 'failed' && (
        <div class="notice error" role="alert">
          The upload failed: {state.message}
        </div>
      )}
      {state.kind === 'done' && (
        <div class="notice success" role="status">
          <p>
            <strong>Done.</strong> Read {plural(state.summary.read, 'input')}: {plural(state.summary.articles, 'new article')}, {plural(state.summary.duplicates, 'duplicate')},{' '}
            {state.summary.rejected} rejected, {state.summary.unchanged} already stored.
          </p>
          {state.summary.storiesTouched.length > 0 && (
            <p>
              Stories updated:{' '}
              {state.summary.storiesTouched.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link href={`/stories/${encodeURIComponent(id)}`}>{id}</Link>
                </span>
              ))}
            </p>
          )}
          {state.summary.diagnostics.length > 0 && (
            <ul class="diagnostics">
              {state.summary.diagnostics.slice(0, 20).map((d, i) => (
                <li key={i}>
                  <span class={`badge sev-${d.severity}`}>{d.severity}</span> {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

export function UploadPage(): JSX.Element {
  useTitle('Upload');
  const meta = useApi<Meta>('/api/meta');
  return (
    <section aria-labelledby="upload-h">
      <h1 id="upload-h">Upload articles</h1>
      <p class="muted">Files are processed like `dossier analyze`: cleaned, deduplicated, annotated and placed into stories.</p>
      <Load result={meta}>{(m) => <Uploader meta={m} />}</Load>
    </section>
  );
}
