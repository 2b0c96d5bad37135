// The scenarios a class can play: the bundled files (assets/scenarios), and the test fixtures when asked for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

export interface ScenarioShelf {
  scenarios: Map<string, Scenario>;
  /** One line per file that did not load. */
  errors: string[];
}

/** Loads every .yaml/.yml/.json scenario in `dirs` (JSON Schema files left out); later ids never replace earlier. */
export function loadScenarioShelf(dirs: string[]): ScenarioShelf {
  const scenarios = new Map<string, Scenario>();
  const errors: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(ya?ml|json)$/.test(name) || name.endsWith('.schema.json')) continue;
      const file = join(dir, name);
      try {
        const r = loadScenario(readFileSync(file, 'utf8'), name);
        if (!r.ok) {
          errors.push(r.errors.map((d) => formatDiagnostic(d)).join('; '));
          continue;
        }
        if (!scenarios.has(r.scenario.meta.id)) scenarios.set(r.scenario.meta.id, r.scenario);
      } catch (error) {
        errors.push(`${name}: ${(error as Error).message}`);
      }
    }
  }
  return { scenarios, errors };
}
