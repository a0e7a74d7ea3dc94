// The silent recorder: one page_view event per visit of a member page, with how long it stayed visible (dwell).
// A view ends on a route change or when the page is hidden (pagehide, visibilitychange); the POST uses fetch
// keepalive so it survives the tab closing. Nothing is sent while no member is signed in (the server would refuse).
import { useEffect } from 'react';
import { useLocation } from 'react-router';

let signedIn = false;

/** Pages call this whenever the server tells them who (if anyone) is signed in. */
export function setMemberSignedIn(value: boolean): void {
  signedIn = value;
}

interface OpenView {
  path: string;
  at: string;
  since: number;
}

let current: OpenView | null = null;

function open(path: string): void {
  current = { path, at: new Date().toISOString(), since: performance.now() };
}

/** Ends the open view and sends it; the promise settles when the server has answered (or the send failed). */
function close(): Promise<void> {
  const view = current;
  current = null;
  if (!view || !signedIn) return Promise.resolve();
  const event = {
    id: crypto.randomUUID(),
    name: 'page_view',
    at: view.at,
    props: { path: view.path, dwellMs: Math.round(performance.now() - view.since) },
  };
  // keepalive: the request outlives the page; a lost event is acceptable, so failures are not retried.
  return fetch('/api/m/events', {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-qunyun-member': '1' },
    body: JSON.stringify({ events: [event] }),
  }).then(() => undefined, () => undefined);
}

/**
 * Ends the open view now and starts a new one on the same path: before signing out, while the member still counts.
 * Await it before the sign-out request, or that request may reach the server first and the view be refused.
 */
export function flushPageView(): Promise<void> {
  const path = current?.path;
  const sent = close();
  if (path) open(path);
  return sent;
}

/** Mounted once by the member app: records the view of each path it shows. */
export function usePageViews(): void {
  const { pathname } = useLocation();

  useEffect(() => {
    if (document.visibilityState === 'visible') open(pathname);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void close();
      else if (!current) open(pathname);
    };
    const onPageHide = () => void close();
    const onPageShow = () => {
      if (!current && document.visibilityState === 'visible') open(pathname);
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      void close();
    };
  }, [pathname]);
}
