// Hostile files never crash `validate`: alias bombs and cycles, deep nesting, prototype ids, huge strings and
// maps, control characters. Each exits 1 with a located `file:line:col: message`, prints no control character
// raw, and stays far inside a generous time bound (the figures themselves: `npm run bench:loader`).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/cli/main';
import { LIMITS } from '../../src/scenario/load';
import { aliasBomb, aliasCycle, deepNesting, type Hostile, hostileFile, hugeMap } from '../support/hostile';

const BASE = readFileSync(new URL('../fixtures/tram-line.yaml', import.meta.url), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'shuttle-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Behaviour, not speed: a shared 2-core machine may be slow, but never this slow. */
const GENEROUS_MS = 10_000;

function run(hostile: Hostile): { code: number; err: string; out: string; ms: number; file: string } {
  const file = join(work, 'hostile.yaml');
  writeFileSync(file, hostile.text);
  let err = '';
  let out = '';
  const io = {
    out: {
      write: (s: string) => {
        out += s;
        return true;
      },
    },
    err: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
  } as unknown as Parameters<typeof validate>[1];
  const start = performance.now();
  const code = validate([file], io);
  return { code, err, out, ms: performance.now() - start, file };
}

function expectRejected(hostile: Hostile): void {
  const r = run(hostile);
  const where = `${hostile.kind} (${hostile.text.length} characters)`;
  expect(r.code, `${where}: ${r.err.slice(0, 300)}`).toBe(1);
  expect(r.out, where).toBe('');
  const located = r.err
    .split('\n')
    .filter((l) => l.startsWith(`${r.file}:`) && /^:\d+:\d+: \S/.test(l.slice(r.file.length)));
  expect(located.length, `${where}: ${r.err.slice(0, 300)}`).toBeGreaterThan(0);
  expect(r.err, where).not.toMatch(/internal error/);
  // Nothing raw that a terminal would act on; at most a few hundred characters per line.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  expect(r.err, where).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  for (const line of r.err.split('\n')) expect(line.length, where).toBeLessThan(2_000);
  expect(r.ms, where).toBeLessThan(GENEROUS_MS);
}

describe('validate on hostile files', () => {
  it('rejects every kind, located, for files up to 5 MB', () => {
    fc.assert(
      fc.property(hostileFile(BASE, 5_000_000), (hostile) => {
        expectRejected(hostile);
      }),
      { numRuns: 70, seed: 20251128 },
    );
  });

  it('rejects the cases the issue names, each with the message that says why', () => {
    const cases: Array<[Hostile, RegExp]> = [
      [{ kind: 'alias bomb', text: aliasBomb(9, 9) }, /alias bomb\?\)|more than 100 aliases/],
      [{ kind: 'alias cycle', text: aliasCycle(3, false) }, /alias \*m refers to the value that contains it/],
      [{ kind: '10,000 levels', text: deepNesting(10_000, 'flow') }, /nested more than 50 levels deep/],
      [
        { kind: '10,000 levels of maps', text: deepNesting(10_000, 'map-flow') },
        /nested more than 50 levels deep/,
      ],
      [
        { kind: '40,000 keys', text: hugeMap(40_000, null) },
        /more than 20,000 lines, commas and brackets|may hold at most 500,000/,
      ],
      [
        { kind: 'a list of 45,000', text: `format: 1\nevents: [${'1,'.repeat(45_000)}1]\n` },
        /more than 20,000 lines, commas and brackets/,
      ],
      [{ kind: '3,000 keys', text: hugeMap(3_000, null) }, /holds 3,000 entries; at most 2,000/],
      [{ kind: '5 MB', text: `# ${'x'.repeat(5_000_000)}\n` }, /a scenario may hold at most 500,000/],
      [
        { kind: 'duplicate keys', text: hugeMap(1_500, 7) },
        /key "t7" written twice in this map \(first on line 10\)/,
      ],
    ];
    for (const [hostile, message] of cases) {
      const r = run(hostile);
      expect(r.code, hostile.kind).toBe(1);
      expect(r.err, hostile.kind).toMatch(message);
    }
  });

  it('lets a file just under every limit through to the schema', () => {
    // 2,000 keys, 50 levels, 1,000,000 characters: still checked, reported by the schema, not by a limit.
    const nearly = hugeMap(LIMITS.entries, null);
    expect(run({ kind: 'at the entry limit', text: nearly }).err).not.toMatch(/entries; at most/);
    const deep = `format: 1\nmeta: ${'['.repeat(LIMITS.depth - 2)}x${']'.repeat(LIMITS.depth - 2)}\n`;
    expect(run({ kind: 'at the depth limit', text: deep }).err).not.toMatch(/levels deep/);
    const padded = `${BASE}${'#'.repeat(LIMITS.chars - BASE.length - 1)}\n`;
    expect(padded.length).toBe(LIMITS.chars);
    const r = run({ kind: 'at the size limit', text: padded });
    expect(r.code).toBe(0);
  });
});
