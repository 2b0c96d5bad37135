// A simple human player for browser tests: it reads the page through roles and labels and clicks like a student.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { type Scenario, ScenarioSchema } from '../../src/scenario/schema';
import { ROOT } from './harness';

export const DEFAULT_SCENARIO_FILE = 'assets/scenarios/miami-2025.yaml';
export const FALLBACK_SCENARIO_FILE = 'test/fixtures/harbour-two-party.yaml';

/** The default scenario if it is there yet, else the two-party test scenario (offered in test mode). */
export function testScenario(): { scenario: Scenario; isDefault: boolean } {
  const isDefault = existsSync(join(ROOT, DEFAULT_SCENARIO_FILE));
  const file = isDefault ? DEFAULT_SCENARIO_FILE : FALLBACK_SCENARIO_FILE;
  return { scenario: ScenarioSchema.parse(parse(readFileSync(join(ROOT, file), 'utf8'))), isDefault };
}

export type Screen =
  | 'title'
  | 'brief'
  | 'table'
  | 'pass'
  | 'pass-end'
  | 'away'
  | 'outcome'
  | 'loading'
  | 'replay';

export async function screenOf(page: Page): Promise<Screen> {
  return (await page.locator('#app').getAttribute('data-screen')) as Screen;
}

/** Waits until the page needs the player: its turn at the table, a brief, a pass screen, or the outcome. */
export async function waitForPlayer(page: Page, timeout = 60_000): Promise<Screen> {
  await page.waitForFunction(
    () => {
      const screen = document.querySelector('#app')?.getAttribute('data-screen');
      if (['outcome', 'pass', 'pass-end', 'away', 'brief', 'title'].includes(screen ?? '')) return true;
      const end = document.querySelector<HTMLButtonElement>('#end-turn');
      return screen === 'table' && !!end && !end.disabled;
    },
    undefined,
    { timeout, polling: 50 },
  );
  return screenOf(page);
}

/** Waits until the page has left `screen` (screens change after lazy loads, not always on the click itself). */
export async function leave(page: Page, screen: Screen, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (from) => document.querySelector('#app')?.getAttribute('data-screen') !== from,
    screen,
    {
      timeout,
      polling: 50,
    },
  );
}

export async function startSolo(page: Page, scenarioTitle: string, partyName: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
  await page.getByRole('radio', { name: scenarioTitle }).check();
  await page.getByRole('radio', { name: /^Solo against AI/ }).check();
  await page.getByRole('button', { name: new RegExp(`^${partyName}`) }).click();
  await page.getByRole('button', { name: 'Read my brief' }).click();
  await page.getByRole('heading', { level: 1, name: `Confidential brief: ${partyName}` }).waitFor();
}

/** A deal on the default scenario: the Nash point of its zone of agreement, as `npm run cli -- analyse` finds
 * it (and scripts/exhaustive-zone.ts confirms), for tests in which the player, as the mediator, publishes it. */
export const DEFAULT_DEAL_TEXT: Record<string, string> = {
  'army-cap': 'cap-800k',
  nato: 'nato-renounced',
  elections: 'elections-100-days',
  'foreign-troops': 'no-foreign-troops',
  'eu-membership': 'eu-eligible',
  'language-church': 'eu-minority-rules',
  recognition: 'recognised-de-facto',
  donetsk: 'withdraw-buffer',
  south: 'south-frozen',
  'other-regions': 'russia-withdraws',
  ceasefire: 'ceasefire-now',
  znpp: 'znpp-iaea-split',
  assets: 'eu-reparations-loan',
  sanctions: 'sanctions-staged',
  'us-russia-business': 'long-term-cooperation',
  g8: 'g8-no',
  guarantees: 'us-guarantee',
  enlargement: 'no-enlargement',
  jets: 'jets-poland',
  people: 'all-for-all',
  amnesty: 'claims-waived',
};

export interface TurnPlan {
  /** Issue id → option id the player publishes when it may (no mediator, or it is the mediator). */
  publish?: Record<string, string>;
}

/** One turn: publish the plan if allowed, accept every package it can, sign when it can, else end the turn. */
export async function takeTurn(page: Page, scenario: Scenario, plan: TurnPlan = {}): Promise<void> {
  if (plan.publish) {
    for (const pkg of scenario.packages) {
      const card = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(pkg.name)}`) });
      const publish = card.getByRole('button', { name: 'Publish as new text' });
      if ((await publish.count()) === 0) continue;
      let changed = false;
      for (const issue of pkg.issues) {
        const want = plan.publish[issue.id];
        if (!want) continue;
        const select = card.getByLabel(`Amend ${issue.name}`);
        if (await select.isDisabled()) continue;
        if ((await select.inputValue()) !== want) {
          await select.selectOption(want);
          changed = true;
        }
      }
      if (changed && (await publish.isEnabled())) await publish.click();
    }
  }
  for (let i = 0; i < 12; i++) {
    const accept = page.locator('.package-card button:enabled', { hasText: /^Accept$/ }).first();
    if ((await accept.count()) === 0) break;
    await accept.click();
  }
  const sign = page.getByRole('button', { name: /^Sign the whole text/ });
  if (await sign.isEnabled()) {
    // Signing asks for a confirmation first.
    await sign.click();
    await page.getByRole('button', { name: /^Yes, sign v\d+$/ }).click();
  } else {
    const end = page.getByRole('button', { name: 'End turn' });
    if (await end.isEnabled()) await end.click();
  }
}

/** Plays a solo game from the table to the outcome screen. */
export async function playSoloToEnd(page: Page, scenario: Scenario, plan: TurnPlan = {}, maxTurns = 80) {
  for (let turn = 0; turn < maxTurns; turn++) {
    const screen = await waitForPlayer(page);
    if (screen === 'outcome') return;
    if (screen === 'away') {
      // Meetings went by without this side: read what happened, then back to the table.
      await page.locator('#away-continue').click();
      await leave(page, 'away');
      continue;
    }
    if (screen !== 'table') throw new Error(`unexpected screen ${screen}`);
    await takeTurn(page, scenario, plan);
  }
  throw new Error('the game did not end');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every sentence of a profile's brief: summary, interests, instructions and red-line descriptions. */
export function briefSentences(scenario: Scenario, party: string): string[] {
  const p = scenario.profiles[party];
  if (!p) return [];
  return [
    p.brief.summary,
    ...p.brief.interests,
    p.brief.instructions,
    ...p.redLines.map((r) => r.description),
  ];
}

/** A profile's reasons for its values, shown to its own seat beside each option's sources. Very short ones ("Cost.")
 * are left out: they could be any words on a page, and would not tell another side anything. */
export function reasonSentences(scenario: Scenario, party: string): string[] {
  const p = scenario.profiles[party];
  if (!p) return [];
  return Object.values(p.preferences)
    .map((pref) => pref.rationale)
    .filter((r) => r.length >= 20);
}
