// A late starter: a solo student whose side is not at the first meetings is told what happened there, in plain
// words, before its first move.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/engine/transcript';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { leave, playSoloToEnd, screenOf, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const late = scenario.parties.find((p) => !scenario.calendar[0]?.participants.includes(p.id));
const missedAtStart = late
  ? scenario.calendar.slice(
      0,
      scenario.calendar.findIndex((m) => m.participants.includes(late.id)),
    )
  : [];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe.skipIf(!late)('a late starter', () => {
  it(`as ${late?.name}, reads what happened at the meetings it missed before its first move`, async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=8`);
    await startSolo(page, scenario.meta.title, late?.name ?? '');
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    expect(await waitForPlayer(page)).toBe('away');
    await page.getByRole('heading', { level: 1, name: 'While you were away' }).waitFor();
    const headings = await page.locator('.away-screen section h2').allTextContents();
    for (const [i, m] of missedAtStart.entries()) {
      const heading = headings[i] ?? '';
      // The date in words, as every other screen writes it (2 December 2025).
      expect(heading).toContain(`${m.venue}, ${formatDate(m.date, true)}`);
      expect(heading).toMatch(/met without you$/);
    }
    // Then, when something happened at the meeting open now before this turn (a new version), that meeting.
    expect(headings.length).toBeLessThanOrEqual(missedAtStart.length + 1);
    for (const heading of headings.slice(missedAtStart.length))
      expect(heading).toMatch(/at this meeting, before your turn$/);
    expect(await page.locator('.away-screen li').count()).toBeGreaterThan(missedAtStart.length);
    await page.screenshot({ path: screenshotPath('away-1280'), fullPage: true });
    await page.getByRole('button', { name: 'Go to the table' }).click();
    await leave(page, 'away');
    expect(await waitForPlayer(page)).toBe('table');
    expect(await screenOf(page)).toBe('table');
    await playSoloToEnd(page, scenario);
    expect(t.errors).toEqual([]);
    await t.close();
  }, 240_000);
});
