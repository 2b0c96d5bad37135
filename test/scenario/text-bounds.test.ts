// Text a valid file holds is bounded (names 60 characters, option labels 80, …) so nothing it holds can break
// the screen or the AI: a scenario whose every name and label is as long as allowed still plays to deals, every
// AI reason within the 600 characters a move may carry; one character more is refused, located.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';
import { harbourText } from '../support/scenario-text';

const pad = (s: string, n: number): string => `${s} ${'x'.repeat(n)}`.slice(0, n);

function longest(extra = 0): string {
  return harbourText()
    .replace(/label: ("?)([^",\n]+)\1,/g, (_, _q, l: string) => `label: "${pad(l, 80 + extra)}",`)
    .replace(/^(\s+)name: (.+)$/gm, (_, indent: string, n: string) => `${indent}name: "${pad(n, 60)}"`);
}

describe('text bounds', () => {
  it('play a scenario whose names and labels are as long as allowed, every AI reason within 600 characters', () => {
    const result = loadScenario(longest(), 'long.yaml');
    if (!result.ok) throw new Error(result.errors.map((e) => formatDiagnostic(e)).join('\n'));
    const scenario = result.scenario;
    expect(
      scenario.packages.flatMap((p) => p.issues.flatMap((i) => i.options.map((o) => o.label.length))),
    ).toEqual(Array(13).fill(80));
    for (const seed of [1, 2, 3]) {
      const { state } = playAiGame(scenario, seed);
      expect(state.outcome?.kind, `seed ${seed}`).toBe('deal');
      for (const e of state.log) {
        const reason = (e as { reason?: { public?: string } }).reason;
        if (reason?.public !== undefined) expect(reason.public.length).toBeLessThanOrEqual(600);
      }
    }
  });

  it('refuse a label one character too long, at its place', () => {
    const result = loadScenario(longest(1), 'long.yaml');
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map((e) => formatDiagnostic(e));
    expect(messages).toHaveLength(13);
    expect(messages[0]).toMatch(
      /^long\.yaml:39:22: packages\[0\]\.issues\[0\]\.options\[0\]\.label: at most 80 characters/,
    );
  });
});
