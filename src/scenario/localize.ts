// A scenario in one of its languages: the display texts its `translations` give for that language replace the
// default ones; anything not translated stays in the default language. Ids, numbers and conditions never change.
import type { Scenario, Translation } from './schema';

/** Localised copy → the scenario it was made from (a game log names the scenario as written, in any language). */
const sources = new WeakMap<Scenario, Scenario>();

/** The scenario as written, for a copy `localizeScenario` made; the scenario itself otherwise. */
export function sourceOf(scenario: Scenario): Scenario {
  return sources.get(scenario) ?? scenario;
}

/** The languages a scenario has texts for besides its own. */
export function scenarioLanguages(scenario: Scenario): string[] {
  return Object.keys(scenario.translations ?? {});
}

/** The translation for `lang` (`uk`, or `pt-BR` falling back to `pt`), if the scenario has one. */
export function translationFor(scenario: Scenario, lang: string): Translation | undefined {
  const all = scenario.translations;
  if (!all) return undefined;
  if (Object.hasOwn(all, lang)) return all[lang];
  const base = lang.split('-')[0] ?? lang;
  return Object.hasOwn(all, base) ? all[base] : undefined;
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The scenario with its texts in `lang` where it gives them; the same object when it has none for `lang`. */
export function localizeScenario(scenario: Scenario, lang: string): Scenario {
  const source = sourceOf(scenario);
  const tr = translationFor(source, lang);
  if (!tr) return source;
  const out: Scenario = {
    ...source,
    meta: {
      ...source.meta,
      title: tr.meta?.title ?? source.meta.title,
      summary: tr.meta?.summary ?? source.meta.summary,
      contentNote: tr.meta?.contentNote ?? source.meta.contentNote,
    },
    parties: source.parties.map((p) => {
      const t = own(tr.parties, p.id);
      if (!t) return p;
      return {
        ...p,
        name: t.name ?? p.name,
        shortName: t.shortName ?? p.shortName,
        publicProfile: t.publicProfile ?? p.publicProfile,
        delegation: p.delegation.map((m, i) => ({ ...m, role: t.roles?.[i] ?? m.role })),
      };
    }),
    packages: source.packages.map((pkg) => {
      const t = own(tr.packages, pkg.id);
      return {
        ...pkg,
        name: t?.name ?? pkg.name,
        description: t?.description ?? pkg.description,
        issues: pkg.issues.map((issue) => {
          const ti = own(tr.issues, issue.id);
          if (!ti) return issue;
          return {
            ...issue,
            name: ti.name ?? issue.name,
            description: ti.description ?? issue.description,
            options: issue.options.map((o) => {
              const to = own(ti.options, o.id);
              if (!to) return o;
              return {
                ...o,
                label: to.label ?? o.label,
                description: to.description ?? o.description,
                status: to.status ?? o.status,
              };
            }),
          };
        }),
      };
    }),
    calendar: source.calendar.map((m) => {
      const t = own(tr.calendar, m.id);
      if (!t) return m;
      return { ...m, venue: t.venue ?? m.venue, ...(t.note ? { note: t.note } : {}) };
    }),
    events: source.events.map((e) => {
      const t = own(tr.events, e.id);
      // Options an event adds take their words from the issue's translation too.
      const effects = e.effects.map((eff) => {
        if (eff.type !== 'addOption') return eff;
        const to = own(own(tr.issues, eff.issue)?.options, eff.option.id);
        if (!to) return eff;
        return {
          ...eff,
          option: {
            ...eff.option,
            label: to.label ?? eff.option.label,
            description: to.description ?? eff.option.description,
            status: to.status ?? eff.option.status,
          },
        };
      });
      return {
        ...e,
        title: t?.title ?? e.title,
        text: t?.text ?? e.text,
        ...(t?.debrief ? { debrief: t.debrief } : {}),
        effects,
      };
    }),
    profiles: Object.fromEntries(
      Object.entries(source.profiles).map(([party, profile]) => {
        const t = own(tr.briefs, party);
        if (!t) return [party, profile];
        return [
          party,
          {
            ...profile,
            brief: {
              summary: t.summary ?? profile.brief.summary,
              interests: t.interests ?? profile.brief.interests,
              instructions: t.instructions ?? profile.brief.instructions,
            },
            redLines: profile.redLines.map((r) => ({
              ...r,
              description: own(t.redLines, r.id) ?? r.description,
            })),
            ratification: profile.ratification.map((c) => {
              const tc = own(t.ratification, c.id);
              return tc ? { ...c, body: tc.body ?? c.body, description: tc.description ?? c.description } : c;
            }),
          },
        ];
      }),
    ),
    epilogue: { ...source.epilogue, text: tr.epilogue ?? source.epilogue.text },
    ...(tr.glossary || source.glossary
      ? { glossary: { ...(source.glossary ?? {}), ...(tr.glossary ?? {}) } }
      : {}),
  };
  sources.set(out, source);
  return out;
}
