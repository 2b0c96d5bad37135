// The scenarios bundled with the game (assets/scenarios), validated when the game is built (scripts/scenario-modules.ts
// turns each file into its loader's result: the scenario, or the file's errors), so the page parses no YAML.
import type { Scenario } from '../scenario/schema';

/** What each `?scenario` module holds: the scenario as the loader validated it, or the file's diagnostics. */
type Built = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };
type Loaders = Record<string, () => Promise<Built>>;

const bundled = import.meta.glob(['/assets/scenarios/*.{yaml,yml,json}', '!**/*.schema.json'], {
  query: '?scenario',
  import: 'default',
}) as Loaders;
// The small test scenario; offered in test mode, or when no scenario is bundled at all.
const fixtures = import.meta.glob('/test/fixtures/*.yaml', {
  query: '?scenario',
  import: 'default',
}) as Loaders;

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
        const built = await load();
        return built.ok
          ? { ok: true, file, scenario: built.scenario }
          : { ok: false, file, errors: built.errors };
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
