// The mediator publishes the changes it drafted in several packages as one new version, not one version each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, startHarness } from './harness';
import { escapeRegExp, leave, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const author = scenario.parties.find((p) => p.id === scenario.mediator);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe.skipIf(!author)('the mediator', () => {
  it('publishes changes drafted in two packages as one new version', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=2`);
    await startSolo(page, scenario.meta.title, author?.name ?? '');
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    expect(await waitForPlayer(page)).toBe('table');
    const version = Number((await page.locator('#status-version').textContent())?.match(/\d+/)?.[0]);
    const agenda = scenario.calendar[0]?.agenda ?? [];
    const picks = agenda.slice(0, 2).map((pkgId) => {
      const pkg = scenario.packages.find((p) => p.id === pkgId)!;
      const issue = pkg.issues[0]!;
      const option = issue.options.find((o) => o.id !== scenario.initialText[issue.id])!;
      return { pkg, issue, option };
    });
    for (const { pkg, issue, option } of picks) {
      const card = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(pkg.name)}`) });
      await card.getByLabel(`Amend ${issue.name}`).selectOption(option.id);
    }
    const button = page.locator('#publish-all');
    await expect
      .poll(() => button.textContent())
      .toBe(`Publish all your changes as text v${version + 1} (2 packages)`);
    await button.click();
    await expect
      .poll(async () => Number((await page.locator('#status-version').textContent())?.match(/\d+/)?.[0]))
      .toBe(version + 1);
    // One publish intent with both changes, in the game saved in this browser.
    const saved = await page.evaluate(() => localStorage.getItem('shuttle-diplomacy.saved-game'));
    const intents = (JSON.parse(saved ?? '{}').intents ?? []) as Array<{
      type: string;
      text?: Record<string, string>;
    }>;
    const publishes = intents.filter((i) => i.type === 'text.publish');
    expect(publishes).toHaveLength(1);
    expect(publishes[0]?.text).toEqual(Object.fromEntries(picks.map((p) => [p.issue.id, p.option.id])));
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
