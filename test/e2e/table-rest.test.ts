// The table costs nothing at rest: it draws when something changes or moves and then stops drawing; it fills the
// screen's width up to a projector's; with reduced motion it rests too. Figures (fps, CPU) are in npm run bench:client.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { leave, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const party = scenario.parties.find((p) => p.id !== scenario.mediator) ?? scenario.parties[0]!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const renders = (page: Page) => page.evaluate(() => window.shuttleTableDebug?.renders ?? -1);
const atRest = (page: Page) =>
  page.waitForFunction(() => window.shuttleTableDebug?.awake === false, undefined, { timeout: 60_000 });

async function toTable(page: Page, query: string): Promise<void> {
  await page.goto(`${h.baseUrl}/?seed=21${query}`);
  await startSolo(page, scenario.meta.title, party.name);
  await page.getByRole('button', { name: 'Take my seat' }).click();
  await leave(page, 'brief');
  await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
  await page.waitForFunction(() => !!window.shuttleTableDebug, undefined, { timeout: 60_000 });
  expect(await waitForPlayer(page)).toBe('table');
}

/** Sleeps when nothing moves, draws again for a move, and sleeps again. */
async function restsWakesAndRests(page: Page): Promise<void> {
  await atRest(page);
  const before = await renders(page);
  expect(before).toBeGreaterThan(0);
  await page.waitForTimeout(1500);
  expect(await renders(page)).toBe(before);
  await page.getByRole('button', { name: 'End turn' }).click();
  await page.waitForFunction((n) => (window.shuttleTableDebug?.renders ?? 0) > n, before, {
    timeout: 30_000,
  });
  await waitForPlayer(page);
  await atRest(page);
  const after = await renders(page);
  await page.waitForTimeout(1500);
  expect(await renders(page)).toBe(after);
}

describe('the table at rest', () => {
  it('fills a projector’s width, stops drawing when nothing moves and draws again for a move', async () => {
    const t = await openPage(h, { width: 1920, height: 1080 });
    const { page } = t;
    await toTable(page, '&test=1');
    const size = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('#table-canvas canvas');
      return { w: c?.clientWidth ?? 0, h: c?.clientHeight ?? 0 };
    });
    // Wider than the 842 px it was capped at, and never past 1920 × 1080.
    expect(size.w).toBeGreaterThan(1800);
    expect(size.w).toBeLessThanOrEqual(1920);
    expect(size.h).toBeGreaterThan(518);
    expect(size.h).toBeLessThanOrEqual(1080);
    await restsWakesAndRests(page);
    await page.locator('#table-canvas').screenshot({ path: screenshotPath('table-1920') });
    expect(t.errors).toEqual([]);
    await t.close();
  }, 240_000);

  it('rests too with reduced motion asked for, at full frame rate (no test mode)', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await toTable(page, '');
    await restsWakesAndRests(page);
    expect(t.errors).toEqual([]);
    await t.close();
  }, 240_000);
});
