// End to end in Chromium: an analyst signs in, finds Lazarus Group, reads its matrix and the disputed attribution,
// walks the graph and renders an advisory; a partner never sees a TLP:RED object anywhere in the UI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ANALYST, DOJ_REPORT, LAZARUS, PARTNER, RED_IDS, RED_WORD, startWebHub, type WebHub } from '../web-api/web-hub.ts';
import { WEB_DIST } from '../../src/web-api/web-api.ts';
import { browserMissing, launchChromium } from './browser.ts';
import { ensureBuilt } from './ensure-built.ts';

const missing = browserMissing();

describe('analyst UI in a browser', { skip: missing ?? false }, () => {
  let hub: WebHub;
  let browser: Browser;
  before(async () => {
    ensureBuilt();
    hub = await startWebHub({ staticDir: WEB_DIST });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function signedIn(person: { account: string; password: string }, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage();
    await page.goto(`${hub.url}/`);
    // By keyboard: the form must work without a mouse.
    await page.focus('#account');
    await page.keyboard.type(person.account);
    await page.keyboard.press('Tab');
    await page.keyboard.type(person.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    return page;
  }

  it('signs in, finds Lazarus Group, sees its matrix and the disputed attribution, opens the graph and renders an advisory', async () => {
    const page = await signedIn(ANALYST);
    await page.fill('#search', 'Lazarus');
    await page.press('#search', 'Enter');
    const first = page.locator('.hit-list li').first();
    await first.waitFor();
    assert.match(await first.innerText(), /Lazarus Group/);
    await first.getByRole('link', { name: 'Lazarus Group' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lazarus Group' }).waitFor();
    await page.locator('.technique.used').first().waitFor();
    assert.ok(await page.locator('.technique.used').count() > 50, 'the matrix highlights the techniques the group uses');
    assert.equal(await page.getByRole('heading', { name: /^Initial Access/ }).count(), 1);
    await page.locator('.disputed').waitFor();
    await page.getByRole('link', { name: 'Attribution disputed' }).waitFor();
    const attribution = await page.locator('#attribution').innerText();
    assert.match(attribution, /United States Department of Justice/);
    assert.match(attribution, /The ministry denies the attribution/);
    assert.match(attribution, /85 \/ 100/);

    await page.getByRole('link', { name: 'Open graph' }).click();
    await page.locator('.graph-canvas canvas').first().waitFor();
    await page.waitForFunction(() => (document.querySelector('#node-pick') as HTMLSelectElement | null)?.options.length! > 10);
    const before = await page.locator('#node-pick option').count();
    const campaign = await page.locator('#node-pick option', { hasText: 'campaign: Bangladesh Bank theft' }).getAttribute('value');
    await page.selectOption('#node-pick', campaign!);
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await page.waitForFunction((n) => (document.querySelector('#node-pick') as HTMLSelectElement).options.length > n, before);
    await page.getByLabel('malware').first().uncheck();
    assert.equal(await page.locator('#node-pick option', { hasText: 'malware:' }).count(), 0, 'the type filter hides malware');

    await page.goto(`${hub.url}/advisories`);
    await page.selectOption('#report-pick', DOJ_REPORT);
    await page.selectOption('#tlp-pick', 'green');
    await page.getByRole('heading', { name: /US complaint attributing/ }).waitFor();
    await page.frameLocator('iframe.advisory-frame').getByText('Lazarus Group').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    assert.match((await download).suggestedFilename(), /\.md$/);
    await page.getByRole('button', { name: /Publish to partners as TLP:GREEN/ }).click();
    await page.getByText('Published as a report that partners receive over TAXII').waitFor();
    await page.context().close();
  });

  it('a partner sees no TLP:RED object anywhere in the UI', async () => {
    const page = await signedIn(PARTNER);
    const bodies: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) void response.text().then((t) => bodies.push(t), () => undefined);
    });
    const visits: [string, string][] = [
      ['/', 'Most active threat actors'],
      [`/search?q=${RED_WORD}`, 'Nothing matches'],
      ['/search?q=Lazarus', 'Lazarus Group'],
      [`/objects/${LAZARUS}`, 'Disagrees'],
      [`/graph/${LAZARUS}`, 'Objects in the graph'],
      ['/sightings', 'Lazarus beacon domain'],
      [`/advisories?report=${DOJ_REPORT}`, 'Download Markdown'],
    ];
    for (const [path, marker] of visits) {
      await page.goto(`${hub.url}${path}`);
      await page.getByText(marker).first().waitFor();
      if (path.startsWith('/advisories')) await page.frameLocator('iframe.advisory-frame').getByText('Lazarus Group').first().waitFor();
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
      // The search page repeats what was typed; only what the hub sent back counts.
      const text = (await page.locator('body').innerText()).replace(`“${RED_WORD}”`, '');
      assert.ok(!text.includes(RED_WORD), `${path} shows ${RED_WORD}`);
      assert.equal(await page.locator('.tlp-red').count(), 0, `${path} shows a TLP:RED object`);
    }
    assert.ok(bodies.length > 10);
    for (const body of bodies) {
      for (const id of Object.values(RED_IDS)) assert.ok(!body.includes(id), `an API response carried ${id}`);
    }
    // Asked for by its id, a TLP:RED object is "not found", like one that does not exist.
    await page.goto(`${hub.url}/objects/${RED_IDS.report}`);
    await page.getByText('It does not exist, or your account may not see it.').waitFor();
    await page.context().close();
  });

  it('fits a phone: no page scrolls sideways, the matrix stacks its tactics', async () => {
    const page = await signedIn(ANALYST, { width: 390, height: 844 });
    for (const [path, marker] of [['/', 'Most active threat actors'], ['/search?q=Lazarus', 'Lazarus Group'], [`/objects/${LAZARUS}`, 'Disagrees'], [`/advisories?report=${DOJ_REPORT}`, 'Download Markdown']] as const) {
      await page.goto(`${hub.url}${path}`);
      await page.getByText(marker).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
    }
    await page.goto(`${hub.url}/objects/${LAZARUS}`);
    await page.locator('.technique.used').first().waitFor();
    const [first, second] = await page.locator('.matrix-column').evaluateAll((columns) => columns.slice(0, 2).map((c) => c.getBoundingClientRect().top));
    assert.ok(second! > first!, 'tactics are stacked, not side by side');
    await page.context().close();
  });
});

