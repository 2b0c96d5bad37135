import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { EXIT_INTERNAL, validate } from '../../src/cli/main';
import { HARBOUR, harbourText, harbourWithThreeMistakes } from '../support/scenario-text';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MIAMI = join(ROOT, 'assets', 'scenarios', 'miami-2025.yaml');
const work = mkdtempSync(join(tmpdir(), 'shuttle-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeTemp(name: string, text: string): string {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
}

describe('validate', () => {
  it('accepts the harbour fixture and says what it holds', () => {
    const run = cli('validate', HARBOUR);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `${HARBOUR}: OK: "The harbour dispute (test scenario)": 2 parties, 3 packages, 5 issues, 4 meetings, 2 events\n` +
        '  frontier 8 points (7 deals); zone of agreement 19 of 108 texts (17.6%); Nash point North 7250, South 6950\n',
    );
    expect(run.status).toBe(0);
  });

  it('prints its own work time stage by stage with --timing, balance analysis included', () => {
    const run = cli('validate', '--timing', HARBOUR);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[2]).toMatch(
      new RegExp(
        `^${escapeRegExp(HARBOUR)}: validated in \\d+\\.\\d ms of its own work \\(read \\d+\\.\\d, YAML \\d+\\.\\d, schema and references \\d+\\.\\d, design checks \\d+\\.\\d, balance analysis \\d+\\.\\d; CPU \\d+\\.\\d ms\\)$`,
      ),
    );
    expect(run.status).toBe(0);
  });

  it('prints every error as file:line:col: message and exits 1', () => {
    const file = writeTemp('harbour-bad.yaml', harbourWithThreeMistakes());
    const run = cli('validate', file);
    expect(run.stderr.split('\n')).toEqual([
      `${file}:18:5: parties[0].motto: unknown key "motto"`,
      `${file}:153:23: initialText.quota: unknown option "q99" of issue "quota" (known: q70, q50, q30)`,
      `${file}:197:19: profiles.north.preferences.quota.weight: expected number, got string "high"`,
      `${file}: 3 errors`,
      '',
    ]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });

  it('prints balance warnings as file:line:col: warning: and still exits 0', () => {
    const text = harbourText().replace(
      'values: { long: 40, short: 100 }',
      'values: { long: 100, short: 40 }',
    );
    const file = writeTemp('harbour-dull.yaml', text);
    const run = cli('validate', file);
    expect(run.stderr).toBe(
      `${file}:58:13: warning: packages[0].issues[1].id: every party ranks the options of "season" in the same order: nothing to negotiate\n`,
    );
    expect(run.stdout).toMatch(/OK: .*, 1 warning\n {2}frontier .*; zone of agreement .*; Nash point .*\n$/);
    expect(run.status).toBe(0);
  });

  it('warns of a source dated after asOf where an option cites it, with file:line:col, and exits 0', () => {
    let text = harbourText();
    text = text.replace(
      '      date: 2024-01-15\n',
      '      date: 2024-01-15\n    - { id: late, publisher: Test, title: Later news, date: 2024-04-02 }\n',
    );
    text = text.replace(
      'status: Compromise,\n              sources: [town-records],',
      'status: Compromise,\n              sources: [late],',
    );
    const file = writeTemp('harbour-late.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('sources: [late]')) + 1;
    const col = (text.split('\n')[line - 1]?.indexOf('late') ?? 0) + 1;
    const run = cli('validate', file);
    expect(run.stderr).toBe(
      `${file}:${line}:${col}: warning: packages[0].issues[0].options[1].sources[0]: source "late" is dated 2024-04-02, after the scenario's asOf 2024-03-01: later facts enter only through scripted events and the epilogue\n`,
    );
    expect(run.stdout).toMatch(/OK: .*, 1 warning\n {2}frontier .*; zone of agreement .*; Nash point .*\n$/);
    expect(run.status).toBe(0);
  });

  it('validates JSON files with positions', () => {
    const value = parseDocument(harbourText()).toJS() as { epilogue: { sources: string[] } };
    value.epilogue.sources.push('nowhere');
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const file = writeTemp('harbour.json', text);
    const line = text.split('\n').findIndex((l) => l.includes('"nowhere"')) + 1;
    const run = cli('validate', file);
    expect(run.stderr).toMatch(
      new RegExp(`^${escapeRegExp(file)}:${line}:7: epilogue\\.sources\\[1\\]: dangling source id "nowhere"`),
    );
    expect(run.status).toBe(1);
  });

  it('exits 2 when a file cannot be read, and still checks the others', () => {
    const missing = join(work, 'no-such-file.yaml');
    const run = cli('validate', missing, HARBOUR);
    expect(run.stderr).toBe(`${missing}: cannot read the file (ENOENT)\n`);
    expect(run.stdout).toContain(`${HARBOUR}: OK`);
    expect(run.status).toBe(2);
  });

  it('exits 2 and reports a failure of the validator itself as a bug, naming the file; 1 stays for invalid files', () => {
    let err = '';
    const sink = {
      write: (s: string) => {
        err += s;
        return true;
      },
    };
    const io = { out: sink, err: sink } as unknown as Parameters<typeof validate>[1];
    const bad = writeTemp('harbour-bad-for-bug.yaml', harbourWithThreeMistakes());
    const failing = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    expect(validate([HARBOUR, bad], io, failing)).toBe(EXIT_INTERNAL);
    expect(err).toBe(
      `${HARBOUR}: internal error (a bug in Shuttle Diplomacy, not a mistake in the file; please report it with this file): RangeError: Maximum call stack size exceeded\n` +
        `${bad}: internal error (a bug in Shuttle Diplomacy, not a mistake in the file; please report it with this file): RangeError: Maximum call stack size exceeded\n`,
    );
    err = '';
    expect(validate([bad], io)).toBe(1);
    expect(err).not.toContain('internal error');
    expect(EXIT_INTERNAL).toBe(2);
  });

  it('escapes control characters in a file name and in messages', () => {
    const file = writeTemp('tram\u001b[31m.yaml', 'format: 1\nmeta: { title: "a\\e[2Jb" }\n');
    const run = cli('validate', file);
    expect(run.status).toBe(1);
    expect(run.stderr.includes(String.fromCharCode(27))).toBe(false);
    expect(run.stderr).toContain('tram\\u{1b}[31m.yaml:2:');
  });

  const miami = existsSync(MIAMI);
  it.skipIf(!miami)(
    'accepts the Miami scenario with no warning at all (skipped until assets/scenarios/miami-2025.yaml exists)',
    () => {
      const run = cli('validate', MIAMI);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/: OK: "The Miami round, December 2025": 3 parties, 5 packages, 21 issues/);
      expect(run.status).toBe(0);
    },
  );

  for (const [name, path, skip] of [
    ['the harbour fixture', HARBOUR, false],
    ['the Miami scenario (skipped until assets/scenarios/miami-2025.yaml exists)', MIAMI, !miami],
  ] as const) {
    it.skipIf(skip)(`reports three mistakes made in a copy of ${name}, each at its place`, () => {
      const { text, expected } = threeMistakes(readFileSync(path, 'utf8'));
      const file = writeTemp(`three-mistakes-${name.split(' ')[1]}.yaml`, text);
      const run = cli('validate', file);
      const errors = run.stderr.split('\n').filter((l) => /:\d+:\d+: /.test(l) && !l.includes(': warning: '));
      expect(errors.map((l) => l.replace(/^(.*?:\d+:\d+): ([^:]+):.*$/, '$1: $2')).sort()).toEqual(
        [
          `${file}:${expected.unknownKey}: unknownTopKey`,
          `${file}:${expected.option}: initialText.${expected.issue}`,
          `${file}:${expected.weight}: profiles.${expected.party}.preferences.${expected.weightIssue}.weight`,
        ].sort(),
      );
      expect(run.stderr).toContain(`${file}: 3 errors\n`);
      expect(run.status).toBe(1);
    });
  }
});

