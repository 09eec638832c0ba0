// The frame of every page: the hub's name, the search box, the main sections and who is signed in.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SessionAccount } from '../api-types.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { Bell } from './Bell.tsx';

const SECTIONS = [
  { to: '/', label: 'Home' },
  { to: '/sightings', label: 'Sightings' },
  { to: '/advisories', label: 'Advisories' },
];

export function Layout({ account, onSignOut, children }: { account: SessionAccount; onSignOut: () => void; children: ReactNode }) {
  const location = useLocation();
  const [text, setText] = useState(location.path === '/search' ? location.query.get('q') ?? '' : '');
  const search = (event: FormEvent): void => {
    event.preventDefault();
    if (text.trim() !== '') navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link to="/" className="brand" aria-label="Tocsin home"><Bell /> Tocsin</Link>
        <form className="search-box" role="search" onSubmit={search}>
          <label htmlFor="search" className="visually-hidden">Search the knowledge base</label>
          <input id="search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search actors, techniques, indicators, G0032…" autoComplete="off" />
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Sections">
          {SECTIONS.map((s) => <Link key={s.to} to={s.to} aria-current={location.path === s.to ? 'page' : undefined}>{s.label}</Link>)}
        </nav>
        <div className="who">
          <span title={`organisation ${account.org}`}>{account.name} · {account.orgName}</span>
          <button type="button" className="link-button" onClick={onSignOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
