// Live reload of scenario files during `npm run dev`: the project's own Vite config (the scenario-live plugin and the
// game) on a copy of the project whose assets/scenarios holds one test scenario. Saving a broken file shows its errors
// in Vite's overlay as file:line:col; saving it fixed clears the overlay and the edit reaches the open page without a
// reload: the lab shows the new numbers, and a running game offers to play the saved version from its meeting. An
// address starts a game at a later meeting as a given side, or says why it cannot.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ROOT, screenshotPath } from './harness';

const work = mkdtempSync(join(tmpdir(), 'shuttle-live-'));
const FILE = join(work, 'assets', 'scenarios', 'tram.yaml');
const GOOD = readFileSync(join(ROOT, 'test', 'fixtures', 'tram-line.yaml'), 'utf8');
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  // The project as `npm run dev` serves it, with its own scenario folder.
  mkdirSync(join(work, 'assets', 'scenarios'), { recursive: true });
  copyFileSync(join(ROOT, 'index.html'), join(work, 'index.html'));
  for (const d of ['src', 'public', 'node_modules']) symlinkSync(join(ROOT, d), join(work, d));
  writeFileSync(FILE, GOOD);
  server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    root: work,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, fs: { allow: [work, ROOT] } },
  });
  await server.listen();
  const local = server.resolvedUrls?.local[0];
  if (!local) throw new Error('the dev server gave no address');
  url = local.replace(/\/$/, '');
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

/** The page's load time: the same number after an update means the page was not reloaded. */
const loadedAt = (page: Page) => page.evaluate(() => performance.timeOrigin);

describe('npm run dev and scenario files', () => {
  it('shows a broken file in the overlay; a fixed one reaches the lab and a running game without a reload', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/?open=tram.yaml#/lab`, { timeout: 120_000 });
    await page.locator('#lab-status', { hasText: 'tram.yaml is valid' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('#lab-reservation').inputValue()).toBe('3000');
    const firstLoad = await loadedAt(page);

    // A broken save: the overlay names the file, line and column; the lab keeps the last good version.
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
    expect(await loadedAt(page)).toBe(firstLoad);

    // Fixed, with a new reservation for City Hall: the overlay goes and the lab shows the saved numbers, no reload.
    writeFileSync(FILE, GOOD.replace('reservation: { value: 3000,', 'reservation: { value: 3500,'));
    await page.waitForFunction(
      () => (document.getElementById('lab-reservation') as HTMLInputElement | null)?.value === '3500',
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(overlayText())).toBeNull();
    expect(await page.locator('#lab-disk').textContent()).toContain(
      'assets/scenarios/tram.yaml was saved on disk',
    );
    expect(await loadedAt(page)).toBe(firstLoad);

    // An edit in the lab, then another save on disk: the lab keeps its edit and offers the saved version.
    await page.locator('#lab-reservation').fill('3600');
    await page.locator('#lab-reservation').press('Enter');
    await page.waitForFunction(
      () => (document.getElementById('lab-reservation') as HTMLInputElement | null)?.value === '3600',
    );
    writeFileSync(FILE, GOOD.replace('reservation: { value: 3000,', 'reservation: { value: 3200,'));
    await page.locator('#lab-disk-load').waitFor({ timeout: 60_000 });
    expect(await page.locator('#lab-reservation').inputValue()).toBe('3600');
    await page.locator('#lab-disk-load').click();
    await page.waitForFunction(
      () => (document.getElementById('lab-reservation') as HTMLInputElement | null)?.value === '3200',
    );
    expect(await loadedAt(page)).toBe(firstLoad);

    // Played from the lab at meeting 2 as the Residents: the AI played meeting 1 in every seat, and says so.
    await page.locator('#lab-side').selectOption('residents');
    await page.locator('#lab-from-meeting').fill('2');
    await page.locator('#lab-from-meeting').press('Tab');
    await page.locator('#lab-play').click();
    await page.getByRole('heading', { level: 1, name: "Confidential brief: Residents' Union" }).waitFor();
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Before you start: the meetings the AI played' })
      .waitFor();
    // Meeting 1 as the AI played it, then (when something happened there before this turn) meeting 2 so far.
    const headings = await page.locator('.away-screen h2').allTextContents();
    expect(headings[0]).toMatch(/met$/);
    expect(headings.length).toBeLessThanOrEqual(2);
    for (const h of headings.slice(1)) expect(h).toMatch(/at this meeting, before your turn$/);
    await page.screenshot({ path: screenshotPath('dev-played-for-you'), fullPage: true });

    // The file saved again while the game runs: the game keeps its version and offers the saved one from meeting 2.
    writeFileSync(FILE, GOOD.replace("name: Residents' Union", 'name: Residents of the Line'));
    await page.locator('#scenario-saved').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('dev-saved-banner') });
    const restart = page.locator('#scenario-saved-restart');
    expect(await restart.textContent()).toBe("Play the saved version from meeting 2 as Residents' Union");
    await restart.click();
    await page
      .getByRole('heading', { level: 1, name: 'Confidential brief: Residents of the Line' })
      .waitFor();
    expect(await loadedAt(page)).toBe(firstLoad);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts a game at meeting N as a side from the address, or says why it cannot', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/?scenario=tram-line&side=mayor&meeting=2`, { timeout: 120_000 });
    const notice = page.locator('.notice', { hasText: 'This address asks for a game that cannot start' });
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.textContent()).toContain(
      'the scenario has no side "mayor" (its sides: city, traders, residents).',
    );
    await page.goto(`${url}/?scenario=tram-line&side=traders&meeting=9`);
    await page.locator('.notice', { hasText: 'meeting "9" is not in its calendar (1 to 2).' }).waitFor();

    await page.goto(`${url}/?scenario=tram-line&side=traders&meeting=2&seed=5`);
    await page.getByRole('heading', { level: 1, name: "Confidential brief: Traders' Association" }).waitFor();
    // The address leaves the start behind: a reload resumes this game instead of starting another.
    expect(new URL(page.url()).searchParams.has('meeting')).toBe(false);
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Before you start: the meetings the AI played' })
      .waitFor();
    await page.close();
  });
});
