// Browser tests of the readable table: the log in plain words with a diff per version and filters, and the small
// traps of issue 7 (consulting at the last meeting, confirmations, public commitments, meeting counts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Scenario, ScenarioSchema } from '../../src/scenario/schema';
import { type Harness, openPage, ROOT, screenshotPath, startHarness } from './harness';
import { DEFAULT_SCENARIO_FILE, leave, startSolo, waitForPlayer } from './player';

const scenario: Scenario = ScenarioSchema.parse(
  parse(readFileSync(join(ROOT, DEFAULT_SCENARIO_FILE), 'utf8')),
);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a readable table (default scenario, as Ukraine)', () => {
  it('tells the log in plain words, with a diff per version for this seat and filters by party and package', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=11`);
    await startSolo(page, scenario.meta.title, 'Ukraine');
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    // Play by ending turns until a second version of the text has been published.
    for (let turn = 0; turn < 20; turn++) {
      if ((await waitForPlayer(page, 120_000)) === 'away') {
        await page.locator('#away-continue').click();
        await leave(page, 'away');
        continue;
      }
      if ((await page.locator('.log-line[data-type="text.published"]').count()) >= 2) break;
      await page.getByRole('button', { name: 'End turn' }).click();
    }
    const log = page.getByRole('log');
    // The opening text is one line, its twenty-one issues folded by package.
    const opening = log.locator('.log-line[data-type="text.published"]').first();
    await expect(opening.locator('.log-text').textContent()).resolves.toBe(
      'US puts the opening text (v1) on the table: 21 issues in 5 packages',
    );
    await opening.getByText('What the opening text says').click();
    await expect(opening.locator('details li').count()).resolves.toBe(5);
    // A later version lists what changed, each change better or worse for Ukraine by its own values.
    const v2 = log.locator('.log-line[data-type="text.published"]').nth(1);
    await expect(v2.locator('.log-text').textContent()).resolves.toMatch(/^US publishes text v2, changing /);
    const diff = (await v2.locator('.log-diff').textContent()) ?? '';
    expect(diff).toMatch(/→/);
    expect(diff).toMatch(/(better|worse|no change) for you \(\d+ → \d+\)/);
    expect(diff).toMatch(/For you in all: [+−±][\d,]+ points/);
    // The meeting line names the agenda's packages by name and the date in words.
    await expect(log.locator('.log-meeting').first().textContent()).resolves.toBe(
      'Miami, 6 December 2025: US and Ukraine meet; on the agenda: Sovereignty, Territory, European security and People',
    );

    // Filter by party: only the US's lines (and the meeting headings) stay.
    const all = await log.locator('.log-line:not(.log-meeting)').count();
    await page.locator('#log-filter-party').selectOption({ label: 'United States' });
    const usLines = await log.locator('.log-line:not(.log-meeting):visible').count();
    expect(usLines).toBeGreaterThan(0);
    expect(usLines).toBeLessThan(all);
    for (const dot of await log.locator('.log-line:not(.log-meeting):visible').all()) {
      expect(await dot.getAttribute('data-parties')).toMatch(/\bus\b/);
    }
    // And by package too: only European security lines of the US.
    await page.locator('#log-filter-package').selectOption({ label: 'European security' });
    const both = await log.locator('.log-line:not(.log-meeting):visible').count();
    expect(both).toBeLessThanOrEqual(usLines);
    for (const line of await log.locator('.log-line:not(.log-meeting):visible').all()) {
      expect(await line.getAttribute('data-packages')).toMatch(/\bsecurity\b/);
    }
    await expect(page.locator('.log-filter-note').textContent()).resolves.toMatch(/^\d+ moves? shown/);
    await page.locator('.log-panel').screenshot({ path: screenshotPath('log-filtered') });
    await page.locator('#log-filter-party').selectOption({ label: 'Every party' });
    await page.locator('#log-filter-package').selectOption({ label: 'Every package' });
    await expect(log.locator('.log-line:not(.log-meeting):visible').count()).resolves.toBe(all);
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('asks before signing or consulting, keeps commitments public, and at the last meeting offers no consultation', async () => {
    const t = await openPage(h);
    const { page } = t;
    await page.goto(`${h.baseUrl}/?test=1&seed=11`);
    await startSolo(page, scenario.meta.title, 'Ukraine');
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    expect(await waitForPlayer(page, 120_000)).toBe('table');
    // Meeting 1 of 5 has 4 after it, in the same words everywhere.
    await expect(page.locator('#status-meeting').textContent()).resolves.toBe(
      '1 of 5: Miami, 6 December 2025',
    );
    await expect(page.locator('#status-meetings-left').textContent()).resolves.toBe(
      '4 more meetings after this one',
    );
    // Consulting asks first, and says what it costs; Cancel changes nothing.
    await page.getByRole('button', { name: 'Consult capital…' }).click();
    await expect(page.locator('#consult-question').textContent()).resolves.toMatch(
      /^Consult your capital on .+\? You sit out the rest of this meeting/,
    );
    await page.locator('#consult-cancel').click();
    await expect(page.locator('#consult-question').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'End turn' }).isEnabled()).resolves.toBe(true);
    // A public commitment cannot be sent to "only these parties".
    await page.getByLabel('Kind').selectOption('commitment');
    await expect(page.getByLabel('Only these parties:').isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('Everyone').isChecked()).resolves.toBe(true);
    await expect(page.locator('#signal-public-note').textContent()).resolves.toBe(
      'A public commitment always goes to everyone.',
    );
    // A refused signal says so beside the form: a retraction with nothing to retract.
    await page.getByLabel('Kind').selectOption('retract');
    await page.locator('#signal-option').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Send signal' }).click();
    await expect(page.locator('#signal-error').textContent()).resolves.toMatch(/^That signal was refused: /);
    // Off-agenda packages: their link boxes are disabled like the rest of the card.
    const economy = page.getByRole('region', { name: /^Economy/ });
    for (const box of await economy.getByRole('checkbox').all())
      await expect(box.isDisabled()).resolves.toBe(true);

    // Play on (ending turns) to the last meeting.
    for (let turn = 0; turn < 30; turn++) {
      await page.getByRole('button', { name: 'End turn' }).click();
      let screen = await waitForPlayer(page, 120_000);
      if (screen === 'away') {
        await page.locator('#away-continue').click();
        await leave(page, 'away');
        screen = await waitForPlayer(page, 120_000);
      }
      if (screen !== 'table') throw new Error(`the game ended before its last meeting (${screen})`);
      if ((await page.locator('#status-meetings-left').textContent()) === 'This is the last meeting') break;
    }
    await expect(page.locator('#status-meeting').textContent()).resolves.toMatch(/^5 of 5: /);
    await expect(page.locator('#status-time-cost').textContent()).resolves.toMatch(
      /^This is the last meeting: if it ends without every side signing, there is no deal/,
    );
    await expect(page.locator('#status-time-cost').textContent()).resolves.not.toMatch(/next costs you/);
    await expect(page.getByRole('button', { name: 'Consult capital…' }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('#consult-note').textContent()).resolves.toMatch(
      /^This is the last meeting: your capital would answer only at the next meeting, and there is none/,
    );
    await page.screenshot({ path: screenshotPath('last-meeting'), fullPage: false });
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
