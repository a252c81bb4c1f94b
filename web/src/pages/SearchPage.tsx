/** Full-text search: hits with highlighted snippets, and the entities whose names match. */
import type { JSX } from 'preact';
import type { SearchResponse } from '../api';
import { EntityLink, fileName, formatDate, Load, useApi, useTitle } from '../components/common';
import { Link, useLocation } from '../router';

export function SearchPage(): JSX.Element {
  const q = useLocation().query.get('q')?.trim() ?? '';
  useTitle(q ? `Search: ${q}` : 'Search');
  const result = useApi<SearchResponse>(q ? `/api/search?q=${encodeURIComponent(q)}` : null);
  if (!q) return <p class="notice">Type words into the search box above.</p>;
  return (
    <section aria-labelledby="search-h">
      <h1 id="search-h">
        Search: <span class="query">{q}</span>
      </h1>
      <Load result={result}>
        {(r) => (
          <>
            {r.entities.length > 0 && (
              <div class="panel">
                <h2>Entities</h2>
                <ul class="chips">
                  {r.entities.map((e) => (
                    <li key={e.id}>
                      <EntityLink id={e.id}>{e.name}</EntityLink>
                      {e.type && <span class="kind">{e.type.toLowerCase()}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {r.results.length === 0 ? (
              <p class="notice">No article matches all of these words.</p>
            ) : (
              <ol class="results" aria-label="results">
                {r.results.map((h) => (
                  <li key={h.articleId}>
                    <h2>
                      {h.storyId ? (
                        <Link href={`/stories/${encodeURIComponent(h.storyId)}#source-${h.articleId}`}>{h.title ?? fileName(h.source)}</Link>
                      ) : (
                        (h.title ?? fileName(h.source))
                      )}
                    </h2>
                    <p class="meta">
                      {h.outlet ?? 'outlet unknown'} · {formatDate(h.published)}
                    </p>
                    <p class="snippet">{h.parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</p>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </Load>
    </section>
  );
}
