// Build step (a Vite plugin): each bundled scenario file imported with `?scenario` becomes a module exporting what
// the browser would have made of it, worked out once here instead of on every page load: the validated scenario as
// JSON, or the file's diagnostics. Parsing and validating the default scenario's YAML took 0.3 to 0.7 s of the
// first screen on a school laptop; the page now reads plain JSON, and the YAML parser leaves its first-screen code.
// A scenario's texts in other languages are modules of their own (`?scenario-lang=uk`), loaded only when a player
// picks that language: each one would add about as much to the first screen as the scenario itself.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { figuresLine } from '../src/cli/figures-line.ts';
import { formatDiagnostic, loadScenario } from '../src/scenario/load.ts';

export const SCENARIO_QUERY = '?scenario';
export const SCENARIO_LANG_QUERY = '?scenario-lang=';

/** What a `?scenario` module exports (src/ui/scenario-catalogue.ts reads it): the scenario with its balance warnings
 * and figures as `cli validate` prints them; a scenario with translations also gets, under `translations`, a
 * loader for each of its languages (the scenario itself then holds none). */
export type BuiltScenario =
  | { ok: true; scenario: unknown; warnings: string[]; figures: string }
  | { ok: false; errors: string[] };

/** The module for one scenario file: the loader's own result, so the browser shows the same errors as before. */
export function scenarioModule(text: string, file: string): BuiltScenario {
  try {
    const result = loadScenario(text, file);
    // Balance warnings and figures as `cli validate` prints them, for the scenario list's designers' note.
    if (result.ok)
      return {
        ok: true,
        scenario: result.scenario,
        warnings: result.warnings.map((d) => formatDiagnostic(d, 'warning')),
        figures: result.figures ? figuresLine(result.scenario, result.figures) : '',
      };
    return { ok: false, errors: result.errors.map((d) => formatDiagnostic(d)) };
  } catch (error) {
    return { ok: false, errors: [`${file}: ${String(error)}`] };
  }
}

/** A built scenario without its translations, and the translations by language. */
export function splitTranslations(built: BuiltScenario): {
  base: BuiltScenario;
  translations: Record<string, unknown>;
} {
  if (!built.ok) return { base: built, translations: {} };
  const { translations, ...scenario } = built.scenario as { translations?: Record<string, unknown> };
  return { base: { ...built, scenario }, translations: translations ?? {} };
}

const LANG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** JSON.parse of a string literal: quicker for the browser to read than the same object as code. */
const jsonModule = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

export function scenarioModules(root: string = process.cwd()): Plugin {
  const fileOf = (path: string) =>
    path.startsWith(root) ? path.slice(root.length).replace(/^\//, '') : path;
  // A file is validated once for its module and its language modules together (until its text changes).
  const cache = new Map<string, { text: string; built: BuiltScenario }>();
  const build = async (path: string) => {
    const text = await readFile(path, 'utf8');
    const hit = cache.get(path);
    if (hit?.text === text) return hit.built;
    const built = scenarioModule(text, fileOf(path));
    cache.set(path, { text, built });
    return built;
  };
  return {
    name: 'shuttle-scenario-modules',
    enforce: 'pre',
    resolveId(source) {
      // A language module is named by the scenario file's own absolute path (see below).
      return source.includes(SCENARIO_LANG_QUERY) && source.startsWith(root) ? source : null;
    },
    async load(id) {
      const at = id.lastIndexOf(SCENARIO_LANG_QUERY);
      if (at >= 0) {
        const path = id.slice(0, at);
        const lang = id.slice(at + SCENARIO_LANG_QUERY.length);
        if (!LANG.test(lang)) return null;
        this.addWatchFile(path);
        const { translations } = splitTranslations(await build(path));
        return `export default ${jsonModule(Object.hasOwn(translations, lang) ? translations[lang] : null)};`;
      }
      if (!id.endsWith(SCENARIO_QUERY)) return null;
      const path = id.slice(0, -SCENARIO_QUERY.length);
      this.addWatchFile(path);
      const { base, translations } = splitTranslations(await build(path));
      const langs = Object.keys(translations).filter((l) => LANG.test(l));
      if (langs.length === 0) return `export default ${jsonModule(base)};`;
      const loaders = langs
        .map(
          (l) =>
            `${JSON.stringify(l)}: () => import(${JSON.stringify(`${path}${SCENARIO_LANG_QUERY}${l}`)}).then((m) => m.default)`,
        )
        .join(',\n  ');
      return `const built = ${jsonModule(base)};\nbuilt.translations = {\n  ${loaders}\n};\nexport default built;`;
    },
  };
}
