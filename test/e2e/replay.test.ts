// Replay and fork in the browser: open an exported game log, step through it, export it again byte for byte, play
// on from meeting 2, export the forked game from the table; a changed or broken file is refused in plain words.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import {
  type GameLog,
  gameLogOf,
  readGameLog,
  serialiseGameLog,
  withoutPrivateNotes,
} from '../../src/engine';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { leave, playSoloToEnd, screenOf, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const human = scenario.parties.find((p) => p.id !== scenario.mediator) ?? scenario.parties[0]!;
const SLOW = 240_000;

let h: Harness;
let log: GameLog;
let text: string;
beforeAll(async () => {
  h = await startHarness();
  const game = playAiGame(scenario, 5, 'medium');
  const seats = Object.fromEntries(
    scenario.parties.map((p) => [p.id, p.id === human.id ? ('human' as const) : ('medium' as const)]),
  );
  log = gameLogOf({ scenario, seed: '5', seats, intents: game.intents, keepPrivate: true });
  text = serialiseGameLog(log);
}, SLOW);
afterAll(async () => {
  await h?.close();
});

async function openLog(page: Page, content: string, name = 'game.json') {
  await page.locator('#open-game-log').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content, 'utf8'),
  });
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return readFileSync(path, 'utf8');
}

describe('replay and fork', () => {
  it(
    'steps through an exported game, exports it byte for byte, and plays on from meeting 2',
    async () => {
      const t = await openPage(h);
      const { page } = t;
      await page.goto(`${h.baseUrl}/?test=1`);
      await page.getByRole('heading', { level: 2, name: 'Replay a game' }).waitFor();
      await openLog(page, text);
      await page.getByRole('heading', { level: 1, name: `Replay: ${scenario.meta.title}` }).waitFor();
      expect(await screenOf(page)).toBe('replay');
      const total = log.intents.length;
      const position = page.locator('#replay-position');
      await expect.poll(() => position.textContent()).toBe(`Move ${total} of ${total}: the game is over.`);
      await page.getByRole('button', { name: '◀ Previous move' }).click();
      await expect.poll(() => position.textContent()).toMatch(new RegExp(`^Move ${total - 1} of ${total}: `));
      await page.getByRole('button', { name: '|◀ First move' }).click();
      await expect.poll(() => position.textContent()).toMatch(/^Move 0 of \d+: meeting 1 of /);
      expect(await page.getByRole('button', { name: 'Play on from here' }).isEnabled()).toBe(true);

      // Export again: the same bytes.
      const again = await download(page, () =>
        page.getByRole('button', { name: 'Export this game log' }).click(),
      );
      expect(again).toBe(text);

      // Go to the first move of meeting 2 and play on from there.
      const read = readGameLog(text, () => scenario);
      if (!read.ok) throw new Error(read.message);
      const k = read.states.findIndex((s) => s.meeting === 1);
      expect(k).toBeGreaterThan(0);
      await page.getByLabel('Move', { exact: true }).fill(String(k));
      await expect
        .poll(() => position.textContent())
        .toMatch(new RegExp(`^Move ${k} of ${total}: meeting 2 of `));
      await page.screenshot({ path: screenshotPath('replay-1280'), fullPage: true });
      await page.getByRole('button', { name: 'Play on from here' }).click();
      await leave(page, 'replay');
      expect(await screenOf(page)).toBe('table');
      await page.getByText(`You play on from move ${k} of the replayed game.`).waitFor();

      // The forked game is a game like any other: export it from the table, then play it to the end.
      expect(await waitForPlayer(page)).toBe('table');
      const forked = await download(page, () => page.locator('#export-game-log').click());
      const readForked = readGameLog(forked, () => scenario);
      if (!readForked.ok) throw new Error(readForked.message);
      // Mid-game, the export keeps no AI private notes.
      expect(readForked.log.intents.slice(0, k)).toEqual(withoutPrivateNotes(read.log.intents.slice(0, k)));
      expect(readForked.log.intents.some((x) => x.reason?.private)).toBe(false);
      expect(readForked.log.seats).toEqual(log.seats);
      await playSoloToEnd(page, scenario);
      expect(await screenOf(page)).toBe('outcome');
      expect(t.errors).toEqual([]);
      await t.close();
    },
    SLOW,
  );

  it(
    'refuses a changed or broken file with a clear message, and stays on the title screen',
    async () => {
      const t = await openPage(h);
      const { page } = t;
      await page.goto(`${h.baseUrl}/?test=1`);
      await page.getByRole('heading', { level: 2, name: 'Replay a game' }).waitFor();
      const tampered = structuredClone(log);
      const i = tampered.intents.findIndex((x) => x.type === 'turn.end');
      tampered.intents.splice(i, 1);
      await openLog(page, JSON.stringify(tampered));
      const alert = page.locator('#game-log-error');
      await expect.poll(() => alert.textContent()).toMatch(/was changed after it was exported/);
      await openLog(page, '{ not json', 'broken.json');
      await expect
        .poll(() => alert.textContent())
        .toMatch(/^This file is not a game log: it is not valid JSON/);
      expect(await screenOf(page)).toBe('title');
      expect(t.errors).toEqual([]);
      await t.close();
    },
    SLOW,
  );
});
