// Hot seat in real Chromium: people pass the device; no seat's screen or storage ever holds another seat's brief.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import {
  briefSentences,
  escapeRegExp,
  leave,
  reasonSentences,
  takeTurn,
  testScenario,
  waitForPlayer,
} from './player';

const { scenario } = testScenario();
// Two people and (in a three-party scenario) the mediator played by AI, so the device passes around an AI's turns too.
const humans =
  scenario.parties.length > 2
    ? scenario.parties
        .filter((p) => p.id !== scenario.mediator)
        .slice(0, 2)
        .map((p) => p.id)
    : scenario.parties.map((p) => p.id);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function pageText(page: Page): Promise<{ text: string; html: string; storage: string }> {
  return page.evaluate(() => {
    const dump = (s: Storage) => {
      const out: Record<string, string | null> = {};
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out[k] = s.getItem(k);
      }
      return JSON.stringify(out);
    };
    return {
      // innerText on purpose: what a person at the screen can read.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is being checked
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
      storage: dump(localStorage) + dump(sessionStorage),
    };
  });
}

/** What the seat on screen must never see: every other profile's brief sentences and reasons for its values
 * (not shared with its own). */
function forbiddenFor(seat: string | null): string[] {
  const mine = (party: string) => [...briefSentences(scenario, party), ...reasonSentences(scenario, party)];
  const own = new Set(seat ? mine(seat) : []);
  return scenario.parties
    .filter((p) => p.id !== seat)
    .flatMap((p) => mine(p.id))
    .filter((s) => !own.has(s));
}

/** Opens the sources of one option per issue on the brief: the seat's own reasons for every issue it cares
 * about are then on the page, for assertPrivate to check against the others'. */
async function openOwnReasons(page: Page): Promise<number> {
  const opened = new Set<string>();
  for (const summary of await page.locator('.brief .option-sources > summary').all()) {
    const key = (await summary.locator('xpath=..').getAttribute('data-key')) ?? '';
    const issue = scenario.packages
      .flatMap((p) => p.issues)
      .find((i) => key.startsWith(`brief-src-${i.id}-`));
    if (!issue || opened.has(issue.id)) continue;
    opened.add(issue.id);
    await summary.click();
  }
  return opened.size;
}

async function assertPrivate(page: Page, seat: string | null, where: string) {
  const { text, html, storage } = await pageText(page);
  for (const sentence of forbiddenFor(seat)) {
    const escaped = sentence.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(text.includes(sentence), `${where}: page text shows "${sentence}"`).toBe(false);
    expect(html.includes(sentence) || html.includes(escaped), `${where}: page HTML holds "${sentence}"`).toBe(
      false,
    );
    expect(storage.includes(sentence), `${where}: storage holds "${sentence}"`).toBe(false);
  }
}

async function seatOnScreen(page: Page): Promise<string | null> {
  const title = (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
  const party = scenario.parties.find(
    (p) => title === `Confidential brief: ${p.name}` || title === `${p.name} at the table`,
  );
  return party?.id ?? null;
}

describe(`hot seat (${scenario.meta.id}, ${humans.length} people)`, () => {
  it('passes the device between people and keeps every brief private, to the outcome', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=3`);
    await page.getByRole('radio', { name: scenario.meta.title }).check();
    await page.getByRole('radio', { name: /^Hot seat/ }).check();
    for (const seat of humans) {
      const name = scenario.parties.find((p) => p.id === seat)?.name ?? seat;
      await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)}`) }).check();
    }
    await page.getByRole('button', { name: 'Start the hot-seat game' }).click();
    // The game loads its rules lazily: wait until the title screen has gone before reading screens.
    await leave(page, 'title');

    const seen = { pass: 0, brief: new Set<string>(), table: new Set<string>(), away: 0, endPass: 0 };
    for (let step = 0; step < 200; step++) {
      const screen = await waitForPlayer(page);
      if (screen === 'outcome') break;
      if (screen === 'pass-end') {
        // The outcome goes to everyone at once, after a pass screen.
        seen.endPass += 1;
        await assertPrivate(page, null, 'end pass screen');
        await page.getByRole('button', { name: 'Show the outcome to everyone' }).click();
        await leave(page, 'pass-end');
        continue;
      }
      if (screen === 'away') {
        const name = (await page.locator('.away-screen .eyebrow').textContent()) ?? '';
        const seat = scenario.parties.find((p) => p.name === name)?.id ?? null;
        expect(humans).toContain(seat);
        await assertPrivate(page, seat, `away screen of ${seat}`);
        seen.away += 1;
        await page.getByRole('button', { name: 'Go to the table' }).click();
        await leave(page, 'away');
        continue;
      }
      if (screen === 'pass') {
        seen.pass += 1;
        await assertPrivate(page, null, 'pass screen');
        const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
        expect(heading).toMatch(/^Pass the device to /);
        await page.getByRole('button', { name: /show my screen$/ }).click();
        await leave(page, 'pass');
        continue;
      }
      const seat = await seatOnScreen(page);
      expect(seat, `a seat's screen (${screen})`).not.toBeNull();
      expect(humans).toContain(seat);
      await assertPrivate(page, seat, `${screen} of ${seat}`);
      if (screen === 'brief') {
        expect(await openOwnReasons(page)).toBeGreaterThan(0);
        await expect(page.locator('.brief .own-rationale').count()).resolves.toBeGreaterThan(0);
        await assertPrivate(page, seat, `brief of ${seat} with its sources open`);
        seen.brief.add(seat ?? '');
        await page.getByRole('button', { name: 'Take my seat' }).click();
        await leave(page, 'brief');
        continue;
      }
      // Every seat has read its brief before anyone sits at the table (one pass round at the start).
      expect([...seen.brief].sort()).toEqual([...humans].sort());
      seen.table.add(seat ?? '');
      if (seen.table.size === 1 && seen.pass === 1)
        await page.screenshot({ path: screenshotPath('hot-seat-table'), fullPage: false });
      await takeTurn(page, scenario);
    }
    await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
    await assertPrivate(page, null, 'outcome');
    expect(seen.pass).toBeGreaterThanOrEqual(humans.length);
    expect(seen.endPass).toBe(1);
    expect([...seen.brief].sort()).toEqual([...humans].sort());
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
