// The interface in Ukrainian and Russian: picked on the title screen or in the address, kept in this browser,
// changed mid-game from the persistent control; the scenario's own texts follow where it gives them. The table and
// the debrief are searched for English left behind (any word of the English dictionary), and shot in both
// languages at classroom and phone width into test/e2e/screenshots/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { isPlural } from '../../src/i18n/format';
import { type Harness, openPage, SCREENSHOTS, screenshotPath, startHarness } from './harness';
import { leave, waitForPlayer } from './player';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(SCREENSHOTS, { recursive: true });
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

/** Every word of the English dictionary (its strings, placeholders left out), lower case. */
function englishWords(): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      for (const w of node.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{2,}/g) ?? []) out.add(w.toLowerCase());
    } else if (isPlural(node)) for (const f of Object.values(node)) walk(f);
    else if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v);
  };
  walk(en);
  return out;
}
const ENGLISH = englishWords();
/** Latin words a translation keeps: the version mark, file formats, the game's and languages' own names. */
const KEPT = new Set(['v', 'json', 'csv', 'english']);

/**
 * The English dictionary's words left on the page under `root`, with where they are: every text node and every
 * label (aria-label, title, alt, placeholder, SVG titles), hidden or folded ones too. Left out: the language control
 * (it names the control in English too, on purpose) and the scenario's sources (publishers and titles are proper
 * names).
 */
async function englishLeft(page: Page, root: string): Promise<string[]> {
  const texts = await page.evaluate((sel) => {
    const out: string[] = [];
    const skip = (e: Element | null) => !!e?.closest('.source-list, .language-bar');
    for (const base of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (!skip(n.parentElement) && n.textContent?.trim()) out.push(n.textContent);
      for (const e of base.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))
        if (!skip(e))
          for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
            const v = e.getAttribute(a);
            if (v) out.push(v);
          }
    }
    return out;
  }, root);
  const left: string[] = [];
  for (const text of texts)
    for (const w of text.match(/[A-Za-z]{2,}/g) ?? [])
      if (ENGLISH.has(w.toLowerCase()) && !KEPT.has(w.toLowerCase()))
        left.push(`${w} (in “${text.trim().slice(0, 80)}”)`);
  return left;
}

/** Walks away from the table (the quickest end of a game) and waits for the whole debrief. */
async function walkAwayToDebrief(page: Page) {
  await waitForPlayer(page);
  await page.locator('#walk-away').click();
  await page.locator('#walk-confirm').click();
  await page.locator('.debrief .debrief-epilogue').waitFor({ timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The debrief shot whole at classroom width, then its top at phone width; nothing may stick out sideways. */
async function shootDebrief(page: Page, lang: string) {
  await page.screenshot({ path: screenshotPath(`debrief-${lang}`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(`debrief-${lang}-phone`), fullPage: false });
  expect(await sidewaysOverflow(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Elements wider than the page (text that does not fit and is not in a scroller of its own). */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('#app *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Inside a scroller (a wide table, a chart) it scrolls rather than overflows.
      let p = e.parentElement;
      let scrolls = false;
      while (p && p.id !== 'app') {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') scrolls = true;
        p = p.parentElement;
      }
      if (!scrolls)
        out.push(`${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 60)}`);
    }
    return out.slice(0, 10);
  });
}

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
    // Nothing of the English dictionary left anywhere on the table screen: chrome, log, reasons, folded panels.
    expect(await englishLeft(page, '.table-screen')).toEqual([]);
    await tableReady(page);
    await page.screenshot({ path: screenshotPath('table-uk'), fullPage: false });
    await page.locator('#table-canvas').screenshot({ path: screenshotPath('table-canvas-uk') });
    await page.setViewportSize({ width: 375, height: 812 });
    await tableReady(page);
    await page.screenshot({ path: screenshotPath('table-uk-phone'), fullPage: false });
    // The table picture on the phone: scrolled to, as the student sees it.
    await page.locator('#table-canvas').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('table-canvas-uk-phone'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The debrief, to its last section, in Ukrainian too.
    await walkAwayToDebrief(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    expect(await page.locator('.debrief').innerText()).toContain('Угоди немає');
    expect(await englishLeft(page, '.debrief')).toEqual([]);
    await shootDebrief(page, 'uk');
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
    // On a phone the brief fits the screen: its long Ukrainian words break inside their table cells (the options'
    // tables pushed the page to 475 px on a 375 px phone).
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(300);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('brief-default-uk-phone'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
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
    expect(await englishLeft(page, '.table-screen')).toEqual([]);
    await tableReady(page);
    await page.screenshot({ path: screenshotPath('table-default-uk'), fullPage: false });
    await page.locator('#table-canvas').screenshot({ path: screenshotPath('table-canvas-default-uk') });
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
    expect(await englishLeft(page, '.debrief')).toEqual([]);
    await page.screenshot({ path: screenshotPath('debrief-default-uk'), fullPage: false });
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
    expect(await englishLeft(page, '.table-screen')).toEqual([]);
    await tableReady(page);
    await page.screenshot({ path: screenshotPath('table-ru'), fullPage: false });
    await page.locator('#table-canvas').screenshot({ path: screenshotPath('table-canvas-ru') });
    await page.setViewportSize({ width: 375, height: 812 });
    await tableReady(page);
    await page.screenshot({ path: screenshotPath('table-ru-phone'), fullPage: false });
    await page.locator('#table-canvas').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('table-canvas-ru-phone'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    const logLines = await page.locator('.move-log > li').count();

    // The persistent control: English mid-game; the game comes back from this browser's save, moves and all.
    await page.locator('#language-select').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Southbay at the table' }).waitFor();
    await page.getByText('Your game was restored from this browser.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.move-log > li').count()).toBe(logLines);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    expect(await page.locator('.table-screen').innerText()).toContain('Fishing');
    // The search for English finds it when it is there: the same screen in English is full of it.
    expect((await englishLeft(page, '.table-screen')).length).toBeGreaterThan(50);
    // The address no longer forces Russian, and the choice is remembered for the next visit.
    expect(page.url()).not.toContain('lang=');
    expect(await page.evaluate(() => localStorage.getItem('shuttle-diplomacy.lang'))).toBe('en');

    // Back to Russian, and to the end: the debrief in Russian.
    await page.locator('#language-select').selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Саутбей за столом' }).waitFor();
    await walkAwayToDebrief(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText leaves out hidden text)
    expect(await page.locator('.debrief').innerText()).toContain('Соглашения нет');
    expect(await englishLeft(page, '.debrief')).toEqual([]);
    await shootDebrief(page, 'ru');
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
