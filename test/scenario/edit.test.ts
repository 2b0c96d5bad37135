// The scenario lab's edits: each changes only the value it names, at its place in the file, and keeps the rest
// (comments, folded paragraphs, flow and block style) byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionLeaves, rebalance, setList, setScalar } from '../../src/scenario/edit';
import { loadScenario } from '../../src/scenario/load';

const ROOT = join(import.meta.dirname, '../..');
const FILE = 'assets/scenarios/three-islands.yaml';
const text = readFileSync(join(ROOT, FILE), 'utf8');

const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return y.flatMap((line, i) => (line === x[i] ? [] : [i + 1]));
};

describe('editing a scenario file in place', () => {
  it('sets a number in a flow map and changes nothing else', () => {
    const out = setScalar(text, ['profiles', 'corallin', 'reservation', 'value'], 4321);
    const lines = changedLines(text, out);
    expect(lines).toHaveLength(1);
    expect(out.split('\n')[(lines[0] as number) - 1]).toMatch(
      /^ {4}reservation: \{ value: 4321, rationale: /,
    );
    const loaded = loadScenario(out, FILE);
    expect(loaded.ok && loaded.scenario.profiles.corallin?.reservation.value).toBe(4321);
  });

  it('sets a value in a block map, keeping its comment', () => {
    const block = 'a:\n  b: 5 # five\n  c: >-\n    folded\n    text\n';
    expect(setScalar(block, ['a', 'b'], 70)).toBe('a:\n  b: 70 # five\n  c: >-\n    folded\n    text\n');
  });

  it('adds a key that is missing through the Document API', () => {
    expect(setScalar('a:\n  b: 5\n', ['a', 'c'], 6)).toBe('a:\n  b: 5\n  c: 6\n');
  });

  it('replaces a flow or block list by a flow list in place', () => {
    const out = setList(
      text,
      ['profiles', 'corallin', 'redLines', 0, 'when', 'in'],
      ['reef-tarra', 'reef-park'],
    );
    expect(changedLines(text, out)).toHaveLength(1);
    expect(out).toContain('when: { issue: reef-status, in: [reef-tarra, reef-park] }');
    expect(setList('x:\n  - a\n  - b\ny: 1\n', ['x'], ['c'])).toBe('x:\n  [c]\ny: 1\n');
  });

  it('keeps a JSON file strict JSON', () => {
    const json = '{\n  "a": { "in": ["x"], "n": 1 }\n}\n';
    const out = setScalar(setList(json, ['a', 'in'], ['y', 'z'], { json: true }), ['a', 'n'], 7, {
      json: true,
    });
    expect(out).toBe('{\n  "a": { "in": ["y", "z"], "n": 7 }\n}\n');
    expect(JSON.parse(out)).toEqual({ a: { in: ['y', 'z'], n: 7 } });
  });

  it('finds every { issue, in } test of a red line, with the path of its list and whether a not wraps it', () => {
    const leaves = conditionLeaves(
      { all: [{ issue: 'a', in: ['x'] }, { not: { any: [{ issue: 'b', in: ['y', 'z'] }] } }] },
      ['when'],
    );
    expect(leaves).toEqual([
      { path: ['when', 'all', 0, 'in'], issue: 'a', in: ['x'], negated: false },
      { path: ['when', 'all', 1, 'not', 'any', 0, 'in'], issue: 'b', in: ['y', 'z'], negated: true },
    ]);
  });

  it('rebalances weights to keep their total: the set weight as asked, the others in proportion', () => {
    expect(rebalance([35, 12, 3, 5, 25, 8, 8, 4], 4, 60)).toEqual([19, 6, 2, 3, 60, 4, 4, 2]);
    expect(rebalance([100, 0, 0], 0, 40)).toEqual([40, 30, 30]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: -20, max: 130 }),
        (raw, pick, value) => {
          const at = pick % raw.length;
          const out = rebalance(raw, at, value, 100);
          expect(out.reduce((a, b) => a + b, 0)).toBe(raw.length === 1 ? out[0] : 100);
          expect(out[at]).toBe(Math.max(0, Math.min(100, value)));
          expect(out.every((w) => Number.isInteger(w) && w >= 0)).toBe(true);
        },
      ),
    );
  });
});
