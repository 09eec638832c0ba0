import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import { renderMarkdown } from '../../src/advisory/render-markdown.ts';
import type { Advisory } from '../../src/advisory/advisory.ts';
import { fixtureStore, IDS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let advisory: Advisory;
let md: string;

before(async () => {
  fixture = await fixtureStore();
  advisory = await composeAdvisory(fixture.store, IDS.report);
  md = renderMarkdown(advisory);
});
after(() => fixture.close());

test('Markdown opens and closes with the TLP label', () => {
  const lines = md.trimEnd().split('\n');
  assert.match(lines[0]!, /^\*\*TLP:AMBER\*\* — /);
  assert.match(lines[lines.length - 1]!, /^\*\*TLP:AMBER\*\* — /);
});

test('Markdown lists techniques in a table with ATT&CK links', () => {
  assert.match(md, /\| ID \| Technique \| Tactics \| Used by \|\n\|---\|---\|---\|---\|\n/);
  assert.ok(md.includes('| [T1566.001](https://attack.mitre.org/techniques/T1566/001) | Spearphishing Attachment | Initial Access | Lazarus Group |'));
});

test('Markdown escapes pipes so a value cannot break a table row', () => {
  const page = renderMarkdown({ ...advisory, techniques: [{ ...advisory.techniques[0]!, name: 'A | B' }] });
  assert.ok(page.includes('| A \\| B |'));
});

test('Markdown escapes HTML and markup characters in text', () => {
  assert.ok(md.includes('\\<script\\>alert(1)\\</script\\>'));
  assert.doesNotMatch(md, /[^\\]<script/);
});

test('Markdown shows indicators de-fanged with their patterns exact in code spans', () => {
  assert.ok(md.includes("| 198\\[.\\]51\\[.\\]100\\[.\\]7 | ipv4-addr:value | Lazarus Group | 2024-03-01 | `[ipv4-addr:value = '198.51.100.7']` |"));
});

test('Markdown sets out the disputed attribution with each opinion', () => {
  assert.ok(md.includes('### Example Savings Bank heist (2024) → Lazarus Group — disputed'));
  assert.ok(md.includes('Claimed by **Example National CERT**, confidence 70/100.'));
  assert.match(md, /\| strongly-disagree \(disagrees\) \| Ministry of Foreign Affairs of Examplestan \| The ministry rejects the accusation\. \| 2024-03-01 \|/);
});

test('Markdown makes no link of an address that is not a web address', () => {
  const page = renderMarkdown({ ...advisory, references: [{ sourceName: 'trap', url: 'javascript:alert(1)', externalId: null, description: null }] });
  assert.doesNotMatch(page, /\]\(javascript/);
});
