// A solo game survives a page reload: same text version, same log, same turn; then it plays on to the end.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, startHarness } from './harness';
import { leave, playSoloToEnd, startSolo, takeTurn, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const party = scenario.parties[1] ?? scenario.parties[0]!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function snapshot(page: Page) {
  return {
    version: await page.locator('#status-version').textContent(),
    round: await page.locator('#status-round').textContent(),
    meeting: await page.locator('#status-meeting').textContent(),
    speaker: await page.locator('#status-speaker').textContent(),
    log: await page.getByRole('log').locator('li').count(),
    lastLine: await page.getByRole('log').locator('li').last().textContent(),
  };
}

describe('reload', () => {
  it(`restores a solo game as ${party.name} after a reload and plays it to the end`, async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=21`);
    await startSolo(page, scenario.meta.title, party.name);
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    for (let i = 0; i < 2; i++) {
      expect(await waitForPlayer(page)).toBe('table');
      await takeTurn(page, scenario);
    }
    expect(await waitForPlayer(page)).toBe('table');
    const before = await snapshot(page);
    expect(before.log).toBeGreaterThan(3);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
    await expect(page.getByText('Your game was restored from this browser.').count()).resolves.toBe(1);
    expect(await waitForPlayer(page)).toBe('table');
    expect(await snapshot(page)).toEqual(before);

    await playSoloToEnd(page, scenario);
    await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
    // Play again clears the save: a reload shows the title screen.
    await page.getByRole('button', { name: 'Play again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
