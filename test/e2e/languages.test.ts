// The interface in Ukrainian and Russian: picked on the title screen or in the address, kept in this browser,
// changed mid-game from the persistent control; the scenario's own texts follow where it gives them. Screenshots
// of the table in both languages are written to test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, ROOT, startHarness } from './harness';
import { leave, waitForPlayer } from './player';

const SHOTS = join(ROOT, 'test-results');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

/** English words of the table's chrome that must not show once the interface is in another language. */
const ENGLISH_CHROME = [
  'Your moves',
  'End turn',
  'Move log',
  'The other sides',
  'Where you stand now',
  'Send a signal',
  'Accept',
  'Propose amendment',
  'Meeting status',
  'Still to come',
];

/** Starts a solo game on the translated test scenario as its first party, in whatever language the page is in. */
async function startTranslatedGame(page: Page, title: string, party: string, heading: RegExp, take: string) {
  await page.getByRole('radio', { name: title }).check();
  await page.locator('#mode-solo').check();
  await page.getByRole('button', { name: new RegExp(`^${party}`) }).click();
  await page.locator('#start-game').click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByRole('button', { name: take }).click();
  await leave(page, 'brief');
}

/** Takes turns (accept what it can, else end the turn) until `turns` turns are played or the game ends. */
async function playTurns(page: Page, turns: number) {
  for (let i = 0; i < turns; i++) {
    const screen = await waitForPlayer(page);
    if (screen === 'outcome') return;
    if (screen === 'away') {
      await page.locator('#away-continue').click();
      await leave(page, 'away');
      continue;
    }
    const accept = page.locator('.package-card button[id^="accept-"]:enabled').first();
    if ((await accept.count()) > 0) await accept.click();
    await page.locator('#end-turn:enabled').click();
  }
  await waitForPlayer(page);
}

async function tableReady(page: Page) {
  await page.locator('#table-canvas canvas').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('.canvas-note')?.hidden === true);
  // The last animation settles (test motion is short); the shot shows the top of the page.
  await page.waitForTimeout(1_500);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('languages', () => {
  it('Ukrainian from the title screen: the whole game chrome and the scenario texts in Ukrainian', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=7`);
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('heading', { level: 1, name: 'Човникова дипломатія' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    // Focus stays on the language picked, now pressed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language-uk');
    await expect(page.locator('#language-uk').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('#language-select').inputValue()).resolves.toBe('uk');
    await startTranslatedGame(
      page,
      'Суперечка за гавань трьома мовами (тестовий сценарій)',
      'Нортпорт',
      /^Конфіденційна директива: Нортпорт/,
      'Зайняти своє місце',
    );
    await page.getByRole('heading', { level: 1, name: 'Нортпорт за столом' }).waitFor();
    await playTurns(page, 3);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const text = await page.locator('.table-screen').innerText();
    for (const words of ENGLISH_CHROME) expect(text, words).not.toContain(words);
    expect(text).toContain('Ваші ходи');
    expect(text).toContain('Журнал ходів');
    // The scenario's own words: packages, issues and venues from its Ukrainian translation.
    expect(text).toContain('Рибальство');
    expect(text).toContain('Розподіл квоти');
    expect(text).toContain('Ратуша');
    // The log speaks Ukrainian too.
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const log = await page.locator('.move-log').innerText();
    expect(log).toMatch(/зустрічаються|кладе на стіл початковий текст/);
    expect(log).not.toMatch(/\b(?:meet|accepts|ends its turn|publishes text)\b/);
    // Numbers and dates the Ukrainian way.
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    expect(await page.locator('#status-meeting').innerText()).toMatch(/березня 2024/);
    await tableReady(page);
    await page.screenshot({ path: join(SHOTS, 'table-uk.png'), fullPage: false });
    await page.locator('#table-canvas').screenshot({ path: join(SHOTS, 'table-canvas-uk.png') });
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('Russian from the address; the choice is kept, and a change mid-game reloads the game in the new language', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=7&lang=ru`);
    await page.getByRole('heading', { level: 1, name: 'Челночная дипломатия' }).waitFor();
    await startTranslatedGame(
      page,
      'Спор о гавани на трёх языках (тестовый сценарий)',
      'Саутбей',
      /^Конфиденциальная директива: Саутбей/,
      'Занять своё место',
    );
    await page.getByRole('heading', { level: 1, name: 'Саутбей за столом' }).waitFor();
    await playTurns(page, 3);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const text = await page.locator('.table-screen').innerText();
    for (const words of ENGLISH_CHROME) expect(text, words).not.toContain(words);
    expect(text).toContain('Ваши ходы');
    expect(text).toContain('Рыболовство');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await tableReady(page);
    await page.screenshot({ path: join(SHOTS, 'table-ru.png'), fullPage: false });
    await page.locator('#table-canvas').screenshot({ path: join(SHOTS, 'table-canvas-ru.png') });
    const logLines = await page.locator('.move-log > li').count();

    // The persistent control: English mid-game; the game comes back from this browser's save, moves and all.
    await page.locator('#language-select').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Southbay at the table' }).waitFor();
    await page.getByText('Your game was restored from this browser.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.move-log > li').count()).toBe(logLines);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    expect(await page.locator('.table-screen').innerText()).toContain('Fishing');
    // The address no longer forces Russian, and the choice is remembered for the next visit.
    expect(page.url()).not.toContain('lang=');
    expect(await page.evaluate(() => localStorage.getItem('shuttle-diplomacy.lang'))).toBe('en');
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
