// Ids named like Object.prototype's members (constructor, toString, valueOf, …) are ids like any other: the
// loader, the engine and the AI look them up as own keys, so a game on such a scenario plays exactly as the
// same scenario with ordinary ids.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { analyseScenario, playAtMeeting } from '../../src/scenario/analysis';
import { formatDiagnostic, type LoadResult, loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { renamed, withAddedOption } from '../support/prototype-ids';
import { replaceOnce } from '../support/scenario-text';

function ok(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(result.errors.map((e) => formatDiagnostic(e)).join('\n'));
  return result.scenario;
}

describe('ids named like Object.prototype members', () => {
  const plainText = withAddedOption();
  const protoText = renamed(plainText);

  it('rename every id of the fixture (the test would prove nothing otherwise)', () => {
    const scenario = ok(loadScenario(protoText, 'proto.yaml'));
    expect(scenario.parties.map((p) => p.id)).toEqual(['constructor', 'toString']);
    expect(scenario.packages.flatMap((p) => p.issues.map((i) => i.id))).toEqual([
      'propertyIsEnumerable',
      'toLocaleString',
      'constructor',
      'toString',
      'valueOf',
    ]);
    expect(scenario.meta.sources.map((s) => s.id)).toEqual(['constructor']);
  });

  it('load with the same warnings as ordinary ids', () => {
    const plain = loadScenario(plainText, 'h.yaml');
    const proto = loadScenario(protoText, 'h.yaml');
    expect(proto.ok).toBe(true);
    expect(proto.warnings.map((w) => `${w.line}:${w.col}`)).toEqual(
      plain.warnings.map((w) => `${w.line}:${w.col}`),
    );
  });

  it('report an id missing from a map even where Object.prototype has it', () => {
    // `constructor` is an issue: a party's preferences, the opening text and a new option's values must name it.
    let text = replaceOnce(
      protoText,
      'initialText: { propertyIsEnumerable: hasOwnProperty,',
      'initialText: {',
    );
    text = replaceOnce(text, 'values: { constructor: 80, toString: 70 }', 'values: { toString: 70 }');
    const result = loadScenario(text, 'p.yaml');
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map((e) => e.message);
    expect(messages).toContain('initialText: the opening text has no option for "propertyIsEnumerable"');
    expect(messages).toContain('events[0].effects[1].values: the new option has no value for "constructor"');
  });

  it('analyse exactly as ordinary ids: the same frontier, Nash point and zone, with the storm fired', () => {
    const plain = ok(loadScenario(plainText, 'h.yaml'));
    const proto = ok(loadScenario(protoText, 'p.yaml'));
    for (const meeting of [undefined, 1]) {
      const at = (sc: Scenario) => (meeting === undefined ? {} : playAtMeeting(sc, sc.calendar[meeting]!.id));
      const a = analyseScenario(plain, at(plain));
      const b = analyseScenario(proto, at(proto));
      const points = (x: typeof a) => x.frontier.map((f) => Object.values(f.utilities));
      expect(points(b)).toEqual(points(a));
      expect(Object.values(b.nash?.utilities ?? {})).toEqual(Object.values(a.nash?.utilities ?? {}));
      expect(b.zone.count).toBe(a.zone.count);
      expect(Object.values(b.reservation)).toEqual(Object.values(a.reservation));
    }
  });

  it('play to ratified deals with whole-number utilities (the AI seeds by seat id, so games differ in detail)', () => {
    const proto = ok(loadScenario(protoText, 'p.yaml'));
    const plain = ok(loadScenario(plainText, 'h.yaml'));
    let deals = 0;
    let plainDeals = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      if (playAiGame(plain, seed).state.outcome?.kind === 'deal') plainDeals++;
      const { state } = playAiGame(proto, seed);
      const outcome = state.outcome;
      expect(outcome, `seed ${seed}`).not.toBeNull();
      for (const r of outcome?.results ?? []) {
        expect(Number.isInteger(r.utility), `seed ${seed} ${r.party}: ${r.utility}`).toBe(true);
        expect(r.utility, `seed ${seed} ${r.party}`).toBeGreaterThanOrEqual(r.reservation ?? 0);
      }
      if (outcome?.kind !== 'deal') continue;
      deals++;
      expect(outcome.ratification?.every((r) => r.passed)).toBe(true);
      // The event's value shift landed on the option it names, not on a prototype member.
      expect(JSON.stringify(state.valueShift)).toBe('{"constructor":{"toString":{"constructor":30}}}');
    }
    expect(plainDeals).toBe(6);
    expect(deals).toBe(6);
  });
});
