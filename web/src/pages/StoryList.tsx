/** The story list: newest first, how well each story is sourced, stories of a thread together. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { StoryListItem, StoryPage } from '../api';
import { formatRange, Load, plural, useApi, useTitle } from '../components/common';
import { Link, navigate, useLocation } from '../router';

const FILTERS = ['q', 'entity', 'outlet', 'from', 'to', 'thread'] as const;

/** Groups the stories of one thread at the place of its newest story; order is otherwise kept. */
export function groupByThread(stories: readonly StoryListItem[]): { thread: string | null; stories: StoryListItem[] }[] {
  const groups: { thread: string | null; stories: StoryListItem[] }[] = [];
  const byThread = new Map<string, { thread: string | null; stories: StoryListItem[] }>();
  for (const s of stories) {
    const existing = s.thread ? byThread.get(s.thread) : undefined;
    if (existing) existing.stories.push(s);
    else {
      const g = { thread: s.thread, stories: [s] };
      groups.push(g);
      if (s.thread) byThread.set(s.thread, g);
    }
  }
  return groups;
}

function StoryCard(props: { story: StoryListItem }): JSX.Element {
  const s = props.story;
  return (
    <article class="story-card">
      <h2>
        <Link href={`/stories/${encodeURIComponent(s.id)}`}>{s.title || '(untitled story)'}</Link>
      </h2>
      <p class="meta">
        <time dateTime={s.lastPublished ?? undefined}>{formatRange(s.firstPublished, s.lastPublished)}</time>
      </p>
      <ul class="counts" aria-label="sourcing">
        <li>
          <strong>{s.articleCount}</strong> {s.articleCount === 1 ? 'article' : 'articles'}
        </li>
        <li>
          <strong>{s.outletCount}</strong> {s.outletCount === 1 ? 'outlet' : 'outlets'}
        </li>
        {s.independentOrigins !== null && (
          <li title="articles resting on the same origin or copying one another count once">
            <strong>{s.independentOrigins}</strong> independent {s.independentOrigins === 1 ? 'origin' : 'origins'}
          </li>
        )}
        {s.conflictCount !== null && s.conflictCount > 0 && (
          <li>
            <span class="badge conflict-badge">{plural(s.conflictCount, 'conflict')}</span>
          </li>
        )}
      </ul>
      {s.outlets.length > 0 && <p class="outlets">{s.outlets.join(' · ')}</p>}
    </article>
  );
}

function Filters(props: { query: URLSearchParams }): JSX.Element {
  const [open, setOpen] = useState(FILTERS.some((f) => f !== 'q' && props.query.get(f)));
  const submit = (e: JSX.TargetedEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = String(data.get(f) ?? props.query.get(f) ?? '').trim();
      if (v) next.set(f, v);
    }
    navigate(next.size ? `/?${next}` : '/');
  };
  return (
    <form class="filters" onSubmit={submit} role="search" aria-label="filter stories">
      <div class="filter-row">
        <label class="grow">
          <span class="label">Words</span>
          <input name="q" type="search" defaultValue={props.query.get('q') ?? ''} placeholder="e.g. port strike" />
        </label>
        <button type="submit">Filter</button>
        <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          More filters
        </button>
      </div>
      {open && (
        <div class="filter-row">
          <label>
            <span class="label">Entity</span>
            <input name="entity" defaultValue={props.query.get('entity') ?? ''} placeholder="a name" />
          </label>
          <label>
            <span class="label">Outlet</span>
            <input name="outlet" defaultValue={props.query.get('outlet') ?? ''} />
          </label>
          <label>
            <span class="label">From</span>
            <input name="from" type="date" defaultValue={props.query.get('from') ?? ''} />
          </label>
          <label>
            <span class="label">To</span>
            <input name="to" type="date" defaultValue={props.query.get('to') ?? ''} />
          </label>
        </div>
      )}
    </form>
  );
}

export function StoryList(): JSX.Element {
  const { query } = useLocation();
  const params = new URLSearchParams();
  for (const f of [...FILTERS, 'offset'] as const) {
    const v = query.get(f);
    if (v) params.set(f, v);
  }
  const offset = Number(query.get('offset') ?? 0) || 0;
  const result = useApi<StoryPage>(`/api/stories?${params}`);
  const filtered = FILTERS.some((f) => query.get(f));
  useTitle('Stories');
  const pageHref = (o: number): string => {
    const p = new URLSearchParams(params);
    if (o > 0) p.set('offset', String(o));
    else p.delete('offset');
    return p.size ? `/?${p}` : '/';
  };
  return (
    <section aria-labelledby="stories-heading">
      <div class="page-head">
        <h1 id="stories-heading">Stories</h1>
        {filtered && (
          <Link href="/" class="clear">
            Clear filters
          </Link>
        )}
      </div>
      <Filters query={query} key={query.toString()} />
      <Load result={result}>
        {(page) => (
          <>
            {page.stories.length === 0 ? (
              <div class="notice">
                {filtered ? 'No story matches these filters.' : 'No stories yet. '}
                {!filtered && <Link href="/upload">Upload articles</Link>}
                {!filtered && ' or run `dossier analyze FOLDER`.'}
              </div>
            ) : (
              <ol class="story-list">
                {groupByThread(page.stories).map((g) =>
                  g.stories.length > 1 ? (
                    <li class="thread-group" key={`t-${g.thread}`}>
                      <p class="thread-label">
                        <span class="badge thread-badge">Thread</span> {plural(g.stories.length, 'connected story', 'connected stories')}
                      </p>
                      <ol>
                        {g.stories.map((s) => (
                          <li key={s.id}>
                            <StoryCard story={s} />
                          </li>
                        ))}
                      </ol>
                    </li>
                  ) : (
                    <li key={g.stories[0]!.id}>
                      <StoryCard story={g.stories[0]!} />
                    </li>
                  ),
                )}
              </ol>
            )}
            <nav class="pager" aria-label="pages">
              {offset > 0 && <Link href={pageHref(Math.max(0, offset - page.limit))}>← Newer</Link>}
              {page.hasMore && <Link href={pageHref(offset + page.limit)}>Older →</Link>}
            </nav>
          </>
        )}
      </Load>
    </section>
  );
}
