// A whole solo game with the keyboard alone (Tab, Shift+Tab, Enter, Space and arrow keys; no mouse): after every
// key, the focused element is on the page, visible, has a visible focus indicator, and is never <body>.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, startHarness } from './harness';
import { screenOf, testScenario, waitForPlayer } from './player';

const { scenario, isDefault } = testScenario();
const side = isDefault
  ? (scenario.parties.find((p) => p.id === 'ua') ?? scenario.parties[1])
  : scenario.parties[0];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface FocusReport {
  ok: boolean;
  what: string;
  /** Where the enabled element matching the selector asked about is, from the focus (null when none was asked). */
  where: 'here' | 'before' | 'after' | 'missing' | null;
}

/** In the page: where focus is, whether a sighted keyboard user can see it, and where a control is from it. */
const probe = (selector: string | null) => {
  const node = document.activeElement as HTMLElement | null;
  let where: 'here' | 'before' | 'after' | 'missing' | null = null;
  if (selector !== null) {
    const target = document.querySelector(`${selector}:not(:disabled)`);
    if (!target) where = 'missing';
    else if (node === target) where = 'here';
    else if (!node) where = 'after';
    else where = node.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING ? 'before' : 'after';
  }
  if (!node || node === document.body || node === document.documentElement)
    return { ok: false, what: 'body', where };
  const what = `${node.tagName.toLowerCase()}#${node.id}.${node.className}`;
  if (!node.isConnected) return { ok: false, what: `${what} (detached)`, where };
  const rect = node.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return { ok: false, what: `${what} (no size)`, where };
  const style = getComputedStyle(node);
  if (style.visibility === 'hidden' || style.display === 'none')
    return { ok: false, what: `${what} (hidden)`, where };
  const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
  const ringed = style.boxShadow !== 'none' && style.boxShadow !== '';
  if (!outlined && !ringed) return { ok: false, what: `${what} (no focus indicator)`, where };
  return { ok: true, what, where };
};

/** Where focus is, and whether a sighted keyboard user can see it (and where `selector` is from it). */
async function focusReport(page: Page, selector: string | null = null): Promise<FocusReport> {
  return page.evaluate(probe, selector);
}

const steps: string[] = [];

/** After a key: focus settles (the table answers a move asynchronously), then it must be visible and not <body>.
 * Answers the last report (with where `selector` is from the focus). */
async function expectFocus(page: Page, step: string, selector: string | null = null): Promise<FocusReport> {
  steps.push(step);
  const deadline = Date.now() + 10_000;
  let report = await focusReport(page, selector);
  while (!report.ok && Date.now() < deadline) {
    await page.waitForTimeout(50);
    report = await focusReport(page, selector);
  }
  expect(report.ok, `${step}: focus on ${report.what}`).toBe(true);
  return report;
}

async function press(
  page: Page,
  key: string,
  step: string,
  selector: string | null = null,
): Promise<FocusReport> {
  await page.keyboard.press(key);
  return expectFocus(page, `${step} [${key}]`, selector);
}

/** Tabs (forward, or back with Shift+Tab when the control is earlier on the page) until focus is on an enabled
 * element matching `selector`, checking focus after every key (one look at the page per key does both). */
async function tabTo(page: Page, selector: string, step: string, max = 600): Promise<boolean> {
  let { where } = await focusReport(page, selector);
  for (let i = 0; i < max; i++) {
    if (where === 'here') return true;
    if (where === 'missing') return false;
    ({ where } = await press(
      page,
      where === 'before' ? 'Shift+Tab' : 'Tab',
      `${step}: toward ${selector}`,
      selector,
    ));
  }
  return false;
}

async function exists(page: Page, selector: string): Promise<boolean> {
  return (await page.locator(`${selector}:enabled`).count()) > 0;
}

