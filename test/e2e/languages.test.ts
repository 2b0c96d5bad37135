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

  it('the default scenario in Ukrainian: title, brief, table, sources and debrief in its own Ukrainian words', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=7&lang=uk`);
    await page.getByRole('heading', { level: 1, name: 'Човникова дипломатія' }).waitFor();
    // The title screen: the scenario's title and content note (the invasion named plainly).
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const title = await page.locator('main').innerText();
    expect(title).toContain('У лютому 2022 року Росія розпочала повномасштабне вторгнення в Україну');
    await page.getByRole('radio', { name: 'Раунд у Маямі, грудень 2025' }).check();
    await page.locator('#mode-solo').check();
    await page.getByRole('button', { name: /^Україна/ }).click();
    await page.locator('#start-game').click();
    await page.getByRole('heading', { level: 1, name: /^Конфіденційна директива: Україна/ }).waitFor();
    // The brief: its situation, interests, red lines and who ratifies, in the scenario's Ukrainian.
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const brief = await page.locator('main').innerText();
    for (const words of [
      'Ви очолюєте українських переговорників',
      'Україна прагне обов’язкових гарантій безпеки',
      'Україна ніколи не може підписати відмову від частин Херсонської та Запорізької областей',
      'Верховна Рада (парламент)',
    ])
      expect(brief, words).toContain(words);
    expect(brief).not.toContain('You lead Ukraine');
    await page.getByRole('button', { name: 'Зайняти своє місце' }).click();
    await leave(page, 'brief');
    await page.getByRole('heading', { level: 1, name: 'Україна за столом' }).waitFor();
    await waitForPlayer(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const table = await page.locator('.table-screen').innerText();
    for (const words of [
      'Суверенітет', // a package
      'Обмеження чисельності армії', // an issue
      'Не більше 600 000', // an option
      'Маямі', // the venue
      'Секретар Ради національної безпеки і оборони (голова делегації)', // who sits at the table
      'Росія вночі б’є по енергосистемі України', // the news
      'Всеукраїнський референдум', // the brief beside the table
    ])
      expect(table, words).toContain(words);
    for (const words of ['Army size cap', 'Sovereignty', 'Capped at 600,000', 'National referendum'])
      expect(table, words).not.toContain(words);
    // The sources of an option: its status and the seat's own reason in Ukrainian; titles stay as published.
    const sources = page.locator('.package-card .option-sources').first();
    await sources.locator('summary').click();
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const opened = await sources.innerText();
    expect(opened).toContain('Проєкт із 28 пунктів (США, оприлюднений 20 листопада 2025 року).');
    expect(opened).toContain('Армія — власний стримувальний чинник України');
    expect(opened).toContain("Media disclosed all 28 points of Trump's peace plan for Ukraine and Russia");
    await tableReady(page);
    await page.screenshot({ path: join(SHOTS, 'table-default-uk.png'), fullPage: false });
    await page.locator('#table-canvas').screenshot({ path: join(SHOTS, 'table-canvas-default-uk.png') });
    // Walking away ends the game: the debrief tells the events and the epilogue in Ukrainian.
    await page.locator('#walk-away').click();
    await page.locator('#walk-confirm').click();
    await page.locator('.debrief-epilogue').waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    const debrief = await page.locator('main').innerText();
    expect(debrief).toContain(
      'Після стартової точки цієї гри посланці США запропонували «вільну економічну зону»',
    );
    expect(debrief).toContain('Це були удари по цивільній енергетичній інфраструктурі взимку');
    expect(debrief).not.toContain('After this game');
    await page.screenshot({ path: join(SHOTS, 'debrief-default-uk.png'), fullPage: false });
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
