import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import { renderHtml } from '../../src/advisory/render-html.ts';
import type { Advisory } from '../../src/advisory/advisory.ts';
import { fixtureStore, IDS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let advisory: Advisory;
let html: string;

before(async () => {
  fixture = await fixtureStore();
  advisory = await composeAdvisory(fixture.store, IDS.report);
  html = renderHtml(advisory);
});
after(() => fixture.close());

test('HTML escapes hostile text such as a script tag in a description', () => {
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
});

test('HTML escapes a hostile title in the page title and heading', () => {
  const page = renderHtml({ ...advisory, title: '"><img src=x onerror=alert(1)>' });
  assert.doesNotMatch(page, /<img/);
  assert.match(page, /<h1>&#34;&#62;&#60;img src=x onerror=alert\(1\)&#62;<\/h1>/);
});

test('HTML shows the TLP banner at the top and at the bottom of every page', () => {
  const banners = [...html.matchAll(/<div class="tlp"[^>]*><strong>TLP:AMBER<\/strong>/g)];
  assert.equal(banners.length, 2);
  assert.match(html, /<thead><tr><td><div class="tlp"/);
  assert.match(html, /<tfoot><tr><td><div class="tlp"/);
});

test('HTML loads nothing from outside the page and runs no script', () => {
  assert.doesNotMatch(html, /<link|<script|<img|<iframe|@import|url\(/i);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('HTML links only web addresses', () => {
  const page = renderHtml({
    ...advisory,
    references: [{ sourceName: 'trap', url: 'javascript:alert(1)', externalId: null, description: null }],
  });
  assert.doesNotMatch(page, /href="javascript/);
  assert.match(page, /<a href="https:\/\/attack\.mitre\.org\/techniques\/T1566\/001" rel="noreferrer">T1566\.001<\/a>/);
});

test('HTML shows indicators de-fanged with their patterns exact', () => {
  assert.match(html, /<span class="ioc">198\[\.\]51\[\.\]100\[\.\]7<\/span>/);
  assert.match(html, /<code>\[ipv4-addr:value = &#39;198\.51\.100\.7&#39;\]<\/code>/);
  assert.doesNotMatch(html.replace(/<code>[^<]*<\/code>/g, ''), /198\.51\.100\.7/);
});

test('HTML sets the claim beside the opinions that dispute or support it', () => {
  assert.match(html, /<span class="disputed">Disputed<\/span>/);
  assert.match(html, /<div class="opinion disagrees"><p><span class="stance">strongly-disagree<\/span> <b>Ministry of Foreign Affairs of Examplestan<\/b>/);
  assert.match(html, /<div class="opinion agrees">/);
});