describe('keyboard alone', () => {
  it(`plays a whole solo game as ${side?.name} with visible focus after every key`, async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=11`);
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await expectFocus(page, 'title opens');

    // Title: the scenario (arrow keys in the radio group), the side, then start.
    if (!isDefault) {
      await tabTo(page, 'input[name="scenario"]:checked', 'title');
      while (!(await page.locator(`#scenario-${scenario.meta.id}`).isChecked()))
        await press(page, 'ArrowDown', 'title: scenario');
    }
    expect(await tabTo(page, `#side-${side?.id}`, 'title')).toBe(true);
    await press(page, 'Enter', 'title: pick side');
    expect(await tabTo(page, '#start-game', 'title')).toBe(true);
    await press(page, 'Enter', 'title: read my brief');
    await page.getByRole('heading', { level: 1, name: `Confidential brief: ${side?.name}` }).waitFor();
    await expectFocus(page, 'brief opens');
    expect(await tabTo(page, '#take-seat', 'brief')).toBe(true);
    await press(page, 'Enter', 'brief: take my seat');

    let signalled = false;
    let proposed = false;
    for (let turn = 0; turn < 120; turn++) {
      const screen = await waitForPlayer(page, 120_000);
      await expectFocus(page, `turn ${turn}: ${screen}`);
      if (screen === 'outcome') break;
      if (screen === 'away') {
        expect(await tabTo(page, '#away-continue', 'away')).toBe(true);
        await press(page, 'Enter', 'away: go to the table');
        await page.waitForFunction(
          () => document.querySelector('#app')?.getAttribute('data-screen') !== 'away',
        );
        continue;
      }
      expect(screen).toBe('table');
      // Once: a signal (Send signal used to drop focus to <body>).
      if (!signalled && (await exists(page, '#signal-send'))) {
        expect(await tabTo(page, '#signal-send', 'signal')).toBe(true);
        await press(page, 'Enter', 'send signal');
        await page.locator('#signal-sent').filter({ hasText: /\S/ }).waitFor();
        signalled = true;
        await press(page, 'Shift+Tab', 'back from send signal');
      }
      // Once: an amendment built with the arrow keys, then proposed.
      if (!proposed) {
        const select = page.locator('.package-card select[id^="amend-"]:enabled').first();
        if ((await select.count()) > 0) {
          const id = await select.getAttribute('id');
          expect(await tabTo(page, `#${id}`, 'amend')).toBe(true);
          await press(page, 'ArrowDown', 'amend: another option');
          const card = await page
            .locator(`#${id}`)
            .evaluate((n) => n.closest('.package-card')?.querySelector('button[id^="propose-"]')?.id);
          if (card && (await exists(page, `#${card}`))) {
            expect(await tabTo(page, `#${card}`, 'propose')).toBe(true);
            await press(page, 'Enter', 'propose amendment');
            proposed = true;
          }
        }
      }
      // Every package it can accept, one Accept after another.
      for (let i = 0; i < 8; i++) {
        const accept = page.locator('.package-card button[id^="accept-"]:enabled').first();
        if ((await accept.count()) === 0) break;
        const id = await accept.getAttribute('id');
        expect(await tabTo(page, `#${id}`, 'accept')).toBe(true);
        await press(page, 'Enter', `accept ${id}`);
        await page
          .locator(`#${id}`)
          .and(page.locator(':disabled'))
          .waitFor({ timeout: 10_000 })
          .catch(() => {});
        await expectFocus(page, `after accept ${id}`);
      }
      if (await exists(page, '#sign-text')) {
        expect(await tabTo(page, '#sign-text', 'sign')).toBe(true);
        await press(page, 'Enter', 'sign…');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-confirm');
        await press(page, 'Enter', 'yes, sign');
      } else if (await exists(page, '#end-turn')) {
        expect(await tabTo(page, '#end-turn', 'end turn')).toBe(true);
        await press(page, 'Enter', 'end turn');
      }
      if ((await screenOf(page)) === 'outcome') break;
    }
    await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
    await expectFocus(page, 'outcome');
    expect(signalled).toBe(true);
    expect(proposed).toBe(true);
    console.log(`keyboard game: ${steps.length} keys and moves, focus visible after each`);
    expect(steps.length).toBeGreaterThan(50);
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
