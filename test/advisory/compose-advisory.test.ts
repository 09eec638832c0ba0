import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import type { Advisory } from '../../src/advisory/advisory.ts';
import { EmptySelectionError, NotAReportError, ReportNotFoundError, TlpCeilingError } from '../../src/advisory/errors.ts';
import { fixtureStore, IDS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let advisory: Advisory;

before(async () => {
  fixture = await fixtureStore();
  advisory = await composeAdvisory(fixture.store, IDS.report);
});
after(() => fixture.close());

test('the title and summary are the report name and description', () => {
  assert.equal(advisory.title, 'Lazarus Group targets Example Savings Bank');
  assert.match(advisory.summary, /^Example National CERT attributes the 2024 heist/);
  assert.equal(advisory.producer, 'Example National CERT');
  assert.equal(advisory.confidence, 70);
  assert.deepEqual(advisory.source, { kind: 'report', id: IDS.report, modified: '2024-03-01T00:00:00.000Z' });
});

test('a title given replaces the report name', async () => {
  const titled = await composeAdvisory(fixture.store, IDS.report, { title: 'Bank heist warning' });
  assert.equal(titled.title, 'Bank heist warning');
});

test('the TLP is the most restrictive marking of the included objects', () => {
  assert.equal(advisory.tlp, 'amber');
});

test('composing at TLP:GREEN withholds the AMBER indicator and the relationship that leans on it', async () => {
  const green = await composeAdvisory(fixture.store, IDS.report, { tlp: 'green' });
  assert.equal(green.tlp, 'green');
  assert.deepEqual(green.withheld.map((w) => w.id).sort(), [IDS.amberIndicator, IDS.amberIndicates].sort());
  assert.ok(!green.indicators.some((i) => i.id === IDS.amberIndicator));
  assert.ok(!green.objects.some((o) => o.id === IDS.amberIndicator || o.id === IDS.amberIndicates));
});

test('a report more restrictive than the level asked for raises TlpCeilingError', async () => {
  await assert.rejects(composeAdvisory(fixture.store, IDS.report, { tlp: 'clear' }),
    (err: unknown) => err instanceof TlpCeilingError && err.id === IDS.report && err.tlp === 'green' && err.requested === 'clear');
});

test('actors come with their aliases and ATT&CK group id, citation markers removed', () => {
  assert.deepEqual(advisory.actors.map((a) => [a.name, a.attackId, a.aliases]), [['Lazarus Group', 'G0032', ['HIDDEN COBRA', 'ZINC']]]);
  assert.equal(advisory.actors[0]!.description, 'A North Korean state-sponsored group.');
});

test('techniques carry ATT&CK ids, names, tactics from kill_chain_phases and who uses them', () => {
  assert.deepEqual(advisory.techniques.map((t) => [t.attackId, t.name, t.tactics, t.usedBy]), [
    ['T1105', 'Ingress Tool Transfer', ['Command and Control'], ['FALLCHILL', 'Lazarus Group']],
    ['T1566.001', 'Spearphishing Attachment', ['Initial Access'], ['Lazarus Group']],
  ]);
});

test('malware and tools list their types, aliases and users', () => {
  assert.deepEqual(advisory.software.map((s) => [s.kind, s.name, s.attackId, s.aliases, s.types, s.usedBy]),
    [['malware', 'FALLCHILL', 'S0181', ['Manuscrypt'], ['remote-access-trojan'], ['Lazarus Group']]]);
});

test('indicator values are de-fanged for people and kept exact in the pattern', () => {
  const ip = advisory.indicators.find((i) => i.id === IDS.ipIndicator)!;
  assert.equal(ip.pattern, "[ipv4-addr:value = '198.51.100.7']");
  assert.deepEqual(ip.observables.map((o) => [o.path, o.value, o.defanged]), [['ipv4-addr:value', '198.51.100.7', '198[.]51[.]100[.]7']]);
  assert.equal(ip.name, '198[.]51[.]100[.]7');
  assert.match(ip.description, /beacons to 198\[\.\]51\[\.\]100\[\.\]7 over port 443/);
  const url = advisory.indicators.find((i) => i.pattern.includes('url:value'))!;
  assert.equal(url.observables[0]!.defanged, 'hxxp[:]//update[.]example[.]com/a.php');
});

test('hashes and file names in a compound pattern are listed as they are', () => {
  const loader = advisory.indicators.find((i) => i.name === 'FALLCHILL loader')!;
  assert.deepEqual(loader.observables.map((o) => [o.path, o.value === o.defanged]), [["file:hashes.'SHA-256'", true], ['file:name', true]]);
  assert.deepEqual(loader.indicates, ['FALLCHILL']);
});

test("following relationships adds the actor's indicators the report does not name", () => {
  assert.ok(advisory.indicators.some((i) => i.id === IDS.extraIndicator));
});

test("follow: false keeps to the report's own objects", async () => {
  const narrow = await composeAdvisory(fixture.store, IDS.report, { follow: false });
  assert.ok(!narrow.indicators.some((i) => i.id === IDS.extraIndicator));
  assert.equal(narrow.mitigations.length, 0);
  assert.equal(narrow.attributions[0]!.opinions.length, 2);
});

test('mitigations come from course-of-action objects that mitigate the techniques', () => {
  assert.deepEqual(advisory.mitigations.map((m) => [m.name, m.attackId, m.mitigates]),
    [['User Training', 'M1017', ['T1566.001 Spearphishing Attachment']]]);
});

test('detection guidance gathers indicator descriptions and ATT&CK detection text', () => {
  const technique = advisory.detection.find((d) => d.from === 'technique')!;
  assert.deepEqual(technique, { text: 'Monitor e-mail attachments for macro-enabled documents.', from: 'technique', subjects: ['T1566.001 Spearphishing Attachment'] });
  assert.ok(advisory.detection.some((d) => d.from === 'indicator' && d.text === 'Download location of the second stage.'));
});

test('affected sectors and countries come from targeted identities and locations', () => {
  assert.deepEqual(advisory.sectors, ['financial-services']);
  assert.deepEqual(advisory.countries.map((c) => [c.name, c.country]), [['Bangladesh', 'BD']]);
  assert.deepEqual(advisory.targets.map((t) => [t.name, t.targetedBy]), [['Bangladesh', ['Lazarus Group']], ['Example Savings Bank', ['Lazarus Group']]]);
});

test('the attribution shows who claims it, with what confidence, and the opinions on both sides', () => {
  assert.equal(advisory.attributions.length, 1);
  const claim = advisory.attributions[0]!;
  assert.equal(claim.subject, 'Example Savings Bank heist (2024)');
  assert.equal(claim.actor, 'Lazarus Group');
  assert.equal(claim.claimedBy, 'Example National CERT');
  assert.equal(claim.confidence, 70);
  assert.equal(claim.disputed, true);
  assert.deepEqual(claim.opinions.map((o) => [o.by, o.opinion, o.stance]).sort(), [
    ['Ministry of Foreign Affairs of Examplestan', 'strongly-disagree', 'disagrees'],
    ['Partner Threat Research', 'agree', 'agrees'],
  ]);
});

test('a report that names an actor without an attributed-to relationship is itself the claim', async () => {
  const id = 'report--9d1c8a3e-0b5f-4e59-a1f4-4f0f1c3b6a70';
  await fixture.store.put([{ object: {
    type: 'report', spec_version: '2.1', id, created_by_ref: 'identity--32d70ca7-ba90-4521-a40c-5c84bbf1f6dc',
    created: '2024-04-01T00:00:00.000Z', modified: '2024-04-01T00:00:00.000Z', name: 'Lazarus Group again', confidence: 40,
    published: '2024-04-01T00:00:00.000Z', object_refs: [IDS.lazarus],
  } }]);
  const claims = (await composeAdvisory(fixture.store, id, { follow: false })).attributions;
  assert.deepEqual(claims.map((c) => [c.kind, c.subject, c.actor, c.claimedBy, c.confidence]),
    [['report', 'Lazarus Group again', 'Lazarus Group', 'Partner Threat Research', 40]]);
});

test('references keep the external references that have addresses, once each', () => {
  const urls = advisory.references.map((r) => r.url);
  assert.ok(urls.includes('https://cert.example/advisories/2024-007'));
  assert.ok(urls.includes('https://attack.mitre.org/groups/G0032'));
  assert.equal(new Set(urls).size, urls.length);
});

test('a selection of objects composes an advisory without a report', async () => {
  const selected = await composeAdvisory(fixture.store, [IDS.lazarus, IDS.t1566]);
  assert.equal(selected.report, null);
  assert.deepEqual(selected.source, { kind: 'selection', ids: [IDS.lazarus, IDS.t1566] });
  assert.equal(selected.title, 'Advisory: Lazarus Group');
  assert.ok(selected.indicators.length >= 3);
});

test('an unknown report raises ReportNotFoundError with its id', async () => {
  const id = 'report--00000000-0000-4000-8000-000000000000';
  await assert.rejects(composeAdvisory(fixture.store, id), (err: unknown) => err instanceof ReportNotFoundError && err.id === id);
});

test('an object that is not a report raises NotAReportError', async () => {
  await assert.rejects(composeAdvisory(fixture.store, IDS.lazarus),
    (err: unknown) => err instanceof NotAReportError && err.type === 'intrusion-set');
});

test('a selection of unknown objects raises EmptySelectionError naming them', async () => {
  const id = 'malware--00000000-0000-4000-8000-000000000000';
  await assert.rejects(composeAdvisory(fixture.store, [id]), (err: unknown) => err instanceof EmptySelectionError && err.missing[0] === id);
});

test('composing for a reader leaves out what TLP does not let the reader see', async () => {
  const partner = await composeAdvisory(fixture.store, IDS.report, {
    visibility: { levels: ['clear', 'green'], unmarked: 'green', strictProducers: [], strictPrincipals: [], redPrincipals: [] },
  });
  assert.equal(partner.tlp, 'green');
  assert.ok(!partner.indicators.some((i) => i.id === IDS.amberIndicator));
  assert.ok(!partner.objects.some((o) => o.id === IDS.amberIndicator || o.id === IDS.amberIndicates));
});
