// The authenticator refuses expired tokens and slows guessing with a per-client failure throttle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Authenticator } from '../../src/access/authenticator.ts';
import { FailureThrottle } from '../../src/access/failure-throttle.ts';
import { hashSecret } from '../../src/access/secret-hash.ts';
import { newToken } from '../../src/access/credentials.ts';
import { openAccessStore } from '../../src/store/open-store.ts';
import type { AccessStore } from '../../src/store/access-store.ts';

const basic = (account: string, password: string): string => `Basic ${Buffer.from(`${account}:${password}`).toString('base64')}`;

async function withAccess(body: (access: AccessStore) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-auth-'));
  const access = await openAccessStore(dir);
  try {
    await access.addOrg({ id: 'cert', name: 'CERT' });
    await access.addAccount({ id: 'alice', org: 'cert', name: 'Alice' }, await hashSecret('right-password'));
    await body(access);
  } finally {
    await access.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a failure throttle refuses a key after the allowed failures, until its window passes', () => {
  let now = 0;
  const throttle = new FailureThrottle({ failures: 3, windowMs: 60_000 }, () => now);
  for (let i = 0; i < 3; i++) throttle.fail('k');
  assert.equal(throttle.retryAfter('k'), 60);
  assert.equal(throttle.retryAfter('other'), 0);
  now = 60_000;
  assert.equal(throttle.retryAfter('k'), 0);
});

test('a success clears the failures counted so far', () => {
  const throttle = new FailureThrottle({ failures: 2, windowMs: 60_000 }, () => 0);
  throttle.fail('k');
  throttle.succeed('k');
  throttle.fail('k');
  assert.equal(throttle.retryAfter('k'), 0);
});

test('after ten wrong passwords even the right one is refused from that client for a while', () => withAccess(async (access) => {
  const auth = new Authenticator(access);
  for (let i = 0; i < 10; i++) assert.equal((await auth.authenticate(basic('alice', `guess-${i}`), '203.0.113.9')).outcome, 'rejected');
  const locked = await auth.authenticate(basic('alice', 'right-password'), '203.0.113.9');
  assert.equal(locked.outcome, 'throttled');
  assert.equal((await auth.authenticate(basic('alice', 'right-password'), '198.51.100.1')).outcome, 'authenticated');
}));

test('a token past its expiry no longer authenticates', () => withAccess(async (access) => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const auth = new Authenticator(access, () => now);
  const token = newToken();
  await access.addToken({ id: token.id, account: 'alice', created: '2026-01-01T00:00:00Z', revoked: false, expires: '2026-01-01T12:00:00Z' },
    await hashSecret(token.value.slice(token.value.indexOf('.') + 1)));
  assert.equal((await auth.authenticate(`Bearer ${token.value}`)).outcome, 'authenticated');
  now = Date.parse('2026-01-01T12:00:00Z');
  assert.equal((await auth.authenticate(`Bearer ${token.value}`)).outcome, 'rejected');
}));
