// Sources for students in real Chromium: every option's status badge, its sources opened from the table and from
// the brief (publisher, title, date, link, kind, note and the seat's own reasons, never another side's), who sits
// at the table, the sources of the news, the debrief's events, the teachers' section, axe on an opened panel, and
// screenshots at classroom and phone width; on the default scenario and on a small one that fills every such field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { attendanceOf, kindLabel, shortStatus, sourcesInWords } from '../../src/engine/sources';
import {
  type Issue,
  type Option,
  type Scenario,
  ScenarioSchema,
  type Source,
} from '../../src/scenario/schema';
import { seriousViolations } from './axe';
import { type Harness, openPage, ROOT, screenshotPath, startHarness } from './harness';
import { leave, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
/** A small scenario that fills every field shown beside the rules: kinds, notes, attendance, teacher notes. */
const lighthouse: Scenario = ScenarioSchema.parse(
  parse(readFileSync(join(ROOT, 'test/fixtures/lighthouse-sources.yaml'), 'utf8')),
);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A picture of one part of the page. The page re-renders as the other sides move (the brief follows the talks),
 * so the part is measured and the page photographed, rather than the element, which may be replaced meanwhile. */
async function shoot(page: Page, selector: string, name: string): Promise<void> {
  const box = await page.evaluate((sel) => {
    const node = document.querySelector(sel);
    if (!node) return null;
    node.scrollIntoView({ block: 'start' });
    const r = node.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: Math.min(r.height, window.innerHeight - r.y) };
  }, selector);
  expect(box, `${selector} is on the page`).not.toBeNull();
  if (box && box.width > 0 && box.height > 0)
    await page.screenshot({ path: screenshotPath(name), clip: box });
}

/** A side, one issue it cares about and an option of it that cites a source, with that source. */
function pick(sc: Scenario): { party: string; issue: Issue; option: Option; source: Source } {
  for (const party of [...sc.parties.slice(1), ...sc.parties.slice(0, 1)]) {
    const prefs = sc.profiles[party.id]?.preferences ?? {};
    for (const pkg of sc.packages)
      for (const issue of pkg.issues) {
        if (!prefs[issue.id]?.weight) continue;
        for (const option of issue.options) {
          const source = sc.meta.sources.find((s) => s.id === option.sources[0]);
          if (source) return { party: party.id, issue, option, source };
        }
      }
  }
  throw new Error(`${sc.meta.id}: no option cites a source`);
}

