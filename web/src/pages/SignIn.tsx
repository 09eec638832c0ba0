// Sign-in with a hub account's name and password; the server issues a session token kept for this tab.
import { useState, type FormEvent } from 'react';
import type { SessionAccount } from '../api-types.ts';
import { ApiError, signIn } from '../api.ts';
import { Bell } from '../components/Bell.tsx';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (account: SessionAccount) => void; notice: string | null }) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(account.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'sign-in failed');
      setBusy(false);
    }
  };
  return (
    <main className="sign-in" id="main">
      <form onSubmit={submit} aria-describedby="sign-in-help">
        <h1><Bell /> Tocsin</h1>
        <p id="sign-in-help">Threat intelligence shared by your partners. Sign in with your hub account.</p>
        {notice ? <p className="notice" role="status">{notice}</p> : null}
        <label htmlFor="account">Account</label>
        <input id="account" name="account" autoComplete="username" value={account} onChange={(e) => setAccount(e.target.value)} required autoFocus />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p className="hint">No account? The hub's operator creates one with <code>npx tocsin account add NAME --org ORG</code>.</p>
      </form>
    </main>
  );
}
