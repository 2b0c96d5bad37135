// Live reload of scenario files: a Vite dev server with the scenario-live plugin; saving a broken scenario file
// shows its errors in Vite's overlay as file:line:col, and saving it fixed clears the overlay.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioLive } from '../../scripts/scenario-live';
import { CHROMIUM_ARGS, ROOT } from './harness';

const work = mkdtempSync(join(tmpdir(), 'shuttle-live-'));
const FILE = join(work, 'assets', 'scenarios', 'tram.yaml');
const GOOD = readFileSync(join(ROOT, 'test', 'fixtures', 'tram-line.yaml'), 'utf8');
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(join(work, 'assets', 'scenarios'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'tram-line.yaml'), FILE);
  writeFileSync(
    join(work, 'index.html'),
    '<!doctype html><html lang="en"><head><title>live</title></head><body><main id="app">live</main>' +
      '<script type="module">document.body.dataset.loaded = String(performance.timeOrigin)</script></body></html>\n',
  );
  server = await createServer({
    configFile: false,
    root: work,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0 },
    plugins: [scenarioLive()],
  });
  await server.listen();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const overlayText = () =>
  new Function(
    'return document.querySelector("vite-error-overlay")?.shadowRoot?.textContent ?? null',
  ) as () => string | null;

describe('npm run dev validates scenario files', () => {
  it('shows a broken file in the overlay with file:line:col, and clears it when the file is fixed', async () => {
    const page = await browser.newPage();
    const url = server.resolvedUrls?.local[0] as string;
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined);
    const firstLoad = await page.evaluate(() => document.body.dataset.loaded);

    const broken = GOOD.replace('route: { weight: 40,', 'route: { weight: high,');
    const line = broken.split('\n').findIndex((l) => l.includes('weight: high')) + 1;
    const col = (broken.split('\n')[line - 1] as string).indexOf('high') + 1;
    writeFileSync(FILE, broken);
    await page.waitForFunction(overlayText(), undefined, { timeout: 60_000 });
    const text = (await page.evaluate(overlayText())) as string;
    expect(text).toContain('assets/scenarios/tram.yaml: 1 error in the scenario file');
    expect(text).toContain(
      `assets/scenarios/tram.yaml:${line}:${col}: profiles.city.preferences.route.weight: expected number, got string "high"`,
    );
    // The page kept its last good version: no reload happened with the broken file.
    expect(await page.evaluate(() => document.body.dataset.loaded)).toBe(firstLoad);

    writeFileSync(FILE, GOOD);
    await page.waitForFunction(
      (before) => document.body.dataset.loaded !== undefined && document.body.dataset.loaded !== before,
      firstLoad,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(overlayText())).toBeNull();
    await page.close();
  });
});
