import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idLeaks } from '../support/id-leaks';
import { seriousViolations } from './axe';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import {
  DEFAULT_DEAL_TEXT,
  escapeRegExp,
  leave,
  playSoloToEnd,
  startSolo,
  type TurnPlan,
  testScenario,
  waitForPlayer,
} from './player';

const { scenario, isDefault } = testScenario();

/** A deal: as the side that publishes, put a text in everyone's zone of agreement (the default scenario's Nash
 * point; in the two-party fallback, a compromise). Every other side's whole solo game is played by the live-brief
 * test. */
const DEAL: { party: string; seed: number; plan: TurnPlan } = isDefault
  ? {
      party: 'us',
      seed: 4,
      plan: {
        publish: DEFAULT_DEAL_TEXT,
      },
    }
  : {
      party: 'south',
      seed: 7,
      plan: { publish: { quota: 'q50', owner: 'shared', rebuild: 'rebuild-yes', toll: 'toll-low' } },
    };

/** A no-deal: a side that never publishes, accepts or signs; it only ends its turns. */
const NO_DEAL = { party: isDefault ? 'us' : (scenario.parties[0]?.id ?? ''), seed: 4 };

const VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '375x812', width: 375, height: 812 },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const partyName = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;

async function toTable(page: Page, party: string, seed: number) {
  await page.goto(`${h.baseUrl}/?test=1&seed=${seed}`);
  await startSolo(page, scenario.meta.title, partyName(party));
  await page.getByRole('button', { name: 'Take my seat' }).click();
  await leave(page, 'brief');
  await page.getByRole('heading', { level: 1, name: `${partyName(party)} at the table` }).waitFor();
}

async function waitForDebrief(page: Page) {
  await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor({ timeout: 60_000 });
  await page.locator('.debrief-frontier svg').first().waitFor();
}

/** Text that overlaps other text, runs off the page, or is clipped by a scrolling or hidden-overflow box. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const app = document.querySelector('#app');
    if (!app) return ['no #app'];
    const width = document.documentElement.clientWidth;
    const boxes: Array<{ r: DOMRect; node: Node; text: string }> = [];
    const problems: string[] = [];
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.closest('title')) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // Text meant for screen readers only sits in a 1-pixel box.
      let hidden = false;
      for (let a: Element | null = parent; a && a !== app; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) hidden = true;
      }
      if (hidden) continue;
      const rects: DOMRect[] = [];
      if (parent instanceof SVGElement) rects.push(parent.getBoundingClientRect());
      else {
        const range = document.createRange();
        range.selectNodeContents(n);
        rects.push(...range.getClientRects());
      }
      for (const r of rects) {
        if (r.width < 1 || r.height < 1) continue;
        const short = text.slice(0, 40);
        if (r.left < -1 || r.right > width + 1) problems.push(`off the page: "${short}"`);
        for (let a: Element | null = parent; a && a !== app; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const box = a.getBoundingClientRect();
          if (
            r.left < box.left - 1 ||
            r.right > box.right + 1 ||
            r.top < box.top - 1 ||
            r.bottom > box.bottom + 1
          )
            problems.push(`clipped by <${a.tagName.toLowerCase()} class="${a.className}">: "${short}"`);
        }
        boxes.push({ r, node: n, text: short });
      }
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.node === b.node) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const hgt = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && hgt > 2) problems.push(`overlap: "${a.text}" and "${b.text}"`);
      }
    return [...new Set(problems)];
  });
}

/** What a person can read on the debrief (details opened). */
async function debriefText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is being checked
  return page.locator('.debrief').evaluate((node) => (node as HTMLElement).innerText);
}

/** Opens every "show the numbers" and "private notes" section, so the checks cover the whole debrief. */
async function openAllDetails(page: Page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

/** The charts' text as shown, in CSS pixels (an SVG drawn wide and scaled down shrinks its text), and any chart
 * wider than the page. */
async function chartText(page: Page): Promise<{ smallest: number; texts: number; wider: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let smallest = Number.POSITIVE_INFINITY;
    let texts = 0;
    const wider: string[] = [];
    for (const chart of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
      const box = chart.getBoundingClientRect();
      if (box.right > width + 1 || box.left < -1) wider.push(chart.getAttribute('class') ?? '');
      const scale = box.width / chart.viewBox.baseVal.width;
      for (const text of chart.querySelectorAll('text')) {
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
        texts++;
      }
    }
    return { smallest: Math.round(smallest * 10) / 10, texts, wider };
  });
}

async function checkLayouts(page: Page, name: string) {
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(`debrief-${name}-${v.name}`), fullPage: true });
    expect(await layoutProblems(page), `${name} at ${v.name}`).toEqual([]);
    // The charts read on a phone as on a desk: no text under 12 CSS px (it was 6.5 px on the offers chart, drawn
    // 560 wide and scaled to the phone), and no chart wider than the screen.
    const charts = await chartText(page);
    expect(charts.texts, `${name} at ${v.name}`).toBeGreaterThan(10);
    expect(charts.smallest, `${name} at ${v.name}`).toBeGreaterThanOrEqual(12);
    expect(charts.wider, `${name} at ${v.name}`).toEqual([]);
  }
}

