/**
 * The story page: the brief with citations, the sources side by side, conflicts with both
 * passages, claims with their status, the provenance graph, entities, quotes, timeline and
 * thread. Sections a pipeline stage has not produced yet are left out, not shown empty.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, getJson, postJson, type Article, type Origin, type Source, type StoryDetail } from '../api';
import {
  Citations,
  EntityLink,
  formatDate,
  formatRange,
  Load,
  plural,
  speakerName,
  StatusBadge,
  useApi,
  useTitle,
  variantText,
} from '../components/common';
import { ProvenanceGraph } from '../components/ProvenanceGraph';
import { Link, navigate } from '../router';

type CiteIndex = ReadonlyMap<string, { n: number; label: string }>;

/** Long lists show their first `n` items and a button for the rest. */
function useMore<T>(items: readonly T[], n: number): { shown: readonly T[]; more: JSX.Element | null } {
  const [all, setAll] = useState(false);
  if (all || items.length <= n) return { shown: items, more: null };
  return {
    shown: items.slice(0, n),
    more: (
      <button type="button" class="secondary small more" onClick={() => setAll(true)}>
        Show all {items.length}
      </button>
    ),
  };
}

/** A short name for a source: its outlet, or its file name when the outlet is unknown. */
export function sourceLabel(s: { outlet: string | null; source: string }): string {
  return s.outlet ?? s.source.split(/[\\/]/).pop() ?? s.source;
}

/** The sources of a story: from the comparison, or the bare article list before it exists. */
function sourcesOf(story: StoryDetail): Source[] {
  if (story.comparison?.sources?.length) return story.comparison.sources;
  return story.articles.map((a) => ({ articleId: a.id, source: a.source, outlet: a.outlet, published: a.published, title: a.title, byline: null, agencies: [], attributions: [], duplicateSources: [] }));
}

/** A field later stages add: at the top level, or inside the comparison. */
function extra<K extends 'provenance' | 'claims' | 'conflicts' | 'brief' | 'timeline' | 'quotes'>(story: StoryDetail, key: K): StoryDetail[K] | undefined {
  return story[key] ?? (story.comparison?.[key] as StoryDetail[K] | undefined) ?? undefined;
}

function Section(props: { id: string; title: string; count?: number; children: ComponentChildren }): JSX.Element {
  return (
    <section class="panel" aria-labelledby={`${props.id}-h`} id={props.id}>
      <h2 id={`${props.id}-h`}>
        {props.title}
        {props.count !== undefined && <span class="count">{props.count}</span>}
      </h2>
      {props.children}
    </section>
  );
}

