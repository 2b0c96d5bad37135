// Format versions: a format-1 file (the format as first written, commit 748184b) migrates to format 2 and
// means the same game; the migration edits only what it must, keeps comments and layout, and is idempotent.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/scenario/analysis';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';
import { CURRENT_FORMAT, migrateScenarioText } from '../../src/scenario/migrate';
import type { Scenario } from '../../src/scenario/schema';
import { harbourText } from '../support/scenario-text';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const V1 = join(ROOT, 'test', 'fixtures', 'format-1', 'harbour-v1.yaml');
const LONG = 'rebuild-nothing-and-keep-the-old-pier-standing-as-is';
const work = mkdtempSync(join(tmpdir(), 'shuttle-migrate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function migrated(text: string) {
  const result = migrateScenarioText(text);
  if (!result.ok) throw new Error(result.error);
  return result.migration;
}

function loaded(text: string): Scenario {
  const result = loadScenario(text, 'x.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => formatDiagnostic(e)).join('\n'));
  return result.scenario;
}

describe('migrating a format-1 file', () => {
  const v1 = readFileSync(V1, 'utf8');

  it('is refused by format 2 as written, each error saying that cli migrate fixes it', () => {
    const result = loadScenario(v1, 'harbour-v1.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThanOrEqual(5);
    for (const e of result.errors)
      expect(e.message).toMatch(/format 1 allowed this: .*cli -- migrate harbour-v1\.yaml/);
  });

  it('becomes a format-2 file that validates with no warning and means the same game', () => {
    const m = migrated(v1);
    expect(m.from).toBe(1);
    expect(m.to).toBe(CURRENT_FORMAT);
    const short = /^id "[^"]+" shortened to "([^"]+)"$/.exec(m.changes[0] ?? '')?.[1] as string;
    expect(m.changes).toEqual([
      `id "${LONG}" shortened to "${short}"`,
      '2 control characters removed from text',
      'format 1 → 2',
    ]);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short.startsWith('rebuild-nothing')).toBe(true);
    const result = loadScenario(m.text, 'harbour-v2.yaml');
    expect(result.ok && result.warnings).toEqual([]);
    const after = loaded(m.text);
    expect(after.format).toBe(2);
    expect(after.meta.summary).toBe('Two towns share a harbour and negotiate fishing, the pier and tolls.');
    expect(m.text).not.toContain(LONG);
    // The same game as the harbour fixture the format-1 file was made from: the same frontier, zone and Nash point.
    const original = analyseScenario(loaded(harbourText()));
    const now = analyseScenario(after);
    expect(now.frontier.map((f) => f.utilities)).toEqual(original.frontier.map((f) => f.utilities));
    expect(now.zone).toEqual(original.zone);
    expect(now.nash?.utilities).toEqual(original.nash?.utilities);
    expect(after.profiles.south?.preferences.rebuild?.values).toEqual({ 'rebuild-yes': 100, [short]: 0 });
  });

  it('changes only the lines that held what format 2 refuses, keeping comments and layout', () => {
    const before = v1.split('\n');
    const after = migrated(v1).text.split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]));
    const expected = before.flatMap((line, i) =>
      line.includes(LONG) || /^format: 1$/.test(line) || line.includes('\\f') ? [i + 1] : [],
    );
    expect(changed).toEqual(expected);
    expect(after.slice(0, 3).every((l) => l.startsWith('#'))).toBe(true);
  });

  it('leaves a format-2 file as it is, so migrating twice changes nothing more', () => {
    const once = migrated(v1).text;
    expect(migrated(once)).toEqual({ text: once, from: 2, to: 2, changes: [] });
  });

  it('refuses a file of an unknown format or one that is not YAML, saying why', () => {
    const future = migrateScenarioText(harbourText().replace('format: 1', 'format: 3'));
    expect(future).toEqual({ ok: false, error: 'unknown format 3: this version reads formats 1 and 2' });
    const broken = migrateScenarioText('format: 1\nmeta: [\n');
    expect(broken.ok).toBe(false);
  });

  it('runs as cli migrate: rewrites the file in place and says what changed', () => {
    const file = join(work, 'harbour.yaml');
    copyFileSync(V1, file);
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'src', 'cli', 'main.ts'), 'migrate', file],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${file}: migrated from format 1 to 2\n  id "${LONG}" shortened to`);
    expect(readFileSync(file, 'utf8')).toBe(migrated(v1).text);
    const again = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'src', 'cli', 'main.ts'), 'migrate', file],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(again.stdout).toBe(`${file}: already format 2; nothing to do\n`);
    expect(again.status).toBe(0);
  }, 120_000);
});
