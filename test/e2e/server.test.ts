// The game through its own server (`npm start`, not `vite preview`): under the server's Content-Security-Policy
// a solo game goes from the title screen through the brief to the table (Phaser, the AI's Web Worker) and on
// to the outcome and its debrief with no policy violation and no error in the console.
import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/app';
import { type Harness, openPage, screenshotPath, startHarness } from './harness';
import { leave, playSoloToEnd, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
const party = scenario.parties[1] ?? scenario.parties[0]!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ server: 'start' });
});
afterAll(async () => {
  await h?.close();
});

const CSP_WORDS = /Content Security Policy|Content-Security-Policy|Refused to/i;

describe('the game under its own server', () => {
  it(`plays a solo game as ${party.name} with no CSP violation on any screen`, async () => {
    const t = await openPage(h);
    const { page } = t;
    const violations: string[] = [];
    const note = (where: string) => (msg: ConsoleMessage) => {
      if (CSP_WORDS.test(msg.text())) violations.push(`${where} ${msg.type()}: ${msg.text()}`);
    };
    page.on('console', note('page'));
    const workers: string[] = [];
    page.on('worker', (worker) => {
      workers.push(worker.url());
      worker.on('console', note(`worker ${worker.url()}`));
    });
    // The page's own record of every violation, including ones the console may word differently.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    const recorded = () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    const screens: string[] = [];
    const check = async (screen: string) => {
      screens.push(screen);
      expect({ screen, violations, recorded: await recorded(), errors: t.errors }).toEqual({
        screen,
        violations: [],
        recorded: [],
        errors: [],
      });
    };

    const response = await page.goto(`${h.baseUrl}/?test=1&seed=11`);
    // It is the game's server that answers, with the policy the page must live under.
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await check('title');
    await startSolo(page, scenario.meta.title, party.name);
    await check('brief');
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
    // The table is drawn by Phaser on a canvas, and the AI delegations have moved through their worker.
    expect(await waitForPlayer(page)).toBe('table');
    await page.locator('canvas').first().waitFor();
    // The AI's worker was loaded under the policy (its console is watched too).
    expect(workers.some((url) => /\/assets\/ai-worker-[^/]+\.js$/.test(url))).toBe(true);
    await page.screenshot({ path: screenshotPath('server-table') });
    await check('table');

    await playSoloToEnd(page, scenario);
    await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
    // The debrief's charts are SVG drawn by the page: styles set there must pass the policy too.
    await page.locator('.debrief-frontier svg').first().waitFor();
    for (const details of await page.locator('.debrief details').all())
      await details.evaluate((d) => d.setAttribute('open', ''));
    await check('outcome and debrief');
    expect(screens).toEqual(['title', 'brief', 'table', 'outcome and debrief']);
    await t.close();
  });
});
