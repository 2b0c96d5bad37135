// The teacher's side and shared devices, on the game's own server (its CSP and static files): each side's printable
// brief fits three A4 pages with no control printed; the teacher's pack is served and linked from mission control;
// two tabs of one solo game never lose a move; a save cut short restores its first moves with a message; a shared
// computer ends and forgets a game.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createGame } from '../../src/engine/game';
import { viewFor } from '../../src/engine/view';
import { type Scenario, ScenarioSchema } from '../../src/scenario/schema';
import { type Harness, openPage, ROOT, startHarness } from './harness';
import { leave, startSolo, testScenario, waitForPlayer } from './player';

const { scenario, isDefault } = testScenario();
/** The small test scenario (offered in test mode) for the saves: its AI decides fast. */
const small: Scenario = ScenarioSchema.parse(
  parse(readFileSync(join(ROOT, 'test/fixtures/tram-line.yaml'), 'utf8')),
);
const party = small.parties[1] ?? small.parties[0]!;
const SAVE = 'shuttle-diplomacy.saved-game';
const dataDir = mkdtempSync(join(tmpdir(), 'shuttle-pack-e2e-'));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ server: 'start', env: { DATA_DIR: dataDir, CLASS_AI_DELAY_MS: '0' } });
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The pages of a PDF: its page objects (Chromium writes one `/Type /Page` per page). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The intents of the save in this browser. */
async function savedIntents(page: Page): Promise<Array<{ seat: string; type: string }>> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"intents":[]}').intents, SAVE);
}

/** A move that never ends the game: accept what can be accepted, then end the turn. */
async function acceptAndEnd(page: Page): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const accept = page.locator('.package-card button:enabled', { hasText: /^Accept$/ }).first();
    if ((await accept.count()) === 0) break;
    await accept.click();
  }
  await page.getByRole('button', { name: 'End turn' }).click();
}

