// A class in real Chromium, one browser context per person: the teacher creates a session, three students join by
// code, the teacher auto-assigns them to one table and lets the AI fill a second, both games are played to the
// outcome, and the exported CSV holds both tables. No student's page receives another seat's brief. Along the way the
// teacher messages the class, opens a table's channels and reads a table's debrief.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Scenario, ScenarioSchema } from '../../src/scenario/schema';
import { type Harness, openPage, ROOT, screenshotPath, startHarness, type TestPage } from './harness';
import { briefSentences, leave, waitForPlayer } from './player';

const scenario: Scenario = ScenarioSchema.parse(
  parse(readFileSync(join(ROOT, 'test/fixtures/tram-line.yaml'), 'utf8')),
);
const dataDir = mkdtempSync(join(tmpdir(), 'shuttle-class-e2e-'));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    server: 'start',
    env: { DATA_DIR: dataDir, CLASS_TEST_SCENARIOS: '1', CLASS_AI_DELAY_MS: '0' },
  });
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Everything the page receives from the server: socket.io frames and HTTP bodies (scripts included). */
function recordTraffic(page: Page): string[] {
  const seen: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) =>
      seen.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8')),
    );
  });
  page.on('response', (res) => {
    void res
      .text()
      .then((t) => seen.push(t))
      .catch(() => {});
  });
  return seen;
}

/** One turn like takeTurn, for a page whose view comes from the server: a button may change under a click while
 * the answer to the previous move is on its way, so each click is tried briefly and the turn looked at again. */
async function takeClassTurn(page: Page): Promise<void> {
  const tryClick = (l: ReturnType<Page['locator']>) =>
    l.click({ timeout: 3000 }).then(
      () => true,
      () => false,
    );
  for (let i = 0; i < 12; i++) {
    const accept = page.locator('.package-card button:enabled', { hasText: /^Accept$/ }).first();
    if ((await accept.count()) === 0) break;
    await tryClick(accept);
    await page.waitForTimeout(150);
  }
  const sign = page.getByRole('button', { name: /^Sign the whole text/ });
  if (await sign.isEnabled().catch(() => false)) {
    if (await tryClick(sign)) await tryClick(page.getByRole('button', { name: /^Yes, sign v\d+$/ }));
  } else {
    const end = page.getByRole('button', { name: 'End turn' });
    if (await end.isEnabled().catch(() => false)) await tryClick(end);
  }
}

async function playToOutcome(page: Page): Promise<void> {
  for (let turn = 0; turn < 200; turn++) {
    const screen = await waitForPlayer(page, 120_000);
    if (screen === 'outcome') return;
    if (screen === 'brief') {
      await page.getByRole('button', { name: 'Take my seat' }).click();
      await leave(page, 'brief');
      continue;
    }
    if (screen !== 'table') throw new Error(`unexpected screen ${screen}`);
    await takeClassTurn(page);
    // The view after a move comes from the server: wait until the page has it before looking again.
    await page.waitForTimeout(50);
  }
  throw new Error('the game did not end');
}

