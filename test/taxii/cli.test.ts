// The hub's CLI commands: organisations, accounts, tokens, collections, rights, feeds, and serving.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CliSandbox } from '../cli/run-cli.ts';
import { Hub, indicator, ROOT, TAXII } from './hub-fixture.ts';
import { openAccessStore, openStore } from '../../src/store/open-store.ts';
import { runHub } from '../../src/cli/run-hub.ts';

let cli: CliSandbox;
before(() => { cli = new CliSandbox(); });
after(() => cli.cleanup());

test('org add, account add: the generated password is shown once and stored only as a scrypt hash', async () => {
  await cli.json(['org', 'add', 'cert-a', '--name', 'CERT A']);
  const account = await cli.json<{ id: string; password: string }>(['account', 'add', 'alice', '--org', 'cert-a']);
  assert.ok(account.password.length >= 40);
  const access = await openAccessStore(cli.dataDir);
  const hash = await access.passwordHash('alice');
  await access.close();
  assert.match(hash!, /^scrypt\$/);
  assert.ok(!hash!.includes(account.password));
});

test('account add refuses an unknown organisation with a usage error', async () => {
  const result = await cli.run(['account', 'add', 'bob', '--org', 'nowhere']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no organisation nowhere/);
});

test('collection add, grant and revoke manage rights by alias', async () => {
  await cli.json(['org', 'add', 'cert-b']);
  const collection = await cli.json<{ id: string }>(['collection', 'add', 'Indicators', '--view', '--type', 'indicator', '--tlp-ceiling', 'green', '--alias', 'iocs']);
  assert.match(collection.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(await cli.json(['collection', 'grant', 'iocs', 'org:cert-b', '--read']), [{ collection: collection.id, principal: 'org:cert-b', read: true, write: false }]);
  assert.deepEqual(await cli.json(['collection', 'revoke', 'iocs', 'org:cert-b']), []);
  assert.equal((await cli.run(['collection', 'grant', 'iocs', 'org:nobody'])).code, 2);
});

test('view filters without --view are refused', async () => {
  assert.equal((await cli.run(['collection', 'add', 'x', '--type', 'indicator'])).code, 2);
});

test('token create prints a token once; token revoke stops it', async () => {
  await cli.json(['org', 'add', 'cert-c']);
  await cli.json(['account', 'add', 'carol', '--org', 'cert-c']);
  const token = await cli.json<{ id: string; token: string }>(['token', 'create', 'carol']);
  assert.match(token.token, /^tocsin_/);
  assert.deepEqual(await cli.json(['token', 'revoke', token.id]), { id: token.id, revoked: true });
  assert.equal((await cli.run(['token', 'revoke', 'missing'])).code, 2);
});

test('feed add, pull and push work against a real TAXII server', async () => {
  const remote = await Hub.start();
  try {
    await remote.account('partner', 'remote-org');
    const collection = await remote.collection({ grants: { 'account:partner': 'rw' } });
    const objects = [indicator(), indicator()];
    await remote.post(collection, objects, 'partner');
    const added = await cli.run(['feed', 'add', 'remote', `${remote.running.url}/${ROOT}/`, '--collection', collection, '--user', 'partner'], 'partner-secret\n');
    assert.equal(added.code, 0, added.stderr);
    const [pulled] = await cli.json<{ received: number; stored: number }[]>(['feed', 'pull', 'remote']);
    assert.deepEqual([pulled!.received, pulled!.stored], [2, 2]);
    const file = join(cli.dataDir, 'push.json');
    const pushed = indicator();
    writeFileSync(file, JSON.stringify({ type: 'bundle', id: 'bundle--6b1bb5ad-6bf3-4e61-9a0c-6c0f1b1c2d3e', objects: [pushed] }));
    const summary = await cli.json<{ succeeded: number }>(['feed', 'push', 'remote', file]);
    assert.equal(summary.succeeded, 1);
    assert.equal((await remote.get(`/${ROOT}/collections/${collection}/objects/${pushed.id}/`, 'partner')).status, 200);
  } finally {
    await remote.close();
  }
});

test('serve refuses plain HTTP on a non-loopback address unless forced', async () => {
  const store = await openStore(cli.dataDir);
  const access = await openAccessStore(cli.dataDir);
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), env: {}, cwd: cli.dataDir };
  try {
    await assert.rejects(runHub(store, access, { listen: '0.0.0.0:0' }, io, { demo: false }), /plain HTTP/);
  } finally {
    await access.close();
    await store.close();
  }
});