describe("the teacher's pack", () => {
  it.runIf(isDefault)(
    "prints each side's brief of the default scenario on at most three A4 pages, whole, with no control in it",
    async () => {
      const t = await openPage(h);
      const { page } = t;
      for (const side of scenario.parties) {
        await page.goto(`${h.baseUrl}/?print=brief&scenario=${scenario.meta.id}&side=${side.id}&lang=en`);
        await page.getByRole('heading', { level: 1, name: `Confidential brief: ${side.name}` }).waitFor();
        const profile = scenario.profiles[side.id]!;
        const text = (await page.locator('.print-brief').textContent()) ?? '';
        const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
        // Complete: what it wants, its red lines, reservation, priorities, ratification and every option's value.
        for (const line of [
          ...profile.brief.interests,
          ...profile.redLines.map((r) => r.description),
          ...profile.ratification.map((r) => r.body),
          ...scenario.packages.flatMap((p) => p.issues.flatMap((i) => i.options.map((o) => o.label))),
        ])
          expect(squash(text)).toContain(squash(line));
        // The reservation value as the talks open (the opening meeting's news may have moved it).
        const opening = viewFor(scenario, createGame(scenario, 'print'), side.id).me!;
        expect(text).toContain(`No deal is worth ${opening.reservation.toLocaleString('en-GB')} of 10,000`);
        expect(text).toContain(`worth ${opening.ideal.toLocaleString('en-GB')}`);
        await expect(page.locator('.print-priorities li').count()).resolves.toBeGreaterThan(3);
        const controls = () =>
          page.evaluate(
            () =>
              [...document.querySelectorAll('button, input, select, textarea')].filter((e) =>
                e.checkVisibility(),
              ).length,
          );
        // On screen the page has its Print button and the language control; on paper, none of them.
        expect(await controls()).toBeGreaterThanOrEqual(2);
        await page.emulateMedia({ media: 'print' });
        expect(await controls()).toBe(0);
        await page.emulateMedia({ media: null });
        const pages = pdfPages(await page.pdf({ format: 'A4' }));
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages, `${side.id}'s brief`).toBeLessThanOrEqual(3);
      }
      // The list of every side's brief links to each.
      await page.goto(`${h.baseUrl}/?print=brief&scenario=${scenario.meta.id}`);
      // The list is drawn once the scenario has loaded: wait for it before counting.
      await page.locator('.print-index a[data-side]').first().waitFor();
      await expect(page.locator('.print-index a[data-side]').count()).resolves.toBe(scenario.parties.length);
      expect(t.errors).toEqual([]);
      await t.close();
    },
  );

  it('is served by the server and linked from mission control and the title screen', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?class=teacher`);
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.locator('#class-join-code').waitFor();
    const links = [
      'pack-briefs',
      'pack-lesson',
      'pack-background',
      'pack-debrief',
      'pack-results',
      'pack-all',
    ];
    for (const id of links) {
      const href = await page.locator(`#${id}`).getAttribute('href');
      expect(href, id).toBeTruthy();
      const res = await fetch(new URL(href ?? '', h.baseUrl));
      expect(res.status, href ?? id).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
    // The pack's pages load under the server's Content-Security-Policy (its stylesheet, no inline anything).
    for (const path of ['/teachers/', '/teachers/lesson-plan.html', '/teachers/background.html']) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
    }
    // The results sheet fills itself from an export (the columns of Classroom.exportCsv), as text.
    const csv = [
      'session,table,seed,seat,party,players,status,outcome,text_version,meetings_elapsed,utility,reservation,score_percent,beat_reservation,moves',
      'ABCDEF,1,s1,us,United States,"Ann, Bo",ended,deal,4,2,7000,4000,61,true,40',
      'ABCDEF,1,s1,ua,Ukraine,<b>Cy</b>,ended,deal,4,2,5200,3800,33,true,40',
      "ABCDEF,1,s1,ru,Russia,'=Dee,ended,deal,4,2,5600,4100,30,true,40",
      'ABCDEF,2,s2,us,United States,AI,negotiating,,3,1,6100,4000,,,12',
      'ABCDEF,2,s2,ua,Ukraine,Eve,negotiating,,3,1,3500,3800,,,12',
      'ABCDEF,2,s2,ru,Russia,AI,negotiating,,3,1,5000,4100,,,12',
    ].join('\r\n');
    await page.goto(`${h.baseUrl}/teachers/results-sheet.html`);
    await page.locator('#fill-file').setInputFiles({
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv}\r\n`),
    });
    await page.getByText('Filled from the export: 2 tables.', { exact: false }).waitFor();
    const cells = await page
      .locator('#results-body tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(cells).toEqual([
      ['1', 'Deal at meeting 3', 'United States', 'Ann, Bo', '7000', '4000', '61%', 'yes'],
      ['Ukraine', '<b>Cy</b>', '5200', '3800', '33%', 'yes'],
      ['Russia', '=Dee', '5600', '4100', '30%', 'yes'],
      ['2', 'Unfinished (negotiating)', 'United States', 'AI', '6100', '4000', '', ''],
      ['Ukraine', 'Eve', '3500', '3800', '', ''],
      ['Russia', 'AI', '5000', '4100', '', ''],
    ]);
    await expect(page.locator('#sheet-deals').textContent()).resolves.toBe('1');
    await expect(page.locator('#sheet-code').textContent()).resolves.toBe('ABCDEF');

    await page.goto(`${h.baseUrl}/?test=1`);
    await expect(page.locator('#teacher-pack').getAttribute('href')).resolves.toBe('/teachers/');
    await expect(page.locator('#print-briefs').count()).resolves.toBe(1);
    expect(t.errors).toEqual([]);
    await t.close();
  });
});

describe('solo saves on one device', () => {
  it('keeps every move of two tabs of one game, restores a save cut short, and forgets the game', async () => {
    const t = await openPage(h);
    const a = t.page;
    await a.goto(`${h.baseUrl}/?test=1&seed=21`);
    await startSolo(a, small.meta.title, party.name);
    await expect(a.locator('#print-brief').getAttribute('href')).resolves.toContain('print=brief');
    await a.getByRole('button', { name: 'Take my seat' }).click();
    await leave(a, 'brief');
    expect(await waitForPlayer(a)).toBe('table');
    await acceptAndEnd(a);
    expect(await waitForPlayer(a)).toBe('table');
    const mine = (intents: Array<{ seat: string }>) => intents.filter((i) => i.seat === party.id).length;
    const afterA = await savedIntents(a);

    // A second tab of the same browser opens the game: it takes it, with every move so far; the first says so.
    const b = await t.context.newPage();
    b.on('pageerror', (e) => t.errors.push(`page b: ${e.message}`));
    await b.goto(`${h.baseUrl}/?test=1`);
    await b.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
    await a.getByRole('heading', { level: 1, name: 'This game is open in another tab' }).waitFor();
    expect(await waitForPlayer(b)).toBe('table');
    await acceptAndEnd(b);
    expect(await waitForPlayer(b)).toBe('table');
    const afterB = await savedIntents(b);
    expect(afterB.slice(0, afterA.length)).toEqual(afterA);
    expect(mine(afterB)).toBeGreaterThan(mine(afterA));

    // Back to the first tab: it takes the game again with the second tab's moves, and the second stops.
    await a.getByRole('button', { name: 'Play here' }).click();
    await a.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
    await b.getByRole('heading', { level: 1, name: 'This game is open in another tab' }).waitFor();
    expect(await waitForPlayer(a)).toBe('table');
    const logA = await a.getByRole('log').locator('li').count();
    await acceptAndEnd(a);
    expect(await waitForPlayer(a)).toBe('table');
    const afterBoth = await savedIntents(a);
    expect(afterBoth.slice(0, afterB.length)).toEqual(afterB);
    expect(mine(afterBoth)).toBeGreaterThan(mine(afterB));
    expect(logA).toBeGreaterThan(0);
    await b.close();

    // A save cut short (a full disk, a crash mid-write): its first moves come back, and the page says how many.
    const raw = (await a.evaluate((key) => localStorage.getItem(key), SAVE)) ?? '';
    const cut = raw.slice(0, Math.floor(raw.length * 0.7));
    await a.evaluate(([key, text]) => localStorage.setItem(key as string, text as string), [SAVE, cut]);
    await a.reload();
    const notice = a.getByText(
      /^Your saved game was damaged \(cut short\)\. Its first (\d+) moves? (was|were) restored/,
    );
    await notice.waitFor();
    const kept = Number(/first (\d+) move/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(afterBoth.length);
    const restored = await savedIntents(a);
    expect(restored.slice(0, kept)).toEqual(afterBoth.slice(0, kept));

    // A save edited to hold a teacher's event (a class session's move, never a game's on one device): the moves
    // before it come back, and the page says why the rest did not.
    const edited = [
      ...restored.slice(0, 2),
      { v: 1, seat: party.id, type: 'event.inject', event: 'x' },
      ...restored.slice(2),
    ];
    // Edited from a page of the same site that runs no game (the pack), so the restored game, still playing in
    // this tab, cannot save over the edit; then the game is opened again.
    const gameUrl = a.url();
    await a.goto(`${h.baseUrl}/teachers/`);
    await a.evaluate(
      ([key, text]) => {
        const save = JSON.parse(localStorage.getItem(key as string) ?? '{}');
        localStorage.setItem(key as string, JSON.stringify({ ...save, intents: JSON.parse(text as string) }));
      },
      [SAVE, JSON.stringify(edited)],
    );
    await a.goto(gameUrl);
    await a
      .getByText(
        'A move of your saved game could not be replayed (a teacher’s event or a turn timer, which a game on one device never has). The 2 moves before it were restored.',
      )
      .waitFor();
    // The two moves before the edited one, and never it or what followed it (the game may go on from there).
    const resumed = await savedIntents(a);
    expect(resumed.slice(0, 2)).toEqual(restored.slice(0, 2));
    expect(JSON.stringify(resumed)).not.toContain('event.inject');

    // A shared computer: end and forget, after a confirmation; a reload then shows the title screen.
    a.once('dialog', (d) => void d.accept());
    await a.locator('#forget-game').click();
    await a.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await a.getByText('Your game was ended and forgotten on this device.').waitFor();
    await a.reload();
    await a.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    expect(await a.evaluate((key) => localStorage.getItem(key), SAVE)).toBeNull();
    // A class seat left on this device by the last student is forgotten from the title screen too.
    await a.evaluate(() => localStorage.setItem('shuttle.class.student', 'x'.repeat(43)));
    await a.reload();
    a.once('dialog', (d) => void d.accept());
    await a.locator('#forget-game').click();
    await a.getByText('Your game was ended and forgotten on this device.').waitFor();
    expect(await a.evaluate(() => localStorage.getItem('shuttle.class.student'))).toBeNull();
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
