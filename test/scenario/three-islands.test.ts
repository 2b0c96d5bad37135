// The second bundled scenario, the Three Islands: fictional and neutral, it validates with no warning, uses every
// feature of the format, and plays to a ratified deal with no code change.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aiSeats, playGame } from '../../src/ai/ai-game';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';
import { ScenarioSchema } from '../../src/scenario/schema';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FILE = join(ROOT, 'assets', 'scenarios', 'three-islands.yaml');

function load() {
  const result = loadScenario(readFileSync(FILE, 'utf8'), FILE);
  if (!result.ok) throw new Error(result.errors.map((e) => formatDiagnostic(e)).join('\n'));
  return result;
}

describe('the Three Islands scenario', () => {
  it('validates with no warning, in the current format', () => {
    const result = load();
    expect(result.warnings.map((w) => formatDiagnostic(w, 'warning'))).toEqual([]);
    expect(result.scenario.format).toBe(2);
    expect(result.figures?.zone.exists).toBe(true);
  });

  it('uses every feature of the format', () => {
    const s = load().scenario;
    // A mediator that is not the first party; two-party bilateral meetings that include it; attendance.
    expect(s.mediator).not.toBeNull();
    expect(s.parties[0]?.id).not.toBe(s.mediator);
    const bilateral = s.calendar.filter((m) => m.participants.length === 2);
    expect(bilateral.length).toBeGreaterThanOrEqual(2);
    for (const m of s.calendar) expect(m.participants).toContain(s.mediator);
    expect(s.calendar.some((m) => m.attendance && m.attendanceSources)).toBe(true);
    // Ratification of both kinds, a check held only for some texts, public rules; mandates on every package.
    const checks = Object.values(s.profiles).flatMap((p) => p.ratification);
    expect(new Set(checks.map((c) => c.kind))).toEqual(new Set(['support', 'consent']));
    expect(checks.some((c) => c.kind === 'support' && c.appliesWhen)).toBe(true);
    expect(checks.some((c) => c.public)).toBe(true);
    for (const p of Object.values(s.profiles)) {
      expect(Object.keys(p.mandate).sort()).toEqual(s.packages.map((k) => k.id).sort());
      expect(p.redLines.length).toBeGreaterThan(0);
    }
    // Public priors with ranked options, minor issues and red lines said in public.
    expect(s.publicPriors.map((p) => p.about).sort()).toEqual(s.parties.map((p) => p.id).sort());
    expect(s.publicPriors.some((p) => p.ranked)).toBe(true);
    expect(s.publicPriors.some((p) => p.minor)).toBe(true);
    expect(s.publicPriors.some((p) => p.redLines)).toBe(true);
    // Events: every kind of effect, at meetings and for the teacher to inject, each with a debrief.
    const effects = new Set(s.events.flatMap((e) => e.effects.map((x) => x.type)));
    const kinds = ScenarioSchema.shape.events.element.shape.effects.element.options.map(
      (o) => o.shape.type.value,
    );
    expect([...effects].sort()).toEqual([...kinds].sort());
    expect(s.events.some((e) => e.at === undefined)).toBe(true);
    expect(s.events.every((e) => e.debrief)).toBe(true);
    // Sources of several kinds, teacher notes, audience costs, a glossary.
    expect(new Set(s.meta.sources.map((x) => x.kind)).size).toBeGreaterThanOrEqual(3);
    expect(s.meta.teacherNotes?.length).toBeGreaterThan(0);
    expect(s.credibility?.capByParty).toBeDefined();
    expect(Object.keys(s.glossary ?? {}).length).toBeGreaterThan(0);
  });

  it('plays to a ratified deal between AI delegations with no code change', () => {
    const s = load().scenario;
    for (const seed of [1, 2]) {
      const state = playGame(s, seed, aiSeats(s, 'medium'));
      expect(state.outcome?.kind).toBe('deal');
    }
  }, 120_000);
});