test('the hub run by start/serve creates the demo collections and answers discovery until stopped', async () => {
  const store = await openStore(cli.dataDir);
  const access = await openAccessStore(cli.dataDir);
  let out = '';
  let stop!: () => void;
  const until = new Promise<void>((resolve) => { stop = resolve; });
  const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: () => true }, stdin: Readable.from([]), env: {}, cwd: cli.dataDir };
  const running = runHub(store, access, { listen: '127.0.0.1:0' }, io, { demo: true, until });
  try {
    for (let i = 0; i < 100 && !out.includes('/taxii2/'); i++) await new Promise((r) => setTimeout(r, 20));
    const url = /TAXII 2\.1 server: (\S+)/.exec(out)![1]!;
    const reply = await fetch(url, { headers: { accept: TAXII } });
    assert.deepEqual(await reply.json(), { title: 'Tocsin TAXII hub', default: '/demo/', api_roots: ['/demo/'] });
    assert.match(out, /alias knowledge-base/);
    assert.match(out, /alias submissions/);
  } finally {
    stop();
    assert.equal(await running, 0);
    await access.close();
    await store.close();
  }
});

test('share names the recipients of an object; provenance shows who supplied each version', async () => {
  await cli.json(['org', 'add', 'cert-r']);
  await cli.json(['account', 'add', 'rita', '--org', 'cert-r']);
  const red = indicator({ marking: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1' });
  const file = join(cli.dataDir, 'red.json');
  writeFileSync(file, JSON.stringify(red));
  assert.equal((await cli.run(['import', file])).code, 0);
  assert.deepEqual(await cli.json(['share', red.id as string, 'account:rita', 'org:cert-r']), { id: red.id, recipients: ['account:rita', 'org:cert-r'] });
  assert.equal((await cli.run(['share', red.id as string, '*'])).code, 2);
  assert.equal((await cli.run(['share', red.id as string, 'account:nobody'])).code, 2);
  const provenance = await cli.json<{ versions: { tlp: string; account: string | null }[] }>(['provenance', red.id as string]);
  assert.deepEqual(provenance.versions.map((v) => [v.tlp, v.account]), [['red', null]]);
});

test('with --poll-feeds the running hub pulls its feeds periodically', async () => {
  const remote = await Hub.start();
  try {
    await remote.account('poller', 'remote-org');
    const collection = await remote.collection({ grants: { 'account:poller': 'rw' } });
    const object = indicator();
    await remote.post(collection, [object], 'poller');
    assert.equal((await cli.run(['feed', 'add', 'polled', `${remote.running.url}/${ROOT}/`, '--collection', collection, '--user', 'poller'], 'poller-secret\n')).code, 0);
    const store = await openStore(cli.dataDir);
    const access = await openAccessStore(cli.dataDir);
    let stop!: () => void;
    const until = new Promise<void>((resolve) => { stop = resolve; });
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), env: {}, cwd: cli.dataDir };
    const running = runHub(store, access, { listen: '127.0.0.1:0', pollFeeds: '0.001' }, io, { demo: false, until });
    try {
      for (let i = 0; i < 100 && (await store.get(object.id as string)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal((await store.get(object.id as string)).length, 1);
    } finally {
      stop();
      await running;
      await access.close();
      await store.close();
    }
  } finally {
    await remote.close();
  }
});

test('serve refuses a --detect-threads that is not a whole number from 1 to 64', async () => {
  const result = await cli.run(['serve', '--listen', '127.0.0.1:0', '--detect-threads', '0']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--detect-threads must be a whole number from 1 to 64, not 0/);
});
