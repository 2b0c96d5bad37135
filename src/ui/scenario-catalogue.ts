// The scenarios bundled with the game (assets/scenarios), loaded as raw text and validated in the browser.
import { formatDiagnostic, loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

type Loaders = Record<string, () => Promise<string>>;

const bundled = import.meta.glob(['/assets/scenarios/*.{yaml,yml,json}', '!**/*.schema.json'], {
  query: '?raw',
  import: 'default',
}) as Loaders;
// The small test scenario; offered in test mode, or when no scenario is bundled at all.
const fixtures = import.meta.glob('/test/fixtures/*.yaml', { query: '?raw', import: 'default' }) as Loaders;

/** The scenario a new player sees selected first. */
export const DEFAULT_SCENARIO_ID = 'miami-2025';

export type CatalogueEntry =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; errors: string[] };

async function loadAll(loaders: Loaders): Promise<CatalogueEntry[]> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([path, load]): Promise<CatalogueEntry> => {
      const file = path.replace(/^\//, '');
      try {
        const result = loadScenario(await load(), file);
        if (result.ok) return { ok: true, file, scenario: result.scenario };
        return { ok: false, file, errors: result.errors.map((d) => formatDiagnostic(d)) };
      } catch (error) {
        return { ok: false, file, errors: [`${file}: ${String(error)}`] };
      }
    }),
  );
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}

/** Every bundled scenario, the default first; broken files are listed with their errors. */
export async function loadCatalogue(options: { includeTestScenarios: boolean }): Promise<CatalogueEntry[]> {
  const main = await loadAll(bundled);
  const extra = options.includeTestScenarios || main.length === 0 ? await loadAll(fixtures) : [];
  const all = [...main, ...extra];
  const isDefault = (e: CatalogueEntry) => e.ok && e.scenario.meta.id === DEFAULT_SCENARIO_ID;
  return [...all.filter(isDefault), ...all.filter((e) => !isDefault(e))];
}

export function findScenario(catalogue: CatalogueEntry[], id: string): Scenario | undefined {
  for (const e of catalogue) if (e.ok && e.scenario.meta.id === id) return e.scenario;
  return undefined;
}
