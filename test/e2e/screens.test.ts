// Every screen of a solo game at 1280×800 (mouse) and 375×812 (a phone held upright, touch): axe-core finds no
// serious or critical violation on any of them; on the phone the game is played by tapping, the table in words
// and your moves come first, the move log before the text, and the table's text never overlaps or leaves the page.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { type Harness, startHarness } from './harness';
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

/** Text boxes inside `selector` that overlap each other or leave the page (text nodes' client rects). */
async function textProblems(page: Page, selector: string): Promise<{ boxes: number; problems: string[] }> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return { boxes: 0, problems: [`no ${sel}`] };
    const width = document.documentElement.clientWidth;
    const boxes: Array<{ r: DOMRect; node: Node; text: string }> = [];
    const problems: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const parent = n.parentElement;
      if (!text || !parent) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        const short = text.slice(0, 40);
        if (r.left < -1 || r.right > width + 1) problems.push(`off the page: "${short}"`);
        boxes.push({ r, node: n, text: short });
      }
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as (typeof boxes)[number];
        const b = boxes[j] as (typeof boxes)[number];
        if (a.node === b.node) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const hgt = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && hgt > 1) problems.push(`overlap: "${a.text}" and "${b.text}"`);
      }
    return { boxes: boxes.length, problems: [...new Set(problems)] };
  }, selector);
}

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false },
  { name: 'phone', viewport: { width: 375, height: 812 }, touch: true },
] as const;

describe('every screen, at 1280×800 and at 375×812 with touch', () => {
  for (const size of SIZES) {
    it(`${size.name}: plays a whole solo game as ${side?.name}; axe finds nothing serious on any screen`, async () => {
      const context: BrowserContext = await h.browser.newContext({
        viewport: size.viewport,
        hasTouch: size.touch,
        isMobile: size.touch,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      /** Taps on the phone, clicks on the desktop. */
      const press = async (selector: string) => {
        const target = page.locator(selector).first();
        if (size.touch) await target.tap();
        else await target.click();
      };
      const checked = new Set<string>();
      const axe = async (screen: string) => {
        if (checked.has(screen)) return;
        checked.add(screen);
        expect(await seriousViolations(page), `${size.name} ${screen}`).toEqual([]);
      };

      await page.goto(`${h.baseUrl}/?test=1&seed=11`);
      await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
      await axe('title');
      if (!isDefault) await press(`label[for="scenario-${scenario.meta.id}"]`);
      await press(`#side-${side?.id}`);
      await press('#start-game');
      await page.getByRole('heading', { level: 1, name: `Confidential brief: ${side?.name}` }).waitFor();
      await axe('brief');
      // The packages' options tables fold on a phone (they made the brief 27 screens long) and stay open on a
      // desktop; each package names its issues and their weight either way.
      const packages = page.locator('.brief details.brief-package');
      await expect(packages.count()).resolves.toBe(scenario.packages.length);
      const open = await packages.evaluateAll(
        (ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length,
      );
      expect(open).toBe(size.touch ? 0 : scenario.packages.length);
      await expect(packages.first().locator('.package-summary').textContent()).resolves.toMatch(
        /^\d+ issues? · \d+ of your 100 points$/,
      );
      if (size.touch) {
        const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
        expect(screens).toBeLessThan(10);
        await press('.brief details.brief-package summary');
        await page.locator('.brief details.brief-package .options-table').first().waitFor();
      }
      await press('#take-seat');

      let tableTurns = 0;
      let stripBoxes = 0;
      for (let turn = 0; turn < 120; turn++) {
        const screen = await waitForPlayer(page, 120_000);
        if (screen === 'outcome') break;
        if (screen === 'away') {
          await axe('away');
          await press('#away-continue');
          await page.waitForFunction(
            () => document.querySelector('#app')?.getAttribute('data-screen') !== 'away',
          );
          continue;
        }
        expect(screen).toBe('table');
        tableTurns++;
        if (tableTurns === 1) {
          await page.locator('#table-canvas canvas').waitFor({ timeout: 60_000 });
          await axe('table');
        }
        if (size.touch) {
          // The phone's order: the table in words, your moves and the move log before the text and the picture.
          const top = async (sel: string) =>
            (await page.locator(sel).boundingBox())?.y ?? Number.POSITIVE_INFINITY;
          const strip = await top('#table-strip');
          const moves = await top('#moves-heading');
          const log = await top('#log-heading');
          const text = await top('#text-heading');
          const picture = await top('#table-canvas');
          expect(strip).toBeLessThan(moves);
          expect(moves).toBeLessThan(log);
          expect(log).toBeLessThan(text);
          expect(text).toBeLessThan(picture);
          // Your moves start within the first screen and a half, not 6,500 px down.
          expect(moves + (await page.evaluate(() => window.scrollY))).toBeLessThan(1_300);
          // The table's text: nothing overlaps, nothing leaves the page; the page never scrolls sideways.
          const strip_ = await textProblems(page, '#table-strip');
          expect(strip_.problems, `turn ${turn}`).toEqual([]);
          stripBoxes = Math.max(stripBoxes, strip_.boxes);
          const top_ = await textProblems(page, '.table-header');
          expect(top_.problems).toEqual([]);
          const moves_ = await textProblems(page, '.moves-panel');
          expect(moves_.problems).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        }
        for (let i = 0; i < 8; i++) {
          const accept = page.locator('.package-card button[id^="accept-"]:enabled');
          if ((await accept.count()) === 0) break;
          await press('.package-card button[id^="accept-"]:enabled');
        }
        if ((await page.locator('#sign-text:enabled').count()) > 0) {
          await press('#sign-text');
          await press('#sign-confirm');
        } else if ((await page.locator('#end-turn:enabled').count()) > 0) await press('#end-turn');
        if ((await screenOf(page)) === 'outcome') break;
      }
      await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      await axe('outcome');
      expect(tableTurns).toBeGreaterThan(2);
      if (size.touch) expect(stripBoxes).toBeGreaterThan(8);
      console.log(
        `${size.name}: ${tableTurns} turns at the table; screens checked by axe: ${[...checked].join(', ')}`,
      );
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
