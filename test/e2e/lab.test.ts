// The scenario lab (#/lab) in one page: a dropped broken file shows its errors with their lines; a weight edit
// moves the frontier and the Nash point; quick AI games land on the chart; the edited file downloads and passes
// `cli validate` with its comments kept; "Play this scenario" starts a solo game of the edited version at once;
// no serious or critical accessibility violation at 1280×800 and at 375×812.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/cli/main';
import { seriousViolations } from './axe';
import { type Harness, openPage, ROOT, screenshotPath, startHarness } from './harness';

const FILE = 'assets/scenarios/three-islands.yaml';
const original = readFileSync(join(ROOT, FILE), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the scenario lab', () => {
  it('validates, edits, charts, plays quick games, downloads and plays an edited scenario', async () => {
    const t = await openPage(h);
    const { page } = t;
    // From the title screen's link (the lab is a route of the same page).
    await page.goto(`${h.baseUrl}/?test=1&open=three-islands.yaml`);
    // The title screen shows the scenario's balance checks as `cli validate` gives them.
    expect(await page.locator('.scenario-balance').textContent()).toMatch(
      /Balance checks: no warnings\..*frontier \d+ points \(\d+ deals\); zone of agreement .*; Nash point /,
    );
    await page.locator('#open-lab').click();
    await page.getByRole('heading', { level: 1, name: 'Scenario lab' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/lab');
    await page.locator('#lab-nash-figure').waitFor();

    // A dropped file with an error: its errors, each at its file:line:col.
    const lines = original.split('\n');
    const bad = lines.findIndex((l) => l.startsWith('discountPerMeeting:'));
    expect(bad).toBeGreaterThan(0);
    const broken = lines.map((l, i) => (i === bad ? 'discountPerMeeting: lots' : l)).join('\n');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'broken-islands.yaml', { type: 'application/yaml' }));
      const target = document.querySelector('.lab-screen') as HTMLElement;
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, broken);
    const firstError = page.locator('#lab-errors li').first();
    await firstError.waitFor();
    expect(await firstError.textContent()).toMatch(
      new RegExp(`^broken-islands\\.yaml:${bad + 1}:\\d+: discountPerMeeting: `),
    );
    expect(await page.locator('#lab-status').textContent()).toMatch(/1 error/);
    expect(await page.locator('#lab-play').count()).toBe(0);

    // A bundled scenario, with its figures and chart.
    await page.locator('#lab-bundled').selectOption(`/${FILE}`);
    await page.locator('#lab-open-bundled').click();
    await page.locator('#lab-status', { hasText: 'three-islands.yaml is valid' }).waitFor();
    await page.locator('#lab-party').selectOption('corallin');
    const chart = page.locator('#lab-chart');
    const before = {
      nash: await chart.getAttribute('data-nash'),
      frontier: await chart.getAttribute('data-frontier'),
      figure: await page.locator('#lab-nash-figure').textContent(),
    };
    expect(before.nash).toMatch(/^\d+,\d+$/);
    expect(before.figure).toContain('7,360');
    expect(await seriousViolations(page)).toEqual([]);

    // A weight: the other weights give way (the total stays 100); the frontier and the Nash point move.
    await page.locator('#lab-weight-reef-status').fill('60');
    await page.locator('#lab-weight-reef-status').press('Enter');
    await page.locator('#lab-nash-figure', { hasNotText: before.figure ?? '' }).waitFor();
    expect(await page.locator('#lab-nash-figure').textContent()).toContain('7,965');
    expect(await chart.getAttribute('data-nash')).not.toBe(before.nash);
    expect(await chart.getAttribute('data-frontier')).not.toBe(before.frontier);
    expect(await page.locator('#lab-weight-total').textContent()).toContain('100');
    expect(await page.locator('#lab-weight-quota').inputValue()).toBe('19');
    // The reservation value too, with its slider's keyboard step.
    await page.locator('#lab-reservation').fill('4321');
    await page.locator('#lab-reservation').press('Tab');
    await expect.poll(() => page.locator('#lab-reservation').inputValue()).toBe('4321');

    // Quick AI games in the worker land on the chart, with the share of deals.
    await page.locator('#lab-run-games').click();
    await page
      .locator('#lab-games-status', { hasText: /^100 games played: \d+ ended in a deal \(\d+%\)\.$/ })
      .waitFor({
        timeout: 120_000,
      });
    expect(await chart.getAttribute('data-games')).toBe('100');
    expect(await page.locator('#lab-games-where').textContent()).toMatch(
      /^Of the deals, \d+ ended at the Nash point and \d+ on the Pareto frontier\.$/,
    );
    await page.screenshot({ path: screenshotPath('lab-1280') });

    // The download keeps the file as written but for the numbers changed, and `cli validate` accepts it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#lab-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('three-islands.yaml');
    const saved = join(mkdtempSync(join(tmpdir(), 'lab-')), 'three-islands.yaml');
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    const changed = text.split('\n').filter((l, i) => l !== original.split('\n')[i]);
    expect(text.split('\n').length).toBe(lines.length);
    expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')).toBe(true);
    expect(changed.length).toBe(9);
    expect(text).toContain('reef-status: { weight: 60,');
    expect(text).toContain('reservation: { value: 4321,');
    // The command's own function, in this process (a fresh `tsx` process costs seconds on a busy machine).
    let out = '';
    let err = '';
    const io = {
      out: { write: (s: string) => (out += s) },
      err: { write: (s: string) => (err += s) },
    } as unknown as Parameters<typeof validate>[1];
    expect(validate([saved], io), err).toBe(0);
    expect(out).toMatch(/OK: "The Three Islands"/);

    // The phone's width: one column, still accessible.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lab-375') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Play it at once: a solo game of the edited version, whose brief carries the new reservation value.
    await page.locator('#lab-side').selectOption('corallin');
    await page.locator('#lab-play').click();
    await page.locator('[data-screen="brief"]').waitFor();
    expect(await page.locator('#app').textContent()).toContain('4,321');
    // Corallin answers to its government (the scenario's `principal`), not to a capital.
    expect(await page.locator('#app').textContent()).toContain('Instructions from your government');
    expect(page.url()).not.toContain('#/lab');
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