describe(`the debrief (${scenario.meta.id})`, () => {
  it('shows a deal on the frontier chart with the Nash point, the per-issue table and who signed', async () => {
    const t = await openPage(h);
    const { page } = t;
    await toTable(page, DEAL.party, DEAL.seed);
    await playSoloToEnd(page, scenario, DEAL.plan);
    await waitForDebrief(page);

    await expect(page.locator('.outcome-kind').getAttribute('data-kind')).resolves.toBe('deal');
    const headline = (await page.locator('.outcome-kind').textContent()) ?? '';
    expect(headline).not.toMatch(/no-deal|Result:/);
    // The lead says where and when the game ended, in words rather than "5 meeting(s)".
    const lead = (await page.locator('.debrief .lead').textContent()) ?? '';
    expect(lead).toMatch(
      /^The game ended in .+ on \d{1,2} [A-Z][a-z]+ \d{4}, at the [a-z]+ of \d+ meetings\./,
    );
    expect(lead).not.toContain('(s)');

    // The frontier charts: every pair of sides, each with the outcome and the Nash point.
    const pairs = (scenario.parties.length * (scenario.parties.length - 1)) / 2;
    const charts = page.locator('.debrief-frontier svg.frontier-chart');
    await expect(charts.count()).resolves.toBe(pairs);
    for (let i = 0; i < pairs; i++) {
      await expect(charts.nth(i).locator('[data-point="outcome"]').count()).resolves.toBe(1);
      await expect(charts.nth(i).locator('[data-point="nash"]').count()).resolves.toBe(1);
      expect(await charts.nth(i).locator('[data-point="frontier"]').count()).toBeGreaterThan(0);
    }
    // ...with a table of the same numbers.
    const frontierTable = page.locator('.debrief-frontier table');
    await expect(
      frontierTable.getByRole('rowheader', { name: 'Nash point', exact: true, includeHidden: true }).count(),
    ).resolves.toBe(1);

    // Scores against the discounted best: one row per side.
    const scores = page.getByRole('table').filter({ hasText: 'Beat reservation' });
    for (const p of scenario.parties)
      await expect(scores.getByRole('rowheader', { name: new RegExp(`^${p.name}`) }).count()).resolves.toBe(
        1,
      );

    // The per-issue table names every issue and the option the deal chose for it, never an id.
    const issues = page.locator('.issues-table');
    for (const pkg of scenario.packages)
      for (const issue of pkg.issues)
        await expect(
          issues.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(issue.name)}`) }).count(),
        ).resolves.toBe(1);

    // Who signed: every side.
    const signed = page.locator('.debrief-signed');
    await expect(signed.getByRole('heading', { name: 'Who signed' }).count()).resolves.toBe(1);
    for (const p of scenario.parties)
      await expect(signed.locator('li.signed', { hasText: p.name }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Ratification' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: /^The final text/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath(`outcome-${DEAL.party}`), fullPage: true });
    await expect(page.getByRole('heading', { name: /^The final text/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'What happened next' }).count()).resolves.toBe(1);
    // The whole move log, folded until asked for: every meeting and every side's signature of the final text.
    await page.getByText('Show the move log', { exact: true }).click();
    const moveLog = page.locator('.debrief-log');
    await expect(moveLog.getByRole('log').count()).resolves.toBe(1);
    expect(await moveLog.locator('li.log-meeting').count()).toBeGreaterThan(0);
    const signedLines = moveLog.locator('li[data-type="text.signed"]');
    expect(await signedLines.count()).toBeGreaterThanOrEqual(scenario.parties.length);
    for (const p of scenario.parties)
      expect(await signedLines.filter({ hasText: p.shortName }).count()).toBeGreaterThan(0);

    await openAllDetails(page);
    expect(idLeaks(scenario, await debriefText(page))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await checkLayouts(page, 'deal');

    // Play again keeps the side and the difficulty.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Play again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await expect(
      page
        .getByRole('button', { name: new RegExp(`^${partyName(DEAL.party)}`) })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await expect(page.getByRole('radio', { name: /^Medium/ }).isChecked()).resolves.toBe(true);
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('shows the last text and who blocked on a no-deal game', async () => {
    const t = await openPage(h);
    const { page } = t;
    await toTable(page, NO_DEAL.party, NO_DEAL.seed);
    for (let turn = 0; turn < 80; turn++) {
      const screen = await waitForPlayer(page);
      if (screen === 'outcome') break;
      if (screen === 'away') {
        await page.locator('#away-continue').click();
        await leave(page, 'away');
        continue;
      }
      await page.getByRole('button', { name: 'End turn' }).click();
    }
    await waitForDebrief(page);
    const kind = await page.locator('.outcome-kind').getAttribute('data-kind');
    expect(kind === 'no-deal' || kind === 'walkout').toBe(true);

    await expect(
      page.getByRole('heading', { name: /^The last text on the table \(v\d+\)$/ }).count(),
    ).resolves.toBe(1);
    const lastText = page.locator('.debrief-final-text');
    for (const pkg of scenario.packages)
      await expect(lastText.getByRole('heading', { name: pkg.name }).count()).resolves.toBe(1);

    const signed = page.locator('.debrief-signed');
    await expect(
      signed.getByRole('heading', { name: 'Who signed, who blocked and why' }).count(),
    ).resolves.toBe(1);
    // The side that never signed is named as blocking, with its reasons.
    const blocker = signed.locator('.blocker', { hasText: `Why ${partyName(NO_DEAL.party)}` });
    await expect(blocker.count()).resolves.toBe(1);
    expect(await blocker.locator('li').count()).toBeGreaterThan(0);

    const chart = page.locator('.debrief-frontier svg.frontier-chart').first();
    await expect(chart.locator('[data-point="outcome"]').count()).resolves.toBe(1);
    await expect(chart.locator('[data-point="last-text"]').count()).resolves.toBe(1);

    await openAllDetails(page);
    expect(idLeaks(scenario, await debriefText(page))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await checkLayouts(page, 'no-deal');
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
