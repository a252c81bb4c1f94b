/** Small pieces shared by the pages: data loading, dates, badges, citations, empty states. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, getJson } from '../api';
import { Link } from '../router';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiFailure } | { state: 'ok'; data: T };

/** Fetches a JSON path and re-fetches when it changes; stale answers are dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    const abort = new AbortController();
    setResult({ state: 'loading' });
    getJson<T>(path, abort.signal).then(
      (data) => setResult({ state: 'ok', data }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setResult({ state: 'error', error: err instanceof ApiFailure ? err : new ApiFailure(0, 'network', String(err)) });
      },
    );
    return () => abort.abort();
  }, [path]);
  return result;
}

/** Renders loading and error states, or the children for the data. */
export function Load<T>(props: { result: Loaded<T>; children: (data: T) => ComponentChildren }): JSX.Element {
  const r = props.result;
  if (r.state === 'loading') return <p class="muted" role="status">Loading…</p>;
  if (r.state === 'error') {
    return (
      <div class="notice error" role="alert">
        <strong>{r.error.status === 404 ? 'Not found. ' : 'Something went wrong. '}</strong>
        {r.error.message}
      </div>
    );
  }
  return <>{props.children(r.data)}</>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-02-19T10:00:00+01:00` → `19 Feb 2024` (the date as the outlet wrote it, no time zone shift). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** A date range, collapsed when both ends are the same day. */
export function formatRange(first: string | null, last: string | null): string {
  const a = formatDate(first);
  const b = formatDate(last);
  return a === b ? a : `${a} – ${b}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const STATUS_LABEL: Record<string, string> = {
  corroborated: 'Corroborated',
  'single-origin': 'Single origin',
  unique: 'Unique',
  conflicting: 'Conflicting',
};

/** A claim status badge; colour is never the only signal (the label says it). */
export function StatusBadge(props: { status: string | undefined }): JSX.Element {
  const s = props.status ?? 'unknown';
  return <span class={`badge status-${s.replace(/[^a-z-]/g, '')}`}>{STATUS_LABEL[s] ?? s}</span>;
}

/** Citation links `[1] [3]` to the sources of a story, by article id. */
export function Citations(props: { articles: readonly string[] | undefined; index: ReadonlyMap<string, { n: number; label: string }> }): JSX.Element | null {
  const refs = (props.articles ?? []).map((id) => ({ id, ref: props.index.get(id) })).filter((r) => r.ref);
  if (refs.length === 0) return null;
  return (
    <span class="cites">
      {refs
        .sort((a, b) => a.ref!.n - b.ref!.n)
        .map((r) => (
          <a key={r.id} class="cite" href={`#source-${r.id}`} title={r.ref!.label} aria-label={`source ${r.ref!.n}: ${r.ref!.label}`}>
            {r.ref!.n}
          </a>
        ))}
    </span>
  );
}

/** A link to an entity page. */
export function EntityLink(props: { id: string; children: ComponentChildren }): JSX.Element {
  return <Link href={`/entities/${encodeURIComponent(props.id)}`}>{props.children}</Link>;
}

/** The text of a variant, which the API gives as a string or as `{text}`. */
export function variantText(v: string | { text: string }): string {
  return typeof v === 'string' ? v : v.text;
}

/** The speaker's name of a quote, given as a string or an entity. */
export function speakerName(s: unknown): string | null {
  if (typeof s === 'string') return s;
  if (s && typeof s === 'object' && typeof (s as { name?: unknown }).name === 'string') return (s as { name: string }).name;
  return null;
}

/** Sets the document title for a page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Dossier` : 'Dossier';
  }, [title]);
}

/** The last segment of an input's source path (`examples/sample/a.txt#2` → `a.txt#2`). */
export function fileName(source: string): string {
  return source.split(/[\\/]/).pop() || source;
}
