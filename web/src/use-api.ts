// Loads one API resource for a page: data, loading and error states, and a retry.
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: Error; retry: () => void }
  | { state: 'ready'; data: T; reload: () => void };

export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [result, setResult] = useState<{ state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T }>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => { if (live) setResult({ state: 'ready', data }); },
      (error: unknown) => { if (live) setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  if (result.state === 'error') return { ...result, retry: again };
  if (result.state === 'ready') return { ...result, reload: again };
  return result;
}
