/** An entity: its spellings, the stories it appears in over time, and what it was quoted saying. */
import type { JSX } from 'preact';
import type { EntityPage as Entity } from '../api';
import { fileName, formatDate, formatRange, Load, plural, useApi, useTitle, variantText } from '../components/common';
import { Link } from '../router';

function EntityBody(props: { entity: Entity }): JSX.Element {
  const e = props.entity;
  useTitle(e.name);
  const stories = [...e.stories].sort((a, b) => (b.lastPublished ?? '').localeCompare(a.lastPublished ?? ''));
  return (
    <article class="entity">
      <nav class="crumbs" aria-label="breadcrumb">
        <Link href="/">Stories</Link> / <span aria-current="page">Entity</span>
      </nav>
      <h1>{e.name}</h1>
      <p class="meta">
        <span class="kind">{e.type.toLowerCase()}</span> · mentioned in {plural(e.articleCount, 'article')} across {plural(e.stories.length, 'story', 'stories')}
      </p>
      {e.variants.length > 1 && (
        <section class="panel" aria-labelledby="variants-h">
          <h2 id="variants-h">Spellings</h2>
          <ul class="chips">
            {e.variants.map((v) => (
              <li key={variantText(v)}>
                {variantText(v)} <span class="muted">×{v.count}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="panel" aria-labelledby="estories-h">
        <h2 id="estories-h">Stories over time</h2>
        <ol class="timeline">
          {stories.map((s) => (
            <li key={s.id}>
              <time dateTime={s.lastPublished ?? undefined}>{formatRange(s.firstPublished, s.lastPublished)}</time>
              <p>
                <Link href={`/stories/${encodeURIComponent(s.id)}`}>{s.title}</Link> <span class="muted">· {plural(s.articleCount, 'article')}</span>
              </p>
            </li>
          ))}
        </ol>
      </section>
      {e.quotes.length > 0 && (
        <section class="panel" aria-labelledby="equotes-h">
          <h2 id="equotes-h">Quoted</h2>
          <ul class="quotes">
            {e.quotes.map((q, i) => (
              <li key={i}>
                <blockquote>{q.text}</blockquote>
                <p class="meta">
                  {formatDate(q.date)} · {q.storyId && <Link href={`/stories/${encodeURIComponent(q.storyId)}`}>{q.storyTitle ?? 'story'}</Link>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="panel" aria-labelledby="earticles-h">
        <h2 id="earticles-h">Articles</h2>
        <ul class="plain-list">
          {e.articles.map((a) => (
            <li key={a.id}>
              {a.storyId ? <Link href={`/stories/${encodeURIComponent(a.storyId)}#source-${a.id}`}>{a.title ?? fileName(a.source)}</Link> : (a.title ?? fileName(a.source))}{' '}
              <span class="muted">
                {a.outlet ?? 'outlet unknown'} · {formatDate(a.published)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

export function EntityPage(props: { id: string }): JSX.Element {
  const result = useApi<Entity>(`/api/entities/${encodeURIComponent(props.id)}`);
  return <Load result={result}>{(e) => <EntityBody entity={e} />}</Load>;
}