describe('a class session in the browser', () => {
  it('runs a class of three at one table with an AI table beside it, to the outcome and the CSV', async () => {
    const teacher = await openPage(h);
    const teacherTraffic = recordTraffic(teacher.page);
    await teacher.page.goto(`${h.baseUrl}/?class=teacher&test=1`);
    await teacher.page.getByRole('heading', { level: 1, name: 'Run a class' }).waitFor();
    await teacher.page.getByLabel('Scenario').selectOption(scenario.meta.id);
    await teacher.page.getByLabel('Tables').fill('2');
    await teacher.page.getByRole('button', { name: 'Create the session' }).click();
    const code = (await teacher.page.locator('#class-join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(teacher.page.url()).toMatch(/#key=[A-Za-z0-9_-]{43}$/);

    const names = ['Ana', 'Bo', 'Cy'];
    const students: Array<TestPage & { traffic: string[] }> = [];
    for (const name of names) {
      const t = await openPage(h);
      const traffic = recordTraffic(t.page);
      await t.page.goto(`${h.baseUrl}/?class=join&test=1`);
      await t.page.getByLabel('Join code').fill(code.toLowerCase());
      await t.page.getByLabel('Nickname (optional)').fill(name);
      await t.page.getByRole('button', { name: 'Join' }).click();
      await t.page.locator('#class-hello').getByText(`You are in as ${name}.`).waitFor();
      students.push({ ...t, traffic });
    }
    await teacher.page.locator('#class-lobby li').nth(2).waitFor();
    await expect(teacher.page.locator('#class-lobby .class-nick').allTextContents()).resolves.toEqual(names);
    // Seating by hand: Ana's name dragged onto a seat of table 1; auto-assign seats the others around her.
    const firstSeat = scenario.parties[0]?.id as string;
    // A teacher's screen tall enough to hold the lobby and the first table's seats: the drag is a real mouse drag.
    await teacher.page.setViewportSize({ width: 1280, height: 1400 });
    await teacher.page
      .locator('#class-lobby li .class-nick', { hasText: 'Ana' })
      .dragTo(teacher.page.locator(`.class-seats li[data-table="0"][data-seat="${firstSeat}"]`));
    await students[0]?.page
      .locator('#class-seat')
      .getByText(/at table 1\./)
      .waitFor();
    // The teacher's grid follows with the next dashboard push (at most every 150 ms plus 10 ms a table).
    await expect.poll(() => teacher.page.getByLabel('Seat of Ana').inputValue()).toBe(`0:${firstSeat}`);
    await teacher.page.getByRole('button', { name: 'Auto-assign seats' }).click();
    for (const s of students)
      await s.page
        .locator('#class-seat')
        .getByText(/at table 1\./)
        .waitFor();
    await teacher.page.getByRole('button', { name: 'Start' }).click();
    await teacher.page.locator('#class-state[data-state="running"]').waitFor();
    // The grid writes the meeting's day as people do ('6 Dec 2025'), never as the ISO '2025-12-06'.
    await expect
      .poll(() => teacher.page.locator('.class-facts dd').first().textContent())
      .toMatch(/^1: .+, \d{1,2} [A-Z][a-z]{2} \d{4}$/);

    // Mission control: a message to the class reaches every student's page, as text. While the teacher types, a
    // student takes a seat and reloads the page: the dashboard update pushed for it (the student goes offline and
    // back) is held while the field has the focus and drawn when it loses it, and the click on Send must still
    // land (it was lost to that redraw). A reload puts the student back in the seat: the seat token is in the
    // browser's storage.
    const note = 'Ten minutes left: <b>find a deal</b>.';
    await teacher.page.getByLabel('Message to every student').fill(note);
    const pushes = () => teacherTraffic.filter((f) => f.includes('"type":"dashboard"')).length;
    const first = students[0]?.page as Page;
    await first.getByRole('button', { name: 'Take my seat' }).click();
    await first.locator('#app[data-screen="table"]').waitFor();
    const seatHeading = await first.getByRole('heading', { level: 1 }).first().textContent();
    const before = pushes();
    await first.reload();
    await first.locator('#app[data-screen="table"]').waitFor();
    expect(await first.getByRole('heading', { level: 1 }).first().textContent()).toBe(seatHeading);
    await expect.poll(pushes, { timeout: 30_000 }).toBeGreaterThan(before);
    // The field still has the focus, so the update is held until the click below.
    expect(
      await teacher.page
        .getByLabel('Message to every student')
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await teacher.page.getByRole('button', { name: 'Send to the class' }).click();
    for (const s of students)
      await s.page.locator('.class-broadcasts .class-chat-text').getByText(note, { exact: true }).waitFor();
    // The teacher opens table 1: a channel for each delegation, and the table's log.
    await teacher.page.getByRole('button', { name: 'Open table 1' }).click();
    await teacher.page
      .locator('.class-open-table .class-channel')
      .nth(scenario.parties.length - 1)
      .waitFor();

    await Promise.all(students.map((s) => playToOutcome(s.page)));
    for (const s of students) {
      await s.page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor();
      expect(['deal', 'no-deal', 'walkout']).toContain(
        await s.page.locator('.outcome-kind').getAttribute('data-kind'),
      );
    }
    await teacher.page.locator('.class-table[data-status="ended"]').nth(1).waitFor({ timeout: 120_000 });
    // Each ended table's debrief, for the teacher.
    await teacher.page.getByRole('button', { name: 'Debrief of table 2' }).click();
    await teacher.page
      .locator('.class-debrief tbody tr')
      .nth(scenario.parties.length - 1)
      .waitFor();
    await teacher.page.screenshot({ path: screenshotPath('class-dashboard'), fullPage: true });

    const [download] = await Promise.all([
      teacher.page.waitForEvent('download'),
      teacher.page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8').trim().split('\r\n');
    const rows = csv.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(2 * scenario.parties.length);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['1', '2']));
    expect(
      rows
        .filter((r) => r[1] === '1')
        .map((r) => r[5])
        .sort(),
    ).toEqual(names);
    expect(rows.filter((r) => r[1] === '2').every((r) => r[5] === 'AI')).toBe(true);
    for (const r of rows) expect(['deal', 'no-deal', 'walkout']).toContain(r[7]);

    // Views only: what each student's page received holds its own brief and none of the other seats'.
    const seatOf = new Map(rows.filter((r) => r[1] === '1').map((r) => [r[5], r[3] as string]));
    for (const [i, s] of students.entries()) {
      const mine = seatOf.get(names[i] as string) as string;
      const received = s.traffic.join('\n');
      expect(received).toContain(briefSentences(scenario, mine)[0]);
      for (const other of scenario.parties.filter((p) => p.id !== mine))
        for (const sentence of briefSentences(scenario, other.id)) expect(received).not.toContain(sentence);
      expect(s.errors).toEqual([]);
      await s.close();
    }
    expect(teacher.errors).toEqual([]);
    await teacher.close();
  });
});
