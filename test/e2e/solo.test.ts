// Solo games in real Chromium: one full game per side of the default scenario, each to the outcome screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { DEFAULT_DEAL_TEXT, leave, playSoloToEnd, startSolo, type TurnPlan, testScenario } from './player';

const { scenario, isDefault } = testScenario();

/**
 * Seeds and plans per side. With the default scenario the US AI mediates and publishes; in the two-party fallback
 * (no mediator) the human publishes a compromise itself, so a deal is reachable.
 */
const PLANS: Record<string, { seed: number; plan: TurnPlan; expectDeal?: boolean }> = isDefault
  ? {
      // As the mediator, the player publishes a text inside everyone's zone of agreement (its Nash point) and the AI delegations come to sign it.
      us: {
        seed: 4,
        plan: {
          publish: DEFAULT_DEAL_TEXT,
        },
        expectDeal: true,
      },
      ua: { seed: 11, plan: {} },
      ru: { seed: 11, plan: {} },
    }
  : {
      north: { seed: 7, plan: {} },
      south: {
        seed: 7,
        plan: { publish: { quota: 'q50', owner: 'shared', rebuild: 'rebuild-yes', toll: 'toll-low' } },
        expectDeal: true,
      },
    };

/** Party id → outcome kind, as each game ended. */
const outcomes = new Map<string, string>();

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe(`solo game against AI (${scenario.meta.id})`, () => {
  for (const party of scenario.parties) {
    it(`plays a whole game as ${party.name} to the outcome screen`, async () => {
      const setup = PLANS[party.id] ?? { seed: 5, plan: {} };
      const t = await openPage(h);
      const { page } = t;
      await page.goto(`${h.baseUrl}/?test=1&seed=${setup.seed}`);
      await startSolo(page, scenario.meta.title, party.name);
      await page.getByRole('button', { name: 'Take my seat' }).click();
      await leave(page, 'brief');
      await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
      await playSoloToEnd(page, scenario, setup.plan);

      await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
      const scores = page.getByRole('table').filter({ hasText: 'Beat reservation' });
      for (const p of scenario.parties) {
        await expect(scores.getByRole('rowheader', { name: new RegExp(`^${p.name}`) }).count()).resolves.toBe(
          1,
        );
      }
      const result = (await page.locator('.outcome-kind').getAttribute('data-kind')) ?? '';
      outcomes.set(party.id, result);
      if (setup.expectDeal) {
        expect(result).toBe('deal');
        await expect(page.getByRole('heading', { name: 'Ratification' }).count()).resolves.toBe(1);
        await expect(page.getByRole('heading', { name: /^The final text/ }).count()).resolves.toBe(1);
      }
      await page.screenshot({ path: screenshotPath(`outcome-${party.id}`), fullPage: true });
      expect(t.errors).toEqual([]);
      await t.close();
    });
  }

  it('ends in a signed and ratified deal for at least one side', () => {
    expect(outcomes.size).toBe(scenario.parties.length);
    expect([...outcomes.values()]).toContain('deal');
  });
});
