import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliSandbox } from '../cli/run-cli.ts';
import type { DetectSummary } from '../../src/detect/detect-run.ts';
import type { Alert } from '../../src/detect/alert.ts';
import { openStore } from '../../src/store/open-store.ts';
import { FIXTURES } from './read-events.ts';
import { IP_INDICATOR, seed } from './seed.ts';

const zeek = (name: string): string => join(FIXTURES, 'zeek', name);

async function inSeededSandbox(body: (cli: CliSandbox) => Promise<void>): Promise<void> {
  const cli = new CliSandbox();
  const store = await openStore(cli.dataDir);
  await seed(store);
  await store.close();
  try {
    await body(cli);
  } finally {
    cli.cleanup();
  }
}

test('detect prints a summary of events, matches, sightings and malformed lines', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', zeek('conn.log'), zeek('http.log'), zeek('conn-malformed.log')]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /10 records, 8 events, 2 malformed; 4 matches of 3 indicators, 3 sightings/);
  assert.match(result.stdout, /events\/s/);
  assert.match(result.stdout, /conn-malformed\.log:11: "not-a-time" is not a number/);
  assert.match(result.stdout, /Lazarus address\s+indicator--1111/);
}));

test('detect --json gives the summary as JSON', () => inSeededSandbox(async (cli) => {
  const summary = await cli.json<DetectSummary>(['detect', zeek('conn.log'), zeek('files.log')]);
  assert.equal(summary.events, 6);
  assert.equal(summary.indicators.active, 6);
  assert.ok(summary.byIndicator.some((m) => m.id === IP_INDICATOR));
}));

test('detect --alerts - writes alerts as JSON lines on stdout and the summary on stderr', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', '--alerts', '-', zeek('conn.log')]);
  const alerts = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Alert);
  assert.equal(alerts.length, 2);
  assert.deepEqual(alerts.map((a) => `${a.indicator.name} ${a.event.line}`).sort(), ['Lazarus address 10', 'Volgmer C2 address 9']);
  assert.match(result.stderr, /2 matches of 2 indicators/);
}));

test('detect --alerts FILE appends alerts to the file', () => inSeededSandbox(async (cli) => {
  const file = join(cli.dataDir, 'alerts.jsonl');
  await cli.run(['detect', '--alerts', file, zeek('conn.log')]);
  await cli.run(['detect', '--alerts', file, zeek('files.log')]);
  assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 4);
}));

test('detect reads standard input with the format given', () => inSeededSandbox(async (cli) => {
  const summary = await cli.json<DetectSummary>(['detect', '--format', 'zeek', '-'], readFileSync(zeek('dns-conn.json'), 'utf8'));
  assert.equal(summary.events, 2);
  assert.equal(summary.matches, 2);
}));

test('detect with a mapping reads generic JSON lines', () => inSeededSandbox(async (cli) => {
  const summary = await cli.json<DetectSummary>(['detect', '--format', 'jsonl', '--mapping', join(FIXTURES, 'jsonl', 'wallets.mapping.json'), join(FIXTURES, 'jsonl', 'transactions.jsonl')]);
  assert.equal(summary.matches, 1);
  assert.deepEqual(summary.malformedLines.map((m) => m.line), [3, 4]);
}));

test('detect of a missing file exits 2 and names it', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', zeek('nope.log')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /nope\.log: no such file/);
}));

test('detect of JSON lines without a mapping exits 2 and says what is missing', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', '--format', 'jsonl', join(FIXTURES, 'jsonl', 'transactions.jsonl')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /need --mapping/);
}));

test('detect rejects an unknown --format', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', '--format', 'pcap', zeek('conn.log')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--format must be one of zeek, suricata, jsonl, stix/);
}));

test('a broken mapping file exits 2 naming the problem', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', '--mapping', zeek('conn.log'), zeek('conn.log')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /mapping .*conn\.log/);
}));

test('detect reports a corrupt gzip file by name with exit code 2, not a crash', () => inSeededSandbox(async (cli) => {
  const file = join(cli.dataDir, 'broken.log.gz');
  writeFileSync(file, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5]));
  const result = await cli.run(['detect', file]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /broken\.log\.gz: not valid gzip/);
}));

test('detect --threads 2 reports what one thread reports', () => inSeededSandbox(async (cli) => {
  const inputs = [zeek('conn.log'), zeek('http.log'), zeek('files.log'), zeek('conn-malformed.log')];
  const strip = ({ elapsedMs: _e, eventsPerSecond: _r, threads: _t, indicators: _i, ...s }: DetectSummary): object => s;
  const one = await cli.json<DetectSummary>(['detect', '--threads', '1', ...inputs]);
  const two = await cli.json<DetectSummary>(['detect', '--threads', '2', ...inputs]);
  assert.equal(two.threads, 2);
  assert.equal(one.threads, 1);
  assert.deepEqual(strip(two), strip(one));
}));

test('detect rejects a --threads that is neither auto nor a whole number', () => inSeededSandbox(async (cli) => {
  const result = await cli.run(['detect', '--threads', 'many', zeek('conn.log')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--threads must be auto or a whole number from 1 to 64, not many/);
}));
