// The app: sign-in until there is a session, then the page the URL names inside the common frame.
import { useEffect, useState } from 'react';
import type { SessionAccount } from './api-types.ts';
import { currentAccount, onSignedOut, sessionToken, signOut } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Loading } from './components/Status.tsx';
import { setUnmarkedLevel } from './components/Tlp.tsx';
import { useLocation } from './router.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Home } from './pages/Home.tsx';
import { Search } from './pages/Search.tsx';
import { ObjectPage } from './pages/ObjectPage.tsx';
import { GraphPage } from './pages/GraphPage.tsx';
import { Sightings } from './pages/Sightings.tsx';
import { Advisories } from './pages/Advisories.tsx';

type Session = { state: 'checking' } | { state: 'signed-out'; notice: string | null } | { state: 'signed-in'; account: SessionAccount };

export function App() {
  const [session, setSession] = useState<Session>(() => (sessionToken() ? { state: 'checking' } : { state: 'signed-out', notice: null }));
  useEffect(() => {
    if (session.state === 'checking') {
      currentAccount().then(
        (account) => setSession({ state: 'signed-in', account }),
        () => setSession({ state: 'signed-out', notice: 'Your session has ended; sign in again.' }),
      );
    }
    return onSignedOut(() => setSession({ state: 'signed-out', notice: 'Your session has ended; sign in again.' }));
  }, [session.state]);

  setUnmarkedLevel(session.state === 'signed-in' ? session.account.defaultTlp : null);
  if (session.state === 'checking') return <main className="sign-in"><Loading what="your session" /></main>;
  if (session.state === 'signed-out') return <SignIn notice={session.notice} onSignedIn={(account) => setSession({ state: 'signed-in', account })} />;
  const leave = (): void => { void signOut().finally(() => setSession({ state: 'signed-out', notice: 'Signed out.' })); };
  return <Layout account={session.account} onSignOut={leave}><RoutedPage /></Layout>;
}

function RoutedPage() {
  const { path, query } = useLocation();
  return <ErrorBoundary resetKey={`${path}?${query.toString()}`}><Page /></ErrorBoundary>;
}

const TITLES: Record<string, string> = { '/': 'Overview', '/search': 'Search', '/sightings': 'Sightings', '/advisories': 'Advisories' };

function Page() {
  const { path, query } = useLocation();
  useEffect(() => {
    // Moves focus to the new page so keyboard and screen-reader users start at its top.
    document.getElementById('main')?.focus({ preventScroll: true });
    // Object pages name themselves once loaded.
    if (TITLES[path]) document.title = `${TITLES[path]} · Tocsin`;
  }, [path]);
  const object = /^\/objects\/([^/]+)$/.exec(path);
  if (object) return <ObjectPage id={decodeURIComponent(object[1]!)} />;
  const graph = /^\/graph\/([^/]+)$/.exec(path);
  if (graph) return <GraphPage id={decodeURIComponent(graph[1]!)} />;
  switch (path) {
    case '/': return <Home />;
    case '/search': return <Search query={query.get('q') ?? ''} type={query.get('type')} />;
    case '/sightings': return <Sightings />;
    case '/advisories': return <Advisories report={query.get('report')} objects={query.get('objects')} />;
    default: return <div className="status error" role="alert"><strong>No page at {path}</strong><p>Use the search box or go back home.</p></div>;
  }
}
