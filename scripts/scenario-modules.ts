// Build step (a Vite plugin): each bundled scenario file imported with `?scenario` becomes a module exporting what
// the browser would have made of it, worked out once here instead of on every page load: the validated scenario as
// JSON, or the file's diagnostics. Parsing and validating the default scenario's YAML took 0.3 to 0.7 s of the
// first screen on a school laptop; the page now reads plain JSON, and the YAML parser leaves its first-screen code.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { formatDiagnostic, loadScenario } from '../src/scenario/load.ts';

export const SCENARIO_QUERY = '?scenario';

/** What a `?scenario` module exports (src/ui/scenario-catalogue.ts reads it). */
export type BuiltScenario = { ok: true; scenario: unknown } | { ok: false; errors: string[] };

/** The module for one scenario file: the loader's own result, so the browser shows the same errors as before. */
export function scenarioModule(text: string, file: string): BuiltScenario {
  try {
    const result = loadScenario(text, file);
    if (result.ok) return { ok: true, scenario: result.scenario };
    return { ok: false, errors: result.errors.map((d) => formatDiagnostic(d)) };
  } catch (error) {
    return { ok: false, errors: [`${file}: ${String(error)}`] };
  }
}

export function scenarioModules(root: string = process.cwd()): Plugin {
  return {
    name: 'shuttle-scenario-modules',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(SCENARIO_QUERY)) return null;
      const path = id.slice(0, -SCENARIO_QUERY.length);
      this.addWatchFile(path);
      const file = path.startsWith(root) ? path.slice(root.length).replace(/^\//, '') : path;
      const built = scenarioModule(await readFile(path, 'utf8'), file);
      // JSON.parse of a string literal: quicker for the browser to read than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(built))});`;
    },
  };
}
