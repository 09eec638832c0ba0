// `npm run screenshots`: the analyst UI's main views, on the demo feed, saved as PNGs under docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ANALYST, DOJ_REPORT, GREEN_INDICATOR, LAZARUS, startWebHub } from '../test/web-api/web-hub.ts';
import { browserMissing, launchChromium } from '../test/e2e/browser.ts';
import { ensureBuilt } from '../test/e2e/ensure-built.ts';
import { WEB_DIST } from '../src/web-api/web-api.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const missing = browserMissing();
if (missing) {
  process.stderr.write(`${missing}\n`);
  process.exit(1);
}
ensureBuilt();
mkdirSync(OUT, { recursive: true });
const hub = await startWebHub({ staticDir: WEB_DIST });
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage();
  const shot = async (name: string, target?: Page | ReturnType<Page['locator']>): Promise<void> => {
    // The hub runs in this process, so a long render can delay the browser's events: settle, but do not insist.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    await (target ?? page).screenshot({ path: `${OUT}${name}.png` });
    process.stdout.write(`docs/screenshots/${name}.png\n`);
  };
  await page.goto(`${hub.url}/`);
  await page.fill('#account', ANALYST.account);
  await page.fill('#password', ANALYST.password);
  await shot('sign-in');
  await page.click('button[type=submit]');
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await shot('home');

  await page.fill('#search', 'Lazarus');
  await page.press('#search', 'Enter');
  await page.locator('.hit-list li').first().waitFor();
  await shot('search');

  await page.goto(`${hub.url}/objects/${LAZARUS}`);
  await page.locator('.technique.used').first().waitFor();
  await page.locator('.disputed').waitFor();
  await shot('actor');
  await page.locator('#techniques').scrollIntoViewIfNeeded();
  await shot('matrix', page.locator('#techniques'));
  await shot('attribution', page.locator('#attribution'));
  await shot('relationships', page.locator('#relationships'));
  await page.goto(`${hub.url}/objects/${GREEN_INDICATOR}`);
  await page.locator('#versions table.changes').waitFor();
  await shot('versions', page.locator('#versions'));

  await page.goto(`${hub.url}/graph/${LAZARUS}`);
  await page.locator('.graph-canvas canvas').first().waitFor();
  await page.waitForTimeout(1500);
  await shot('graph');

  await page.goto(`${hub.url}/sightings`);
  await page.locator('table.data').waitFor();
  await shot('sightings');

  await page.goto(`${hub.url}/advisories?report=${DOJ_REPORT}`);
  await page.frameLocator('iframe.advisory-frame').getByText('Lazarus Group').first().waitFor();
  await shot('advisory');

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(`${hub.url}/`);
  await phone.fill('#account', ANALYST.account);
  await phone.fill('#password', ANALYST.password);
  await phone.click('button[type=submit]');
  await phone.getByRole('heading', { name: 'Overview' }).waitFor();
  await phone.goto(`${hub.url}/objects/${LAZARUS}`);
  await phone.locator('.technique.used').first().waitFor();
  await phone.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await phone.locator('#techniques').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${OUT}phone-matrix.png` });
  process.stdout.write('docs/screenshots/phone-matrix.png\n');
  await phone.goto(`${hub.url}/objects/${LAZARUS}#attribution`);
  await phone.locator('.disputed').waitFor();
  await phone.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await phone.locator('#attribution').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${OUT}phone-attribution.png` });
  process.stdout.write('docs/screenshots/phone-attribution.png\n');
} finally {
  await browser.close();
  await hub.close();
}
