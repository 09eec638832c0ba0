// The hub configuration file (YAML or JSON) and its overrides; plain HTTP only on loopback unless forced; TLS serving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { ConfigError, loadConfig } from '../../src/taxii/server/hub-config.ts';
import { isLoopback } from '../../src/taxii/server/hub.ts';
import { Hub, TAXII } from './hub-fixture.ts';

function withFile(name: string, text: string, body: (file: string, dir: string) => Promise<void> | void): Promise<void> | void {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-config-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  const done = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const result = body(file, dir);
    if (result instanceof Promise) return result.finally(done);
    done();
  } catch (err) {
    done();
    throw err;
  }
}

const YAML = `
title: Partner hub
contact: soc@example.org
listen: 0.0.0.0:8443
tls: { cert: /etc/tocsin/cert.pem, key: /etc/tocsin/key.pem }
api_roots:
  - path: finance
    title: Financial sector
    max_content_length: 1048576
  - path: public
    title: Public
default_api_root: public
collections:
  - id: 2b4e7f0a-1c9d-4e8b-9a6f-3d2c1b0a9e8f
    api_root: finance
    title: Finance indicators
    kind: view
    filter: { types: [indicator], tlp_ceiling: green, max_age_days: 90 }
    audience: [bank-a]
    default_tlp: amber
    grants:
      - { principal: "org:bank-a", read: true }
`;

test('a YAML configuration sets API roots, collections with view filters, listen address and TLS', () => withFile('hub.yaml', YAML, (file) => {
  const config = loadConfig(file);
  assert.equal(config.title, 'Partner hub');
  assert.deepEqual(config.listen, { host: '0.0.0.0', port: 8443 });
  assert.deepEqual(config.tls, { cert: '/etc/tocsin/cert.pem', key: '/etc/tocsin/key.pem' });
  assert.deepEqual(config.apiRoots.map((r) => [r.path, r.maxContentLength]), [['finance', 1048576], ['public', 10485760]]);
  assert.equal(config.defaultApiRoot, 'public');
  const [collection] = config.collections;
  assert.deepEqual(collection!.filter, { types: ['indicator'], tlpCeiling: 'green', maxAgeDays: 90 });
  assert.equal(collection!.defaultTlp, 'amber');
  assert.deepEqual(collection!.grants, [{ principal: 'org:bank-a', read: true, write: false }]);
}));

test('a JSON configuration is read as JSON', () => withFile('hub.json', JSON.stringify({ listen: '127.0.0.1:9000' }), (file) => {
  assert.deepEqual(loadConfig(file).listen, { host: '127.0.0.1', port: 9000 });
}));

test('flags and environment override the file', () => withFile('hub.yaml', YAML, (file) => {
  const config = loadConfig(file, { listen: '[::1]:7000', tlsCert: 'c.pem', tlsKey: 'k.pem' });
  assert.deepEqual(config.listen, { host: '::1', port: 7000 });
  assert.deepEqual(config.tls, { cert: 'c.pem', key: 'k.pem' });
}));

for (const [text, why] of [
  ['listen: nowhere', 'a listen address without port'],
  ['api_roots: []', 'no API roots'],
  ['api_roots: [{ path: "a/b" }]', 'an API root path with a slash'],
  ['collections: [{ id: not-a-uuid }]', 'a collection id that is no UUIDv4'],
  ['collections: [{ id: 2b4e7f0a-1c9d-4e8b-9a6f-3d2c1b0a9e8f, default_tlp: purple }]', 'an unknown TLP level'],
  ['collections: [{ id: 2b4e7f0a-1c9d-4e8b-9a6f-3d2c1b0a9e8f, filter: { types: [x] } }]', 'a filter on a stored collection'],
  ['[1, 2]', 'a list instead of a mapping'],
]) {
  test(`the configuration is refused for ${why}`, () => withFile('hub.yaml', text, (file) => {
    assert.throws(() => loadConfig(file), ConfigError);
  }));
}

test('loopback addresses are recognised', () => {
  assert.deepEqual(['127.0.0.1', '127.9.9.9', '::1', 'localhost', '0.0.0.0', '192.0.2.1'].map(isLoopback), [true, true, true, true, false, false]);
});

test('plain HTTP on a public address is refused unless forced, then served with a warning', async () => {
  await assert.rejects(Hub.start({ listen: { host: '0.0.0.0', port: 0 } }), ConfigError);
  const hub = await Hub.start({ listen: { host: '0.0.0.0', port: 0 }, allowPlainHttp: true });
  try {
    assert.match(hub.running.warnings[0]!, /plain HTTP/);
  } finally {
    await hub.close();
  }
});

test('with a certificate and key the hub serves HTTPS', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-tls-'));
  try {
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
        '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    } catch {
      t.skip('openssl is not available to make a test certificate');
      return;
    }
    const hub = await Hub.start({ tls: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } });
    try {
      assert.match(hub.running.url, /^https:/);
      const body = await new Promise<string>((resolve, reject) => {
        request(`${hub.running.url}/taxii2/`, { headers: { accept: TAXII }, rejectUnauthorized: false }, (res) => {
          let text = '';
          res.on('data', (chunk) => { text += chunk; });
          res.on('end', () => resolve(text));
        }).on('error', reject).end();
      });
      assert.equal(JSON.parse(body).title, 'Tocsin TAXII hub');
    } finally {
      await hub.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
