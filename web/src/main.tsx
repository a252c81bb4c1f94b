/** The web UI's entry: the page frame (header, search box, navigation) and the routes. */
import type { JSX } from 'preact';
import { render } from 'preact';
import { EntityPage } from './pages/EntityPage';
import { SearchPage } from './pages/SearchPage';
import { StoryList } from './pages/StoryList';
import { StoryPage } from './pages/StoryPage';
import { UploadPage } from './pages/UploadPage';
import { Link, navigate, Router, useLocation } from './router';
import './style.css';

function SearchBox(): JSX.Element {
  const { path, query } = useLocation();
  const submit = (e: JSX.TargetedEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  return (
    <form class="searchbox" role="search" onSubmit={submit}>
      <label for="site-search" class="visually-hidden">
        Search articles and entities
      </label>
      <input id="site-search" name="q" type="search" placeholder="Search articles, names…" defaultValue={path === '/search' ? (query.get('q') ?? '') : ''} key={path} />
      <button type="submit">Search</button>
    </form>
  );
}

function Page(): JSX.Element {
  const { path } = useLocation();
  const story = /^\/stories\/([^/]+)\/?$/.exec(path);
  const entity = /^\/entities\/([^/]+)\/?$/.exec(path);
  let page: JSX.Element;
  if (path === '/' || path === '/stories') page = <StoryList />;
  else if (story) page = <StoryPage id={decodeURIComponent(story[1]!)} key={story[1]} />;
  else if (entity) page = <EntityPage id={decodeURIComponent(entity[1]!)} key={entity[1]} />;
  else if (path === '/search') page = <SearchPage />;
  else if (path === '/upload') page = <UploadPage />;
  else page = <p class="notice">No such page. <Link href="/">Back to the stories</Link>.</p>;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <div class="top-inner">
          <Link href="/" class="brand" aria-label="Dossier: stories">
            Dossier
          </Link>
          <nav aria-label="main">
            <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
              Stories
            </Link>
            <Link href="/upload" aria-current={path === '/upload' ? 'page' : undefined}>
              Upload
            </Link>
          </nav>
          <SearchBox />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer class="foot">
        <a href="/api/openapi.json">API</a> · Dossier: sourced story dossiers
      </footer>
    </>
  );
}

render(
  <Router>
    <Page />
  </Router>,
  document.getElementById('app')!,
);
