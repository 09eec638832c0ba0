// Loading and error states: never a blank screen, always what is happening and what to do.
import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import type { Loaded } from '../use-api.ts';

export function Loading({ what }: { what: string }) {
  return <div className="status loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />Loading {what}…</div>;
}

export function ErrorBox({ error, retry, what }: { error: Error; retry?: () => void; what: string }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="status error" role="alert">
      <strong>{notFound ? 'Not found' : `Could not load ${what}`}</strong>
      <p>{notFound ? 'It does not exist, or your account may not see it.' : error.message}</p>
      {retry && !notFound ? <button type="button" onClick={retry}>Try again</button> : null}
    </div>
  );
}

export function Show<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <Loading what={what} />;
  if (loaded.state === 'error') return <ErrorBox error={loaded.error} retry={loaded.retry} what={what} />;
  return <>{children(loaded.data)}</>;
}