/** What an opened sources panel must hold: the full status, the source, and the seat's own reasons only. */
async function expectPanel(page: Page, sc: Scenario, key: string, chosen: ReturnType<typeof pick>) {
  const panel = page.locator(`details[data-key="${key}"]`);
  await expect(panel.getAttribute('open')).resolves.not.toBeNull();
  const text = (await panel.textContent()) ?? '';
  const [shown] = sourcesInWords(sc.meta.sources, [chosen.source.id]);
  expect(text).toContain(chosen.option.status);
  expect(text).toContain(chosen.source.publisher);
  expect(text).toContain(chosen.source.title);
  expect(shown?.date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  expect(text).toContain(shown?.date);
  const kind = kindLabel(chosen.source.kind);
  if (kind) expect(text).toContain(kind);
  if (chosen.source.note) expect(text).toContain(chosen.source.note);
  if (chosen.source.url) {
    const link = panel.locator(`a[href="${chosen.source.url}"]`).first();
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
  }
  // The seat's own reasons for its values on this issue, and no other side's.
  const own = sc.profiles[chosen.party]?.preferences[chosen.issue.id];
  expect(own).toBeDefined();
  expect(text).toContain(own?.rationale);
  for (const [party, profile] of Object.entries(sc.profiles)) {
    if (party === chosen.party) continue;
    for (const pref of Object.values(profile.preferences))
      if (pref.rationale !== own?.rationale && pref.rationale.length >= 12)
        expect(text, `${party}'s reasons`).not.toContain(pref.rationale);
  }
}

describe(`sources for students (${scenario.meta.id})`, () => {
  it('shows each option’s status and, on demand, its sources on the brief and at the table', async () => {
    const chosen = pick(scenario);
    const party = scenario.parties.find((p) => p.id === chosen.party)!;
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=5`);

    // For teachers, from the title screen: the notes (or a sentence that there are none) and every source.
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await page.getByRole('radio', { name: scenario.meta.title }).check();
    const teachers = page.getByRole('region', { name: 'For teachers' });
    await teachers.locator('summary', { hasText: /^Teacher notes/ }).click();
    const notes = scenario.meta.teacherNotes ?? [];
    if (notes.length)
      for (const n of notes) await teachers.getByRole('heading', { name: n.topic, exact: true }).waitFor();
    else await teachers.getByText('This scenario has no teacher notes.').waitFor();
    await teachers.locator('summary', { hasText: /^Every source the scenario cites/ }).click();
    await teachers.locator('.teacher-sources .source-list > li').first().waitFor();
    await expect(teachers.locator('.teacher-sources .source-list > li').count()).resolves.toBe(
      scenario.meta.sources.length,
    );
    await shoot(page, '.teachers', `sources-teachers-${scenario.meta.id}`);

    await startSolo(page, scenario.meta.title, party.name);

    // The brief: every option has its badge; the chosen one opens with the keyboard.
    const options = scenario.packages.flatMap((p) => p.issues.flatMap((i) => i.options));
    await expect(page.locator('.brief .options-table .badge-status').count()).resolves.toBe(options.length);
    const briefKey = `brief-src-${chosen.issue.id}-${chosen.option.id}`;
    const briefInfo = page.locator(`details[data-key="${briefKey}"]`).locator('xpath=..');
    await expect(briefInfo.locator('.badge-status').textContent()).resolves.toBe(
      `Where it stands: ${shortStatus(chosen.option.status)}`,
    );
    await page.locator(`#${briefKey}-summary`).focus();
    await page.keyboard.press('Enter');
    await expectPanel(page, scenario, briefKey, chosen);
    await shoot(page, `details[data-key="${briefKey}"]`, `sources-brief-${scenario.meta.id}`);

    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    for (let i = 0; i < 10 && (await waitForPlayer(page, 120_000)) === 'away'; i++) {
      await page.locator('#away-continue').click();
      await leave(page, 'away');
    }
    await page.locator('.package-card').first().waitFor();

    // Who sits at the table, for each side at this meeting.
    const attendance = (await page.locator('.status-bar .attendance').textContent()) ?? '';
    const venue = await page.locator('.status-bar .attendance').getAttribute('data-meeting');
    const meeting = scenario.calendar.find((m) => m.venue === venue);
    expect(meeting, `a meeting at ${venue}`).toBeDefined();
    for (const row of attendanceOf(meeting!, scenario.parties)) {
      const name = scenario.parties.find((p) => p.id === row.party)?.name ?? '';
      expect(attendance).toContain(`${name}: ${row.roles.join(', ')}`);
    }

    // The table: every option of the chosen issue, each with its badge; the chosen option's sources.
    const listKey = `card-options-${chosen.issue.id}`;
    await page.locator(`#${listKey}-summary`).click();
    const list = page.locator(`details[data-key="${listKey}"]`);
    await list.locator('.option-list > li').first().waitFor();
    await expect(list.locator('.option-list > li').count()).resolves.toBe(chosen.issue.options.length);
    for (const o of chosen.issue.options)
      await expect(
        list
          .locator('.option-list > li', {
            has: page.locator(`details[data-key="card-all-src-${chosen.issue.id}-${o.id}"]`),
          })
          .locator('.badge-status')
          .textContent(),
      ).resolves.toBe(`Where it stands: ${shortStatus(o.status)}`);
    const tableKey = `card-all-src-${chosen.issue.id}-${chosen.option.id}`;
    await page.locator(`#${tableKey}-summary`).click();
    await expectPanel(page, scenario, tableKey, chosen);
    await shoot(page, `details[data-key="${listKey}"]`, `sources-table-${scenario.meta.id}`);
    // Readable sizes: the sources are not set in small print.
    const size = await page
      .locator(`details[data-key="${tableKey}"] .source-list li`)
      .first()
      .evaluate((n) => Number.parseFloat(getComputedStyle(n).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    expect(await seriousViolations(page)).toEqual([]);

    // The option drafted in the amendment builder shows where it stands as well.
    const amend = page.getByLabel(`Amend ${chosen.issue.name}`);
    const inText = await amend.inputValue();
    const other = chosen.issue.options.find((o) => o.id !== inText)!;
    if (await amend.isEnabled()) {
      await amend.selectOption(other.id);
      const draft = page.locator(`details[data-key="card-draft-src-${chosen.issue.id}-${other.id}"]`);
      await expect(draft.locator('xpath=..').locator('.badge-status').textContent()).resolves.toBe(
        `Where it stands: ${shortStatus(other.status)}`,
      );
    }

    // Another side's move re-renders the table: what the player is reading stays open.
    if (await page.getByRole('button', { name: 'End turn' }).isEnabled()) {
      const before = await page.locator('#status-round').textContent();
      await page.getByRole('button', { name: 'End turn' }).click();
      await page.waitForFunction(
        (b) =>
          document.querySelector('#status-round')?.textContent !== b ||
          !document.querySelector('.package-card'),
        before,
        { timeout: 120_000 },
      );
      if ((await page.locator('#app').getAttribute('data-screen')) === 'table')
        await expect(
          page.locator(`details[data-key="${tableKey}"]`).getAttribute('open'),
        ).resolves.not.toBeNull();
    }

    // At phone width the opened sources still fit and read.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(300);
    if ((await page.locator(`details[data-key="${tableKey}"]`).count()) > 0)
      await shoot(page, `details[data-key="${tableKey}"]`, `sources-table-375-${scenario.meta.id}`);
    expect(t.errors).toEqual([]);
    await t.close();
  }, 400_000);
});

describe('every kind of source, who attended, the news, the debrief and teacher notes (a small test scenario)', () => {
  it('shows them from the title screen to the debrief', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=7`);
    // Its teacher note, from the title screen.
    await page.getByRole('heading', { level: 1, name: 'Shuttle Diplomacy' }).waitFor();
    await page.getByRole('radio', { name: lighthouse.meta.title }).check();
    const teachers = page.getByRole('region', { name: 'For teachers' });
    await teachers.locator('summary', { hasText: /^Teacher notes: 1 sensitive point/ }).click();
    const note = lighthouse.meta.teacherNotes![0]!;
    await teachers.getByRole('heading', { name: note.topic }).waitFor();
    const noteText = (await teachers.locator('.teacher-note').textContent()) ?? '';
    expect(noteText).toContain(note.text);
    for (const s of sourcesInWords(lighthouse.meta.sources, note.sources))
      expect(noteText).toContain(s.title);

    const west = lighthouse.parties.find((p) => p.id === 'west')!;
    await startSolo(page, lighthouse.meta.title, west.name);
    // Every kind of source a scenario may cite, named in words, with its caveat.
    const bright = lighthouse.packages[0]!.issues[1]!.options[1]!;
    await page.locator(`#brief-src-lamp-${bright.id}-summary`).click();
    const panel = (await page.locator(`details[data-key="brief-src-lamp-${bright.id}"]`).textContent()) ?? '';
    for (const words of [
      'International organisation',
      'Research',
      'A small survey; its sample is the fishing fleet only.',
    ])
      expect(panel).toContain(words);
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');

    // The first meeting records who attended, with a wire source.
    await page.locator('.status-bar .attendance').waitFor();
    const first = lighthouse.calendar[0]!;
    const attendance = page.locator('.status-bar .attendance');
    for (const [party, roles] of Object.entries(first.attendance ?? {})) {
      const name = lighthouse.parties.find((p) => p.id === party)!.name;
      await expect(attendance.textContent()).resolves.toContain(`${name}: ${roles.join(', ')}`);
    }
    await expect(attendance.textContent()).resolves.not.toContain('its delegation as listed');
    await attendance.locator('summary', { hasText: 'Sources' }).click();
    const wire = lighthouse.meta.sources.find((s) => s.id === first.attendanceSources?.[0])!;
    const listed = (await attendance.locator('.source-list').textContent()) ?? '';
    for (const words of [wire.publisher, wire.title, '30 April 2024', 'News agency'])
      expect(listed).toContain(words);
    await shoot(page, '.status-bar .attendance', 'sources-attendance');

    let newsChecked = false;
    for (let turn = 0; turn < 30; turn++) {
      const screen = await waitForPlayer(page, 120_000);
      if (screen === 'outcome') break;
      if (screen === 'away') {
        await page.locator('#away-continue').click();
        await leave(page, 'away');
        continue;
      }
      if (!newsChecked && (await page.locator('#news-banner .news-item').count()) > 0) {
        const item = page.locator('#news-banner .news-item').first();
        const ev = lighthouse.events[0]!;
        await expect(item.locator('h3').textContent()).resolves.toBe(ev.title);
        // The second meeting records nobody: its sides are their delegations as listed.
        await expect(page.locator('.status-bar .attendance').textContent()).resolves.toContain(
          'its delegation as listed',
        );
        await item.locator('summary', { hasText: 'Sources' }).click();
        const shown = (await item.locator('.sources-disclosure').textContent()) ?? '';
        for (const s of sourcesInWords(lighthouse.meta.sources, ev.sources))
          for (const words of [s.publisher, s.title, s.date, 'Newspaper or broadcaster'])
            expect(shown).toContain(words);
        const link = item.locator('a.source-title').first();
        await expect(link.getAttribute('target')).resolves.toBe('_blank');
        await expect(link.getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
        await shoot(page, '#news-banner', 'sources-news');
        newsChecked = true;
      }
      // A side that only ends its turns: the talks run through every meeting, so the scheduled event fires.
      await page.getByRole('button', { name: 'End turn' }).click();
    }
    await page.getByRole('heading', { level: 1, name: /^Outcome/ }).waitFor({ timeout: 120_000 });
    expect(newsChecked).toBe(true);
    const events = page.getByRole('region', { name: 'The events of the game, and why they mattered' });
    const articles = events.locator('article');
    expect(await articles.count()).toBe(1);
    const ev = lighthouse.events[0]!;
    const text = (await articles.first().textContent()) ?? '';
    for (const words of [ev.title, ev.text, ev.debrief ?? '', lighthouse.calendar[1]!.venue])
      expect(text).toContain(words);
    for (const s of sourcesInWords(lighthouse.meta.sources, ev.sources))
      for (const words of [s.publisher, s.title, s.date]) expect(text).toContain(words);
    await shoot(page, '.debrief-events', 'sources-debrief-events');
    expect(await seriousViolations(page)).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.close();
  }, 600_000);
});
