// Scenarios are validated at build time (scripts/scenario-modules.ts): the page gets exactly what the loader makes
// of each file, the scenario or its located errors, as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_LANG_QUERY,
  SCENARIO_QUERY,
  scenarioModule,
  scenarioModules,
} from '../../scripts/scenario-modules';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = 'test/fixtures/harbour-two-party.yaml';

describe('scenarios built into modules', () => {
  it('gives a valid scenario as the loader validated it, unchanged through JSON', () => {
    const text = readFileSync(join(ROOT, FIXTURE), 'utf8');
    const built = scenarioModule(text, FIXTURE);
    const loaded = loadScenario(text, FIXTURE);
    expect(built.ok && loaded.ok).toBe(true);
    if (!built.ok || !loaded.ok) return;
    expect(JSON.parse(JSON.stringify(built.scenario))).toEqual(loaded.scenario);
    // The balance warnings and figures, as `cli validate` prints them, for the scenario list.
    expect(built.warnings).toEqual(loaded.warnings.map((d) => formatDiagnostic(d, 'warning')));
    expect(built.figures).toMatch(/^frontier \d+ points? \(\d+ deals?\); .*Nash point/);
  });

  it('gives a broken file its located errors, the same the loader reports', () => {
    const dir = join(ROOT, 'test/fixtures/broken');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const file = `test/fixtures/broken/${f}`;
      const text = readFileSync(join(dir, f), 'utf8');
      const built = scenarioModule(text, file);
      const loaded = loadScenario(text, file);
      expect(built.ok, file).toBe(loaded.ok);
      if (!built.ok && !loaded.ok) {
        expect(built.errors).toEqual(loaded.errors.map((d) => formatDiagnostic(d)));
        expect(built.errors[0]).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+`));
      }
    }
  });

  it('answers only `?scenario` ids, with a module whose default export is the built result', async () => {
    const plugin = scenarioModules(ROOT);
    const load = plugin.load as (this: unknown, id: string) => Promise<string | null>;
    const context = { addWatchFile: () => {} };
    expect(await load.call(context, join(ROOT, FIXTURE))).toBeNull();
    const code = await load.call(context, join(ROOT, FIXTURE) + SCENARIO_QUERY);
    expect(code).toMatch(/^export default JSON\.parse\(/);
    const json = JSON.parse(
      JSON.parse((code ?? '').replace(/^export default JSON\.parse\(/, '').replace(/\);$/, '')),
    );
    expect(json).toEqual(
      JSON.parse(JSON.stringify(scenarioModule(readFileSync(join(ROOT, FIXTURE), 'utf8'), FIXTURE))),
    );
  });

  it('leaves the other languages out of a scenario module: each loads as a module of its own when picked', async () => {
    const file = 'test/fixtures/harbour-translated.yaml';
    const plugin = scenarioModules(ROOT);
    const load = plugin.load as (this: unknown, id: string) => Promise<string | null>;
    const resolve = plugin.resolveId as (source: string) => string | null;
    const context = { addWatchFile: () => {} };
    const full = scenarioModule(readFileSync(join(ROOT, file), 'utf8'), file);
    if (!full.ok) throw new Error('the fixture does not load');
    const { translations, ...scenario } = full.scenario as { translations: Record<string, unknown> };
    const code = (await load.call(context, join(ROOT, file) + SCENARIO_QUERY)) ?? '';
    // The scenario itself, without its translations, then a loader per language naming its own module.
    const literal = /^const built = JSON\.parse\((".*")\);$/m.exec(code)?.[1] ?? '""';
    expect(JSON.parse(JSON.parse(literal))).toEqual({
      ok: true,
      scenario: JSON.parse(JSON.stringify(scenario)),
      warnings: full.warnings,
      figures: full.figures,
    });
    const ids = [...code.matchAll(/import\(("[^"]+")\)/g)].map((m) => JSON.parse(m[1] ?? '""') as string);
    expect(ids).toEqual(['uk', 'ru'].map((l) => `${join(ROOT, file)}${SCENARIO_LANG_QUERY}${l}`));
    for (const [i, lang] of ['uk', 'ru'].entries()) {
      const id = ids[i] ?? '';
      expect(resolve(id)).toBe(id);
      const module = (await load.call(context, id)) ?? '';
      const json = JSON.parse(
        JSON.parse(module.replace(/^export default JSON\.parse\(/, '').replace(/\);$/, '')),
      );
      expect(json).toEqual(JSON.parse(JSON.stringify(translations[lang])));
    }
    // Not a language code: not this plugin's module.
    expect(await load.call(context, `${join(ROOT, file)}${SCENARIO_LANG_QUERY}../x`)).toBeNull();
  });
});
