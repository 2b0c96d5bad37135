// Installable and offline: the built game has a web app manifest with icons and a service worker; after one visit
// the server is stopped, the page is reloaded, and a whole solo game plays from the service worker's cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { leave, playSoloToEnd, startSolo, testScenario } from './player';

const { scenario } = testScenario();
/** A side the AI does not mediate for: the AI mediator and the other delegation play (in the worker) every round. */
const party = scenario.parties.find((p) => p.id !== scenario.mediator) ?? scenario.parties[0]!;

let h: Harness;
beforeAll(async () => {
  // The game's own server (npm start): its Content-Security-Policy must let the worker and the manifest load.
  h = await startHarness({ server: 'start' });
});
afterAll(async () => {
  await h?.close();
});

describe('installable and offline', () => {
  it('serves a manifest whose icons load, and registers a service worker that precaches the game', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await fetch(new URL(href!, h.baseUrl))).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest.name).toBe('Shuttle Diplomacy');
    expect(manifest.display).toBe('standalone');
    const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, h.baseUrl));
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get('content-type') ?? '').toContain(icon.type);
    }
    // The service worker's script is revalidated on every visit (an update is found) and carries the page's policy.
    const sw = await fetch(new URL('/sw.js', h.baseUrl));
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-security-policy') ?? '').toMatch(/worker-src 'self'.*manifest-src 'self'/);
    // The worker is active, and its cache holds the lazily loaded chunks too (Phaser's, the AI worker's).
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached.some((u) => /\/assets\/mount-table-[^/]+\.js$/.test(u))).toBe(true);
    expect(cached.some((u) => /\/assets\/ai-worker-[^/]+\.js$/.test(u))).toBe(true);
    expect(cached).toContain('/index.html');
    expect(t.errors).toEqual([]);
    await t.close();
  }, 120_000);

  it('with the server stopped after a first visit, reloads and plays a whole solo game', async () => {
    const t = await openPage(h);
    const { page } = t;
    const url = `${h.baseUrl}/?test=1&seed=11`;
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await h.stopServer();
    // The server is really gone: the test's own request fails.
    await expect(fetch(`${h.baseUrl}/healthz`)).rejects.toThrow();
    // Requests that failed because the server is down are expected; anything else is not.
    t.errors.length = 0;

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await startSolo(page, scenario.meta.title, party.name);
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
    // The table picture (Phaser, a lazy chunk) comes from the cache too.
    await page.locator('#table-canvas canvas').waitFor({ state: 'attached', timeout: 30_000 });
    await playSoloToEnd(page, scenario);
    await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
    // The AI delegations decided in their worker, whose script came from the cache.
    const decisions = await page.evaluate(() => window.shuttleAiDebug?.worker.decisions ?? 0);
    expect(decisions).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('offline-outcome') });
    expect(t.errors).toEqual([]);
    await t.close();
  }, 600_000);
});
