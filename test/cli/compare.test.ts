// `cli compare A B`: what a change did to the zone of agreement, the frontier, the Nash point and the outcomes of
// the same seeded AI games, with the values that differ and the warnings gained or lost.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type Comparison, compareScenarios, formatComparison } from '../../src/cli/compare';
import { HARBOUR, harbourText } from '../support/scenario-text';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const work = mkdtempSync(join(tmpdir(), 'shuttle-compare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function variant(name: string, from: string, to: string): string {
  const text = harbourText();
  expect(text.split(from).length).toBe(2);
  const file = join(work, name);
  writeFileSync(file, text.replace(from, to));
  return file;
}

function sink() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

const SOUTH = 'reservation: { value: 4000, rationale: Tourism';

describe('compare', () => {
  it('shows what raising a reservation value did to the zone, the frontier and the AI games', async () => {
    const b = variant('harbour-tough-south.yaml', SOUTH, 'reservation: { value: 6000, rationale: Tourism');
    const err = sink();
    const c = (await compareScenarios(
      HARBOUR,
      b,
      { games: 8, seed: 1, difficulty: 'medium', workers: 1 },
      { out: sink(), err },
    )) as Comparison;
    expect(err.text()).toBe('');
    expect(c.changes).toEqual([{ path: 'profiles.south.reservation.value', a: 4000, b: 6000 }]);
    expect(c.analysis.a).toMatchObject({ frontierPoints: 8, frontierDeals: 7, zone: 19, zoneExists: true });
    expect(c.analysis.b).toMatchObject({ frontierPoints: 8, frontierDeals: 4, zone: 10, zoneExists: true });
    expect(c.analysis.b.reservation.south).toBe(6000);
    // The same seeds on both: a tougher south closes fewer deals.
    const sim = c.simulated;
    expect(sim?.a.games).toBe(8);
    expect(sim?.b.games).toBe(8);
    expect(sim?.b.ratifiedRate).toBeLessThan(sim?.a.ratifiedRate ?? 0);
    const report = formatComparison(c);
    expect(report).toContain('1 value differs:\n  profiles.south.reservation.value: 4000 → 6000\n');
    expect(report).toMatch(/zone of agreement +19 \(17\.59%\) +10 \(9\.26%\) +-9\n/);
    expect(report).toMatch(/ {2}of them deals +7 +4 +-3\n/);
    expect(report).toMatch(/reservation: south +4,000 +6,000 +\+2,000\n/);
    expect(report).toMatch(
      /8 AI games \(medium, seeds 1–8\)\n {2}signed and ratified +[\d.]+% +[\d.]+% +-[\d.]+ points\n/,
    );
  }, 120_000);

  it('names the warnings a change gained and lost, and the Nash point moving', async () => {
    const b = variant('harbour-percent.yaml', SOUTH, 'reservation: { value: 40, rationale: Tourism');
    const c = (await compareScenarios(
      HARBOUR,
      b,
      { games: 0, seed: 1, difficulty: 'medium', workers: 1 },
      { out: sink(), err: sink() },
    )) as Comparison;
    expect(c.warningsGained).toContain(
      'profiles.south.reservation.value: reservation value 40 is under 1% of the 0–10,000 scale (weight × value summed over issues): if you meant 40%, write 4000',
    );
    expect(c.warningsLost).toEqual([]);
    expect(c.simulated).toBeNull();
    expect(c.analysis.a.nash).not.toEqual(c.analysis.b.nash);
    const reversed = (await compareScenarios(
      b,
      HARBOUR,
      { games: 0, seed: 1, difficulty: 'medium', workers: 1 },
      { out: sink(), err: sink() },
    )) as Comparison;
    expect(reversed.warningsLost).toEqual(c.warningsGained);
    expect(formatComparison(c)).toMatch(/\nAI games +not played \(--games 0\)\n/);
  });

  it('refuses an invalid file with its errors, and a bad flag, from the command line', () => {
    const broken = variant('harbour-broken.yaml', SOUTH, 'reservation: { value: high, rationale: Tourism');
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const main = join(ROOT, 'src', 'cli', 'main.ts');
    const run = spawnSync(tsx, [main, 'compare', HARBOUR, broken, '--games', '0'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /harbour-broken\.yaml:\d+:\d+: profiles\.south\.reservation\.value: expected number/,
    );
    expect(run.stderr).toContain(`${broken}: invalid; nothing compared`);
    expect(run.stdout).toBe('');
    const flag = spawnSync(tsx, [main, 'compare', HARBOUR, HARBOUR, '--games', 'many'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(flag.status).toBe(1);
    expect(flag.stderr).toBe('--games many: expected a whole number (0 plays none)\n');
    expect(readFileSync(HARBOUR, 'utf8')).toBe(harbourText());
  }, 120_000);
});
