import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CliSandbox } from '../cli/run-cli.ts';
import { FIXTURE, IDS } from './fixture-store.ts';

async function loaded(body: (cli: CliSandbox) => Promise<void>): Promise<void> {
  const cli = new CliSandbox();
  try {
    const imported = await cli.run(['import', FIXTURE]);
    assert.equal(imported.code, 0, imported.stderr);
    await body(cli);
  } finally {
    cli.cleanup();
  }
}

test('advisory render writes a print-ready HTML file and says what it wrote', () => loaded(async (cli) => {
  const result = await cli.run(['advisory', 'render', IDS.report, '--format', 'html', '-o', 'advisory.html']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^wrote html advisory "Lazarus Group targets Example Savings Bank" \(TLP:AMBER, 2 techniques, 5 indicators\) to advisory\.html\n$/);
  const html = readFileSync(join(cli.dataDir, 'advisory.html'), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<strong>TLP:AMBER<\/strong>/);
}));

test('advisory render --format csv prints the indicators on standard output', () => loaded(async (cli) => {
  const result = await cli.run(['advisory', 'render', IDS.report, '--format', 'csv']);
  assert.equal(result.code, 0, result.stderr);
  const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
  assert.ok(rows.some((r) => r.defanged_value === '198[.]51[.]100[.]7'));
}));

test('advisory render --tlp green leaves out AMBER objects and says so on standard error', () => loaded(async (cli) => {
  const result = await cli.run(['advisory', 'render', IDS.report, '--format', 'stix', '--tlp', 'green']);
  assert.equal(result.code, 0, result.stderr);
  const bundle = JSON.parse(result.stdout) as { objects: { id: string }[] };
  assert.ok(!bundle.objects.some((o) => o.id === IDS.amberIndicator));
  assert.match(result.stderr, /^note: 2 objects more restrictive than TLP:GREEN were left out\n$/);
}));

test('advisory render -o FILE --json prints a summary', () => loaded(async (cli) => {
  const summary = await cli.json<{ file: string; format: string; tlp: string; indicators: number }>(
    ['advisory', 'render', IDS.report, '--format', 'md', '-o', 'advisory.md']);
  assert.deepEqual([summary.file, summary.format, summary.tlp, summary.indicators], ['advisory.md', 'md', 'amber', 5]);
}));

test('advisory publish writes a new report derived from the original, readable with get', () => loaded(async (cli) => {
  const published = await cli.json<{ outcome: string; report: string; derivedFrom: string; tlp: string }>(
    ['advisory', 'publish', IDS.report, '--tlp', 'green']);
  assert.deepEqual([published.outcome, published.derivedFrom, published.tlp], ['new-report', IDS.report, 'green']);
  const report = await cli.json<{ type: string; object_marking_refs: string[] }>(['get', published.report]);
  assert.equal(report.type, 'report');
  assert.deepEqual(report.object_marking_refs, ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb']);
}));

test('advisory publish twice from the hub report makes a second version', () => loaded(async (cli) => {
  const first = await cli.json<{ report: string }>(['advisory', 'publish', '--objects', IDS.lazarus, '--title', 'Lazarus Group']);
  const second = await cli.run(['advisory', 'publish', first.report]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, new RegExp(`^published ${first.report} version \\S+ \\(TLP:AMBER, \\d+ objects\\)\\n$`));
  const versions = await cli.json<unknown[]>(['get', first.report, '--version', 'all']);
  assert.equal(versions.length, 2);
}));

test('advisory render of an unknown report exits 1 naming it', () => loaded(async (cli) => {
  const id = 'report--00000000-0000-4000-8000-000000000000';
  const result = await cli.run(['advisory', 'render', id]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, `tocsin: no report ${id} in the store\n`);
}));

test('advisory render of a report more restrictive than --tlp exits 2', () => loaded(async (cli) => {
  const result = await cli.run(['advisory', 'render', IDS.report, '--tlp', 'clear']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /is TLP:GREEN; it cannot be shared as TLP:CLEAR/);
}));

test('advisory render with both a report and --objects is a usage error', () => loaded(async (cli) => {
  const result = await cli.run(['advisory', 'render', IDS.report, '--objects', IDS.lazarus]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /give a report id or --objects, not both/);
}));

test('advisory render rejects an unknown format', () => loaded(async (cli) => {
  const result = await cli.run(['advisory', 'render', IDS.report, '--format', 'pdf']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Allowed choices are html, md, stix, csv/);
}));

test('advisory render --help explains the formats, following and TLP', async () => {
  const cli = new CliSandbox();
  try {
    const result = await cli.run(['advisory', 'render', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--format <format>/);
    assert.match(result.stdout, /--no-follow/);
    assert.match(result.stdout, /most restrictive marking/);
  } finally {
    cli.cleanup();
  }
});