function SourceCard(props: { source: Source; n: number; text: Article | null | undefined; onRead: () => void }): JSX.Element {
  const s = props.source;
  return (
    <article class="source-card" id={`source-${s.articleId}`} tabIndex={-1}>
      <header>
        <span class="source-n" aria-hidden="true">
          {props.n}
        </span>
        <div>
          <p class="outlet">{s.outlet ?? 'Outlet unknown'}</p>
          <p class="meta">
            <time dateTime={s.published ?? undefined}>{formatDate(s.published)}</time>
            {s.byline && <> · {s.byline}</>}
          </p>
        </div>
      </header>
      {s.title && <h3>{s.title}</h3>}
      <dl class="facts">
        <dt>Rests on</dt>
        <dd>{s.agencies.length ? s.agencies.join(', ') : <span class="muted">no agency credited</span>}</dd>
        {s.attributions.length > 0 && (
          <>
            <dt>Because</dt>
            <dd>
              {s.attributions.slice(0, 2).map((a, i) => (
                <q key={i} class="passage" title={`${a.cue}: ${a.passage}`}>
                  {a.passage.length > 140 ? `${a.passage.slice(0, 139)}…` : a.passage}
                </q>
              ))}
            </dd>
          </>
        )}
        {s.duplicateSources.length > 0 && (
          <>
            <dt>Same text</dt>
            <dd>{s.duplicateSources.map((d) => d.split(/[\\/]/).pop()).join(', ')}</dd>
          </>
        )}
        <dt>Input</dt>
        <dd class="source-path" title={s.source}>
          {s.source.split(/[\\/]/).pop()}
        </dd>
      </dl>
      {props.text === undefined ? (
        <button type="button" class="secondary small" onClick={props.onRead}>
          Read the text
        </button>
      ) : props.text === null ? (
        <p class="muted">Loading the text…</p>
      ) : (
        <div class="article-text" tabIndex={0} aria-label={`text of source ${props.n}`}>
          {props.text.text.split(/\n\s*\n/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </article>
  );
}

function Sources(props: { sources: Source[] }): JSX.Element {
  const [texts, setTexts] = useState<Record<string, Article | null>>({});
  const read = (ids: string[]): void => {
    setTexts((t) => ({ ...t, ...Object.fromEntries(ids.filter((id) => t[id] === undefined).map((id) => [id, null])) }));
    for (const id of ids) {
      getJson<Article>(`/api/articles/${encodeURIComponent(id)}`).then(
        (a) => setTexts((t) => ({ ...t, [id]: a })),
        () => setTexts((t) => ({ ...t, [id]: { id, text: '(the text could not be loaded)' } as Article })),
      );
    }
  };
  const allOpen = props.sources.every((s) => texts[s.articleId] !== undefined);
  return (
    <Section id="sources" title="Sources side by side" count={props.sources.length}>
      {props.sources.length > 1 && !allOpen && (
        <button type="button" class="secondary small" onClick={() => read(props.sources.map((s) => s.articleId))}>
          Read all texts side by side
        </button>
      )}
      {props.sources.length > 4 && <p class="muted small scroll-hint">Scroll sideways to compare all {props.sources.length} sources →</p>}
      <div class="sources">
        {props.sources.map((s, i) => (
          <SourceCard key={s.articleId} source={s} n={i + 1} text={texts[s.articleId]} onRead={() => read([s.articleId])} />
        ))}
      </div>
    </Section>
  );
}

function ConflictCards(props: { story: StoryDetail; cites: CiteIndex }): JSX.Element | null {
  const conflicts = extra(props.story, 'conflicts') ?? [];
  const { shown, more } = useMore(conflicts, 3);
  if (!conflicts.length) return null;
  return (
    <Section id="conflicts" title="Conflicts between outlets" count={conflicts.length}>
      <div class="conflicts">
        {shown.map((c, i) => (
          <article class="conflict-card" key={i} aria-label={`conflict on ${c.slot ?? 'a detail'}`}>
            <h3>
              <span class="badge conflict-badge">Conflict</span> {c.slot ? `on ${c.slot}` : 'on a detail'}
            </h3>
            <div class="conflict-values">
              {(c.values ?? []).map((v, j) => (
                <div class="conflict-value" key={j}>
                  <p class="value">{v.value}</p>
                  {v.passage && <blockquote>{v.passage}</blockquote>}
                  <p class="meta">
                    {(v.articles ?? []).map((a) => props.cites.get(a)?.label ?? a).join(', ')} <Citations articles={v.articles} index={props.cites} />
                  </p>
                </div>
              ))}
            </div>
            {c.why && <p class="muted small why-line">{c.why}</p>}
          </article>
        ))}
      </div>
      {more}
    </Section>
  );
}

function Claims(props: { story: StoryDetail; cites: CiteIndex }): JSX.Element | null {
  const claims = extra(props.story, 'claims') ?? [];
  const order: Record<string, number> = { conflicting: 0, corroborated: 1, 'single-origin': 2, unique: 3 };
  const { shown: sorted, more } = useMore([...claims].sort((a, b) => (order[a.status ?? ''] ?? 9) - (order[b.status ?? ''] ?? 9)), 10);
  if (!claims.length) return null;
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.status ?? 'unknown', (counts.get(c.status ?? 'unknown') ?? 0) + 1);
  return (
    <Section id="claims" title="Claims" count={claims.length}>
      <p class="claim-summary">
        {[...counts.entries()]
          .sort((a, b) => (order[a[0]] ?? 9) - (order[b[0]] ?? 9))
          .map(([status, n]) => (
            <span key={status}>
              <StatusBadge status={status} /> {n}
            </span>
          ))}
      </p>
      <div class="table-scroll">
        <table class="claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Independent origins
              </th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c, i) => (
              <tr key={i}>
                <td>{c.text}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td class="num">{c.independentSupport ?? '–'}</td>
                <td>
                  <Citations articles={c.articles} index={props.cites} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more}
    </Section>
  );
}

function Brief(props: { story: StoryDetail; cites: CiteIndex }): JSX.Element | null {
  const brief = extra(props.story, 'brief');
  if (!brief?.sentences?.length) return null;
  return (
    <Section id="brief" title="Brief">
      <div class="brief">
        {brief.headline && <p class="brief-headline">{brief.headline}</p>}
        <ul>
          {brief.sentences.map((s, i) => (
            <li key={i}>
              {s.text} <Citations articles={s.articles} index={props.cites} />
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
}

function Entities(props: { story: StoryDetail }): JSX.Element | null {
  const entities = props.story.entities ?? [];
  const { shown, more } = useMore(entities, 16);
  if (entities.length === 0) return null;
  return (
    <Section id="entities" title="Who and where" count={entities.length}>
      <ul class="entities">
        {shown.map((e) => (
          <li key={e.id}>
            <EntityLink id={e.id}>{e.name}</EntityLink>
            {e.type && <span class="kind">{e.type.toLowerCase()}</span>}
            {e.variants && e.variants.length > 0 && <span class="variants">also {e.variants.map(variantText).join(', ')}</span>}
          </li>
        ))}
      </ul>
      {more}
    </Section>
  );
}

function Quotes(props: { story: StoryDetail; cites: CiteIndex }): JSX.Element | null {
  const quotes = extra(props.story, 'quotes') ?? [];
  const { shown, more } = useMore(quotes, 6);
  if (!quotes.length) return null;
  return (
    <Section id="quotes" title="Quotes" count={quotes.length}>
      <ul class="quotes">
        {shown.map((q, i) => {
          const variants = [...new Set((q.variants ?? []).map(variantText).filter((v) => v !== q.text))];
          const articles = q.articles ?? (q.variants ?? []).flatMap((v) => (typeof v === 'object' && 'articleId' in v && typeof v.articleId === 'string' ? [v.articleId] : []));
          return (
            <li key={i}>
              <blockquote>{q.text}</blockquote>
              <p class="meta">
                — {speakerName(q.speaker) ?? 'unattributed'} <Citations articles={articles} index={props.cites} />
              </p>
              {variants.length > 0 && (
                <div class="quote-variants">
                  <span class="label">Rendered differently as</span>
                  <ul>
                    {variants.map((v, j) => (
                      <li key={j}>
                        <q>{v}</q>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {more}
    </Section>
  );
}

function Timeline(props: { story: StoryDetail; cites: CiteIndex }): JSX.Element | null {
  const timeline = extra(props.story, 'timeline') ?? [];
  const { shown, more } = useMore(timeline, 8);
  if (!timeline.length) return null;
  return (
    <Section id="timeline" title="Timeline" count={timeline.length}>
      <ol class="timeline">
        {shown.map((t, i) => (
          <li key={i}>
            <time dateTime={t.date}>{formatDate(t.date)}</time>
            <p>
              {t.text} <Citations articles={t.articles} index={props.cites} />
            </p>
          </li>
        ))}
      </ol>
      {more}
    </Section>
  );
}

function Provenance(props: { story: StoryDetail; sources: Source[]; numbers: Map<string, number> }): JSX.Element {
  const provenance = extra(props.story, 'provenance');
  const origins: Origin[] = provenance?.origins?.length ? provenance.origins : (props.story.comparison?.agencies ?? []).map((a) => ({ name: a.name, kind: 'agency', articles: a.articles }));
  const io = provenance?.independentOrigins;
  const independent = typeof io === 'number' ? io : Array.isArray(io) ? io.length : null;
  return (
    <Section id="provenance" title="Provenance">
      {independent !== null && (
        <p class="lead">
          <strong>{plural(independent, 'independent origin')}</strong> behind {plural(props.sources.length, 'article')}
          {independent < props.sources.length && ': repetition is not corroboration.'}
        </p>
      )}
      <ProvenanceGraph sources={props.sources} origins={origins} edges={provenance?.edges ?? []} numbers={props.numbers} />
    </Section>
  );
}

/** Why each article is here, and the corrections a user can make: split articles out, merge another story in. */
function Why(props: { story: StoryDetail; cites: CiteIndex }): JSX.Element | null {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [other, setOther] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!props.story.decisions?.length) return null;
  // After a correction the page shows the result: the new story of a split, this story reloaded after a merge.
  const run = (work: () => Promise<string | null>): void => {
    setMessage(null);
    work().then(
      (href) => (href ? navigate(href) : window.location.reload()),
      (err: unknown) => setMessage({ ok: false, text: err instanceof ApiFailure ? err.message : String(err) }),
    );
  };
  const split = (): void =>
    run(async () => {
      const r = await postJson<{ newStoryId: string }>(`/api/stories/${encodeURIComponent(props.story.id)}/split`, { articles: [...picked] });
      return `/stories/${encodeURIComponent(r.newStoryId)}`;
    });
  const merge = (e: JSX.TargetedEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const id = other.trim().replace(/^.*\/stories\//, '');
    if (!id) return;
    run(async () => {
      await postJson(`/api/stories/${encodeURIComponent(props.story.id)}/merge`, { stories: [id] });
      return null;
    });
  };
  const toggle = (id: string): void => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  return (
    <details class="panel why">
      <summary>Why these articles are one story, and corrections</summary>
      <ul class="decisions">
        {props.story.decisions.map((d) => (
          <li key={d.articleId}>
            <label>
              <input type="checkbox" checked={picked.has(d.articleId)} onChange={() => toggle(d.articleId)} aria-label={`select ${props.cites.get(d.articleId)?.label ?? d.articleId}`} />{' '}
              <Citations articles={[d.articleId]} index={props.cites} /> {d.reason}
            </label>
          </li>
        ))}
      </ul>
      <div class="corrections">
        <button type="button" class="secondary small" disabled={picked.size === 0 || picked.size === props.story.decisions.length} onClick={split}>
          Split the selected articles into a new story
        </button>
        <form onSubmit={merge} class="merge-form">
          <label>
            <span class="label">Merge another story into this one</span>
            <input value={other} onInput={(e) => setOther(e.currentTarget.value)} placeholder="story id or link" />
          </label>
          <button type="submit" class="secondary small">
            Merge
          </button>
        </form>
      </div>
      {message && (
        <p class={`notice ${message.ok ? 'success' : 'error'}`} role="alert">
          {message.text}
        </p>
      )}
    </details>
  );
}

function Thread(props: { story: StoryDetail }): JSX.Element | null {
  const others = props.story.threadStories.filter((s) => s.id !== props.story.id);
  if (!props.story.thread || others.length === 0) return null;
  return (
    <aside class="thread panel" aria-labelledby="thread-h" id="thread">
      <h2 id="thread-h">
        <span class="badge thread-badge">Thread</span> Connected stories
      </h2>
      {props.story.threadInfo?.reason && (
        <details class="small">
          <summary>Why linked</summary>
          <p class="muted">{props.story.threadInfo.reason}</p>
        </details>
      )}
      <ul>
        {others.map((s) => (
          <li key={s.id}>
            <Link href={`/stories/${encodeURIComponent(s.id)}`}>{s.title}</Link> <span class="muted">{formatRange(s.firstPublished, s.lastPublished)}</span>
          </li>
        ))}
      </ul>
      <Link href={`/?thread=${encodeURIComponent(props.story.thread)}`}>The whole thread →</Link>
    </aside>
  );
}

function StoryBody(props: { story: StoryDetail }): JSX.Element {
  const story = props.story;
  useTitle(story.title);
  const sources = sourcesOf(story);
  const numbers = new Map(sources.map((s, i) => [s.articleId, i + 1]));
  const cites: CiteIndex = new Map(sources.map((s, i) => [s.articleId, { n: i + 1, label: `${sourceLabel(s)}, ${formatDate(s.published)}` }]));
  const outlets = new Set(sources.map((s) => s.outlet).filter(Boolean)).size;
  const conflicts = extra(story, 'conflicts')?.length ?? 0;
  useEffect(() => {
    // Deep links to a source (`#source-ID`) land on it once the page has rendered.
    if (window.location.hash) document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [story.id]);
  return (
    <article class="story">
      <nav class="crumbs" aria-label="breadcrumb">
        <Link href="/">Stories</Link> / <span aria-current="page">Story</span>
      </nav>
      <h1>{story.title || '(untitled story)'}</h1>
      <p class="meta story-meta">
        <time dateTime={story.lastPublished ?? undefined}>{formatRange(story.firstPublished, story.lastPublished)}</time> · {plural(story.articleCount, 'article')} ·{' '}
        {plural(outlets, 'outlet')}
        {conflicts > 0 && (
          <>
            {' '}
            · <a href="#conflicts" class="badge conflict-badge">{plural(conflicts, 'conflict')}</a>
          </>
        )}
        {story.thread && story.threadStories.length > 1 && (
          <>
            {' '}
            · <a href="#thread">part of a thread of {story.threadStories.length} stories</a>
          </>
        )}
      </p>
      <div class="story-grid">
        <div class="story-main">
          <Brief story={story} cites={cites} />
          <ConflictCards story={story} cites={cites} />
          <Provenance story={story} sources={sources} numbers={numbers} />
        </div>
        <div class="story-side">
          <Thread story={story} />
          <Entities story={story} />
        </div>
      </div>
      <div class="story-wide">
        <Sources sources={sources} />
        <Claims story={story} cites={cites} />
        <div class="two-col">
          <Quotes story={story} cites={cites} />
          <Timeline story={story} cites={cites} />
        </div>
        <Why story={story} cites={cites} />
      </div>
    </article>
  );
}

export function StoryPage(props: { id: string }): JSX.Element {
  const result = useApi<StoryDetail>(`/api/stories/${encodeURIComponent(props.id)}`);
  return <Load result={result}>{(story) => <StoryBody story={story} />}</Load>;
}
