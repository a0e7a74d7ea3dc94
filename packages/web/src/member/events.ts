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

function close(): void {
  const view = current;
  current = null;
  if (!view || !signedIn) return;
  const event = {
    id: crypto.randomUUID(),
    name: 'page_view',
    at: view.at,
    props: { path: view.path, dwellMs: Math.round(performance.now() - view.since) },
  };
  // keepalive: the request outlives the page; a lost event is acceptable, so failures are not retried.
  fetch('/api/m/events', {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-qunyun-member': '1' },
    body: JSON.stringify({ events: [event] }),
  }).catch(() => undefined);
}

/** Ends the open view now and starts a new one on the same path: before signing out, while the member still counts. */
export function flushPageView(): void {
  const path = current?.path;
  close();
  if (path) open(path);
}

/** Mounted once by the member app: records the view of each path it shows. */
export function usePageViews(): void {
  const { pathname } = useLocation();

  useEffect(() => {
    if (document.visibilityState === 'visible') open(pathname);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') close();
      else if (!current) open(pathname);
    };
    const onPageHide = () => close();
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
      close();
    };
  }, [pathname]);
}
