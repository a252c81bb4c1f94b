/**
 * A tiny client router over the History API: real URLs (`/stories/ID`) that the server answers
 * with the same page, links that are ordinary `<a href>` (keyboard, middle-click and "copy
 * link" work), and in-app navigation without reloads.
 */
import type { ComponentChildren, JSX } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  query: URLSearchParams;
  hash: string;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search), hash: window.location.hash };
}

const LocationContext = createContext<Location>(current());

/** Goes to a URL inside the app. */
export function navigate(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Provides the current location and re-renders on navigation. */
export function Router(props: { children: ComponentChildren }): JSX.Element {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const onPop = (): void => setLoc(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return <LocationContext.Provider value={loc}>{props.children}</LocationContext.Provider>;
}

export function useLocation(): Location {
  return useContext(LocationContext);
}

/** An in-app link: a plain anchor whose plain left clicks navigate without a reload. */
export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }): JSX.Element {
  const { href, onClick, ...rest } = props;
  const click = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>): void => {
    if (typeof onClick === 'function') onClick(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
    if (url.hash) document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
    else window.scrollTo(0, 0);
  };
  return <a href={href} onClick={click} {...rest} />;
}