describe('schema', () => {
  it('writes the JSON Schema with the recursive Condition as a named definition', () => {
    const out = join(work, 'nested', 'scenario.schema.json');
    const run = cli('schema', '--out', out);
    expect(run.status).toBe(0);
    const schema = JSON.parse(readFileSync(out, 'utf8')) as {
      $schema: string;
      $defs: Record<string, unknown>;
      required: string[];
      properties: { calendar: { items: { required: string[] } } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs)).toEqual(['Condition']);
    expect(schema.required).toContain('profiles');
    // Defaults are optional in what a designer writes.
    expect(schema.properties.calendar.items.required).not.toContain('turns');
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Edits a valid scenario in three places without moving any line: an unknown top-level key appended at
 * the end, the opening text's first option renamed, and the first party's first weight written in words.
 */
function threeMistakes(original: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(original, { lineCounter });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${line}:${col}`;
  };
  const initial = doc.get('initialText', true);
  const profiles = doc.get('profiles', true);
  if (!isMap(initial) || !isMap(profiles)) throw new Error('the scenario has no initialText or profiles map');
  const firstText = initial.items[0];
  const firstProfile = profiles.items[0];
  if (!firstText || !isScalar(firstText.key) || !isScalar(firstText.value))
    throw new Error('empty initialText');
  if (!firstProfile || !isScalar(firstProfile.key) || !isMap(firstProfile.value))
    throw new Error('no profile');
  const prefs = firstProfile.value.get('preferences', true);
  const firstPref = isMap(prefs) ? prefs.items[0] : undefined;
  if (!firstPref || !isScalar(firstPref.key) || !isMap(firstPref.value)) throw new Error('no preferences');
  const weight = firstPref.value.get('weight', true);
  if (!isScalar(weight) || !weight.range) throw new Error('no weight');
  const option = firstText.value;
  if (!option.range) throw new Error('no option range');

  const edits: Array<[number, number, string]> = [
    [option.range[0], option.range[1], 'nope-option'],
    [weight.range[0], weight.range[1], 'high'],
  ].sort((a, b) => (b[0] as number) - (a[0] as number)) as Array<[number, number, string]>;
  let text = original;
  for (const [start, end, to] of edits) text = text.slice(0, start) + to + text.slice(end);
  if (!text.endsWith('\n')) text += '\n';
  const unknownKeyLine = text.split('\n').length; // the line the appended key lands on
  text += 'unknownTopKey: 1\n';
  return {
    text,
    expected: {
      unknownKey: `${unknownKeyLine}:1`,
      option: pos(option.range[0]),
      issue: String(firstText.key.value),
      weight: pos(weight.range[0]),
      party: String(firstProfile.key.value),
      weightIssue: String(firstPref.key.value),
    },
  };
}
