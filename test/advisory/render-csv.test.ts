import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import { CSV_COLUMNS, renderCsv } from '../../src/advisory/render-csv.ts';
import { fixtureStore, IDS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let csv: string;
let rows: Record<string, string>[];

before(async () => {
  fixture = await fixtureStore();
  csv = renderCsv(await composeAdvisory(fixture.store, IDS.report));
  rows = parse(csv, { columns: true }) as Record<string, string>[];
});
after(() => fixture.close());

test('CSV starts with a header row naming every column', () => {
  assert.equal(csv.split('\r\n')[0], CSV_COLUMNS.join(','));
});

test('CSV quotes fields holding commas and quotes, doubling the quotes', () => {
  assert.ok(csv.includes('"FALLCHILL beacons to 198[.]51[.]100[.]7 over port 443, ""as seen, 2024"" <script>alert(1)</script>"'));
  const ip = rows.find((r) => r.indicator_id === IDS.ipIndicator)!;
  assert.equal(ip.description, 'FALLCHILL beacons to 198[.]51[.]100[.]7 over port 443, "as seen, 2024" <script>alert(1)</script>');
});

test('CSV keeps the exact value for tools and the de-fanged value beside it', () => {
  const ip = rows.find((r) => r.indicator_id === IDS.ipIndicator)!;
  assert.deepEqual([ip.type, ip.operator, ip.value, ip.defanged_value, ip.pattern],
    ['ipv4-addr:value', '=', '198.51.100.7', '198[.]51[.]100[.]7', "[ipv4-addr:value = '198.51.100.7']"]);
});

test('CSV has one row per value a pattern looks for', () => {
  const loader = rows.filter((r) => r.name === 'FALLCHILL loader');
  assert.deepEqual(loader.map((r) => r.type), ["file:hashes.'SHA-256'", 'file:name']);
});

test('CSV round-trips a pattern with quotes and a newline in a field', async () => {
  const advisory = await composeAdvisory(fixture.store, IDS.report);
  const odd = { ...advisory.indicators[0]!, description: 'line one\nline "two", end', observables: [] };
  const [row] = parse(renderCsv({ ...advisory, indicators: [odd] }), { columns: true }) as Record<string, string>[];
  assert.equal(row!.description, 'line one\nline "two", end');
  assert.equal(row!.value, '');
});

test('CSV keeps text meant for people from running as a spreadsheet formula, and the value exact', async () => {
  const advisory = await composeAdvisory(fixture.store, IDS.report);
  const hostile = {
    ...advisory.indicators[0]!, name: '=HYPERLINK("http://x.example")', description: '@SUM(1+1)',
    observables: [{ path: 'file:name', objectType: 'file', operator: '=', value: '=cmd.exe', defanged: '=cmd.exe' }],
  };
  const [row] = parse(renderCsv({ ...advisory, indicators: [hostile] }), { columns: true }) as Record<string, string>[];
  assert.deepEqual([row!.name, row!.description, row!.defanged_value, row!.value],
    ['\'=HYPERLINK("http://x.example")', "'@SUM(1+1)", "'=cmd.exe", '=cmd.exe']);
});
