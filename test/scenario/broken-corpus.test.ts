// The corpus of broken scenarios: each file in test/fixtures/broken is the valid tram-line scenario with one
// realistic designer mistake, and its .expected file lists every diagnostic the loader must give for it, as
// `file:line:col: message` (warnings as `file:line:col: warning: message`), no more and no fewer.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIR = join(ROOT, 'test', 'fixtures', 'broken');
const BASE = join(ROOT, 'test', 'fixtures', 'tram-line.yaml');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function diagnostics(text: string, name: string): string[] {
  const result = loadScenario(text, name);
  return [
    ...(result.ok ? [] : result.errors.map((d) => formatDiagnostic(d))),
    ...result.warnings.map((d) => formatDiagnostic(d, 'warning')),
  ];
}

function expected(file: string): string[] {
  return readFileSync(join(DIR, file.replace(/\.yaml$/, '.expected')), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

describe('the corpus of broken scenarios', () => {
  it('holds at least 30 files, each with its expected diagnostics', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(expected(f).length, f).toBeGreaterThan(0);
  });

  it('starts from a scenario that is valid with no warning, so each diagnostic comes from the mistake', () => {
    expect(diagnostics(readFileSync(BASE, 'utf8'), 'tram-line.yaml')).toEqual([]);
  });

  it('differs from that scenario in a few lines per file', () => {
    const base = new Set(readFileSync(BASE, 'utf8').split('\n'));
    for (const f of files) {
      const lines = readFileSync(join(DIR, f), 'utf8').split('\n').slice(1); // line 1 says what is broken
      expect(lines.filter((l) => !base.has(l)).length, f).toBeLessThanOrEqual(3);
    }
  });

  for (const f of files) {
    it(f, () => {
      expect(diagnostics(readFileSync(join(DIR, f), 'utf8'), f)).toEqual(expected(f));
    });
  }

  it('prints the same lines from `cli validate`, and exits 1', () => {
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'src', 'cli', 'main.ts'), 'validate', ...files],
      { cwd: DIR, encoding: 'utf8', timeout: 120_000 },
    );
    const printed = run.stderr.split('\n').filter((l) => /^\d\d-[\w-]+\.yaml:\d+:\d+: /.test(l));
    expect(printed.sort()).toEqual(files.flatMap(expected).sort());
    expect(run.status).toBe(1);
  });
});
