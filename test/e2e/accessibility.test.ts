import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { leave, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const party = scenario.parties[1] ?? scenario.parties[0]!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('first load and accessibility', () => {
  it('opens with no console errors', async () => {
    const t = await openPage(h);
    await t.page.goto(h.baseUrl);
    await t.page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await t.page.getByText('Content note').waitFor();
    await t.page.waitForTimeout(300);
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('has no serious or critical axe violations on the title, brief and table screens', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=4`);
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await page.screenshot({ path: screenshotPath('title'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await startSolo(page, scenario.meta.title, party.name);
    await page.screenshot({ path: screenshotPath('brief'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    expect(await waitForPlayer(page)).toBe('table');
    // Let the table picture load so the page is checked as players see it.
    await page.locator('#table-canvas canvas').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('table'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('table-phone'), fullPage: false });
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
