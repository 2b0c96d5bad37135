// A scenario in one of its languages: the display texts its `translations` give for that language replace the
// default ones; anything not translated stays in the default language. Ids, numbers and conditions never change.
import type { Party, Scenario, Translation } from './schema';

/** Localised copy → the scenario it was made from (a game log names the scenario as written, in any language). */
const sources = new WeakMap<Scenario, Scenario>();

/** The scenario as written, for a copy `localizeScenario` made; the scenario itself otherwise. */
export function sourceOf(scenario: Scenario): Scenario {
  return sources.get(scenario) ?? scenario;
}

/** A scenario's names and labels only (in the language it is given in): enough for a page that has no scenario (a
 * teacher's) to put the AI's structured sentences into words. */
export interface ScenarioNames {
  parties: Array<Pick<Party, 'id' | 'name' | 'shortName' | 'agreement'>>;
  packages: Array<{
    id: string;
    name: string;
    issues: Array<{ id: string; name: string; options: Array<{ id: string; label: string }> }>;
  }>;
  /** The options events may add. */
  events: Array<{
    effects: Array<{ type: 'addOption'; issue: string; option: { id: string; label: string } }>;
  }>;
}

export function scenarioNames(s: Scenario): ScenarioNames {
  return {
    parties: s.parties.map((p) => ({
      id: p.id,
      name: p.name,
      shortName: p.shortName,
      ...(p.agreement ? { agreement: p.agreement } : {}),
    })),
    packages: s.packages.map((p) => ({
      id: p.id,
      name: p.name,
      issues: p.issues.map((i) => ({
        id: i.id,
        name: i.name,
        options: i.options.map((o) => ({ id: o.id, label: o.label })),
      })),
    })),
    events: s.events
      .map((e) => ({
        effects: e.effects.flatMap((eff) =>
          eff.type === 'addOption'
            ? [
                {
                  type: 'addOption' as const,
                  issue: eff.issue,
                  option: { id: eff.option.id, label: eff.option.label },
                },
              ]
            : [],
        ),
      }))
      .filter((e) => e.effects.length > 0),
  };
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
      // A source keeps its publisher and title as published; only the note, the scenario's own words, changes.
      sources: source.meta.sources.map((src) => {
        const note = own(tr.sourceNotes, src.id);
        return note && src.note ? { ...src, note } : src;
      }),
      ...(source.meta.teacherNotes
        ? {
            teacherNotes: source.meta.teacherNotes.map((n, i) => {
              const t = tr.meta?.teacherNotes?.[i];
              return t ? { ...n, topic: t.topic ?? n.topic, text: t.text ?? n.text } : n;
            }),
          }
        : {}),
    },
    parties: source.parties.map((p) => {
      const t = own(tr.parties, p.id);
      if (!t) return p;
      return {
        ...p,
        name: t.name ?? p.name,
        shortName: t.shortName ?? p.shortName,
        // A name said in another language agrees its own way: the default language's agreement goes with its name.
        ...(t.agreement ? { agreement: t.agreement } : t.name && p.agreement ? { agreement: undefined } : {}),
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
      const attendance = m.attendance
        ? Object.fromEntries(
            Object.entries(m.attendance).map(([party, roles]) => {
              const tr = own(t.attendance, party);
              return [party, roles.map((r, i) => tr?.[i] ?? r)];
            }),
          )
        : undefined;
      return {
        ...m,
        venue: t.venue ?? m.venue,
        ...(t.note ? { note: t.note } : {}),
        ...(attendance ? { attendance } : {}),
      };
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
            preferences: Object.fromEntries(
              Object.entries(profile.preferences).map(([issue, pref]) => {
                const rationale = own(t.rationales, issue);
                return [issue, rationale ? { ...pref, rationale } : pref];
              }),
            ),
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
    // A glossary's terms are its keys, so a translated glossary is the whole glossary in that language.
    ...(tr.glossary || source.glossary ? { glossary: tr.glossary ?? source.glossary } : {}),
  };
  sources.set(out, source);
  return out;
}

/** Every display text of a scenario that its translation for `lang` leaves in the default language, as paths into
 * the translation (`issues.nato.options.nato-open.label`): a designer's to-do list, and how a test holds a
 * translation the game ships to being complete. Empty when the translation gives every text. */
export function untranslated(scenario: Scenario, lang: string): string[] {
  const source = sourceOf(scenario);
  const tr: Translation = translationFor(source, lang) ?? {};
  const out: string[] = [];
  const need = (given: unknown, path: string) => {
    if (given === undefined) out.push(path);
  };
  need(tr.meta?.title, 'meta.title');
  need(tr.meta?.summary, 'meta.summary');
  if (source.meta.contentNote) need(tr.meta?.contentNote, 'meta.contentNote');
  (source.meta.teacherNotes ?? []).forEach((_, i) => {
    need(tr.meta?.teacherNotes?.[i]?.topic, `meta.teacherNotes.${i}.topic`);
    need(tr.meta?.teacherNotes?.[i]?.text, `meta.teacherNotes.${i}.text`);
  });
  for (const src of source.meta.sources)
    if (src.note) need(own(tr.sourceNotes, src.id), `sourceNotes.${src.id}`);
  for (const p of source.parties) {
    const t = own(tr.parties, p.id);
    need(t?.name, `parties.${p.id}.name`);
    need(t?.shortName, `parties.${p.id}.shortName`);
    if (p.publicProfile) need(t?.publicProfile, `parties.${p.id}.publicProfile`);
    p.delegation.forEach((_, i) => {
      need(t?.roles?.[i], `parties.${p.id}.roles.${i}`);
    });
  }
  const option = (issue: string, o: { id: string; description?: string | undefined }) => {
    const t = own(own(tr.issues, issue)?.options, o.id);
    const at = `issues.${issue}.options.${o.id}`;
    need(t?.label, `${at}.label`);
    if (o.description) need(t?.description, `${at}.description`);
    need(t?.status, `${at}.status`);
  };
  for (const pkg of source.packages) {
    const t = own(tr.packages, pkg.id);
    need(t?.name, `packages.${pkg.id}.name`);
    need(t?.description, `packages.${pkg.id}.description`);
    for (const issue of pkg.issues) {
      const ti = own(tr.issues, issue.id);
      need(ti?.name, `issues.${issue.id}.name`);
      need(ti?.description, `issues.${issue.id}.description`);
      for (const o of issue.options) option(issue.id, o);
    }
  }
  for (const m of source.calendar) {
    const t = own(tr.calendar, m.id);
    need(t?.venue, `calendar.${m.id}.venue`);
    if (m.note) need(t?.note, `calendar.${m.id}.note`);
    for (const [party, roles] of Object.entries(m.attendance ?? {}))
      roles.forEach((_, i) => {
        need(own(t?.attendance, party)?.[i], `calendar.${m.id}.attendance.${party}.${i}`);
      });
  }
  for (const e of source.events) {
    const t = own(tr.events, e.id);
    need(t?.title, `events.${e.id}.title`);
    need(t?.text, `events.${e.id}.text`);
    if (e.debrief) need(t?.debrief, `events.${e.id}.debrief`);
    for (const eff of e.effects) if (eff.type === 'addOption') option(eff.issue, eff.option);
  }
  for (const [party, profile] of Object.entries(source.profiles)) {
    const t = own(tr.briefs, party);
    const at = `briefs.${party}`;
    need(t?.summary, `${at}.summary`);
    if (t?.interests?.length !== profile.brief.interests.length) out.push(`${at}.interests`);
    need(t?.instructions, `${at}.instructions`);
    for (const r of profile.redLines) need(own(t?.redLines, r.id), `${at}.redLines.${r.id}`);
    for (const c of profile.ratification) {
      const tc = own(t?.ratification, c.id);
      need(tc?.body, `${at}.ratification.${c.id}.body`);
      need(tc?.description, `${at}.ratification.${c.id}.description`);
    }
    for (const issue of Object.keys(profile.preferences))
      need(own(t?.rationales, issue), `${at}.rationales.${issue}`);
  }
  need(tr.epilogue, 'epilogue');
  if (source.glossary && Object.keys(source.glossary).length > 0) {
    const given = Object.keys(tr.glossary ?? {}).length;
    if (given < Object.keys(source.glossary).length) out.push('glossary');
  }
  return out;
}
