// `cli init NAME` writes a starter scenario that validates with no warnings, plays, and points editors at the
// JSON Schema; it refuses a bad name and never overwrites a file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { aiSeats, playGame } from '../../src/ai/ai-game';
import { initScenario, schemaLine } from '../../src/cli/init';
import { loadScenario } from '../../src/scenario/load';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const work = mkdtempSync(join(tmpdir(), 'shuttle-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture() {
  let out = '';
  let err = '';
  return {
    io: { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } },
    text: () => ({ out, err }),
  };
}

describe('cli init', () => {
  it('writes a scenario that validates with no warnings, plays to a deal, and carries the schema line', () => {
    const project = join(work, 'project');
    mkdirSync(project);
    const c = capture();
    expect(initScenario('river-dispute', { cwd: project }, c.io)).toBe(0);
    const file = join(project, 'assets', 'scenarios', 'river-dispute.yaml');
    const text = readFileSync(file, 'utf8');
    // The project had no schema yet: init wrote it, and the first line points at it.
    expect(existsSync(join(project, 'assets', 'scenarios', 'scenario.schema.json'))).toBe(true);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    const loaded = loadScenario(text, file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.warnings).toEqual([]);
    expect(loaded.scenario.meta.id).toBe('river-dispute');
    const state = playGame(loaded.scenario, 1, aiSeats(loaded.scenario, 'medium'));
    expect(state.outcome?.kind).toBe('deal');
    expect(c.text().out).toContain('npm run --silent cli -- validate assets/scenarios/river-dispute.yaml');
  });

  it('points the schema line at the schema from wherever the file is written', () => {
    expect(schemaLine('/p/docs/drafts/x.yaml', '/p/assets/scenarios/scenario.schema.json')).toBe(
      '# yaml-language-server: $schema=../../assets/scenarios/scenario.schema.json',
    );
  });

  it('refuses a name that is not an id and a file that exists, writing nothing', () => {
    const project = join(work, 'second');
    mkdirSync(join(project, 'assets', 'scenarios'), { recursive: true });
    const existing = join(project, 'assets', 'scenarios', 'taken.yaml');
    writeFileSync(existing, 'kept: true\n');
    const c = capture();
    expect(initScenario('Bad Name', { cwd: project }, c.io)).toBe(1);
    expect(c.text().err).toMatch(/"Bad Name" is not a scenario id/);
    expect(initScenario('taken', { cwd: project }, c.io)).toBe(1);
    expect(c.text().err).toMatch(/taken\.yaml already exists; nothing written/);
    expect(readFileSync(existing, 'utf8')).toBe('kept: true\n');
  });

  it('runs from the command line', () => {
    const out = join(work, 'cli-made.yaml');
    const run = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), 'init', 'cli-made', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('id: cli-made');
    const validate = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), 'validate', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(validate.status).toBe(0);
    expect(validate.stderr).toBe('');
  }, 120_000);
});
