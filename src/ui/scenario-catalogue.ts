// The scenarios bundled with the game (assets/scenarios), validated when the game is built (scripts/scenario-modules.ts
// turns each file into its loader's result: the scenario, or the file's errors), so the page parses no YAML.
import { translationFor } from '../scenario/localize';
import type { Scenario, Translation } from '../scenario/schema';
import type { ScenarioUpdate } from './scenario-hot-event';

/** Language code → its texts, loaded when a player picks that language (each is a chunk of its own). */
type TranslationLoaders = Record<string, () => Promise<Translation | null>>;

/** What each `?scenario` module holds: the scenario as the loader validated it (its translations apart, to load
 * when wanted) with its balance warnings and figures, or the file's diagnostics. */
type Built =
  | { ok: true; scenario: Scenario; warnings: string[]; figures: string; translations?: TranslationLoaders }
  | { ok: false; errors: string[] };
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
  /** `warnings` and `figures`: the balance checks of `cli validate`, for designers. */
  | {
      ok: true;
      file: string;
      scenario: Scenario;
      warnings: string[];
      figures: string;
      translations?: TranslationLoaders;
    }
  | { ok: false; file: string; errors: string[] };

async function loadAll(loaders: Loaders): Promise<CatalogueEntry[]> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([path, load]): Promise<CatalogueEntry> => {
      const file = path.replace(/^\//, '');
      try {
        const built = await load();
        if (!built.ok) return { ok: false, file, errors: built.errors };
        const balance = { warnings: built.warnings ?? [], figures: built.figures ?? '' };
        return built.translations
          ? { ok: true, file, scenario: built.scenario, ...balance, translations: built.translations }
          : { ok: true, file, scenario: built.scenario, ...balance };
      } catch (error) {
        return { ok: false, file, errors: [`${file}: ${String(error)}`] };
      }
    }),
  );
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}

/** Every bundled scenario, the default first, with its texts in `lang` where it has them; broken files are
 * listed with their errors. */
export async function loadCatalogue(options: {
  includeTestScenarios: boolean;
  lang?: string;
}): Promise<CatalogueEntry[]> {
  const main = await loadAll(bundled);
  const extra = options.includeTestScenarios || main.length === 0 ? await loadAll(fixtures) : [];
  const all = [...main, ...extra];
  const isDefault = (e: CatalogueEntry) => e.ok && e.scenario.meta.id === DEFAULT_SCENARIO_ID;
  const catalogue = [...all.filter(isDefault), ...all.filter((e) => !isDefault(e))];
  if (options.lang) await loadTranslations(catalogue, options.lang);
  return catalogue;
}

/** Loads each scenario's texts in `lang` (`pt-BR` falling back to `pt`) into its `translations`, once; a scenario
 * that has none stays as it is, and one whose texts fail to load shows in its own language. */
export async function loadTranslations(catalogue: CatalogueEntry[], lang: string): Promise<void> {
  await Promise.all(
    catalogue.map(async (e) => {
      if (!e.ok || !e.translations || translationFor(e.scenario, lang)) return;
      const base = lang.split('-')[0] ?? lang;
      const code = Object.hasOwn(e.translations, lang)
        ? lang
        : Object.hasOwn(e.translations, base)
          ? base
          : null;
      const load = code ? e.translations[code] : undefined;
      if (!code || !load) return;
      try {
        const texts = await load();
        if (texts) e.scenario.translations = { ...e.scenario.translations, [code]: texts };
      } catch {
        // Offline before this language's texts were ever fetched: the scenario's own words stand in.
      }
    }),
  );
}

/** A scenario file saved during `npm run dev`: its entry takes the new version (a new file joins the list). */
export function applySaved(catalogue: CatalogueEntry[], update: ScenarioUpdate): CatalogueEntry {
  const b = update.built;
  const entry: CatalogueEntry = b.ok
    ? {
        ok: true,
        file: update.file,
        scenario: b.scenario as Scenario,
        warnings: b.warnings,
        figures: b.figures,
      }
    : { ok: false, file: update.file, errors: b.errors };
  const at = catalogue.findIndex((e) => e.file === update.file);
  if (at >= 0) catalogue[at] = entry;
  else catalogue.push(entry);
  return entry;
}

export function findScenario(catalogue: CatalogueEntry[], id: string): Scenario | undefined {
  for (const e of catalogue) if (e.ok && e.scenario.meta.id === id) return e.scenario;
  return undefined;
}
