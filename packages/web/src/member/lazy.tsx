// The member app as the console's router mounts it: loaded on demand, so neither bundle carries the other's pages.
import { lazy, Suspense } from 'react';

const MemberApp = lazy(() => import('./MemberApp'));

export function MemberRoute() {
  return (
    <Suspense fallback={null}>
      <MemberApp />
    </Suspense>
  );
}
