// The two apps behind one router: the member pages under /m (the check-in app on members' phones) and the staff
// console everywhere else. Each is loaded on demand, so a phone opening a campaign link never downloads the console.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n/I18nProvider';
import { MemberRoute } from './member/lazy';

const ConsoleApp = lazy(() => import('./ConsoleApp'));

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/m/*" element={<MemberRoute />} />
          <Route path="*" element={<Suspense fallback={null}><ConsoleApp /></Suspense>} />
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}
