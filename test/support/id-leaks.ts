// Finds scenario ids (package, issue, option) in text meant for people, as whole tokens; shared by unit and
// browser tests. Words that are also ids ("security", "short") are fine inside a name or label the scenario
// itself gives people, so every such text is taken out first; what is left must hold no id.

import { shortStatus } from '../../src/engine/sources';
import type { Scenario } from '../../src/scenario/schema';

/** Every package, issue and option id of a scenario, options its events add included. */
export function scenarioIds(scenario: Scenario): string[] {
  const ids = new Set<string>();
  for (const p of scenario.packages) {
    ids.add(p.id);
    for (const i of p.issues) {
      ids.add(i.id);
      for (const o of i.options) ids.add(o.id);
    }
  }
  for (const ev of scenario.events)
    for (const eff of ev.effects) if (eff.type === 'addOption') ids.add(eff.option.id);
  return [...ids];
}

/** Every text the scenario writes for people: names, labels, descriptions, briefs, news, glossary. */
export function humanTexts(scenario: Scenario): string[] {
  const out: string[] = [scenario.meta.title, scenario.meta.summary, scenario.epilogue.text];
  for (const p of scenario.parties)
    out.push(p.name, p.shortName, p.publicProfile ?? '', ...p.delegation.map((d) => d.role));
  // An option's status is shown in full on demand and as its first clause on a badge.
  const option = (o: { label: string; description?: string; status: string }) =>
    out.push(o.label, o.description ?? '', o.status, shortStatus(o.status));
  for (const p of scenario.packages) {
    out.push(p.name, p.description);
    for (const i of p.issues) {
      out.push(i.name, i.description);
      for (const o of i.options) option(o);
    }
  }
  for (const ev of scenario.events) {
    out.push(ev.title, ev.text, ev.debrief ?? '');
    for (const eff of ev.effects) if (eff.type === 'addOption') option(eff.option);
  }
  for (const m of scenario.calendar) out.push(m.venue, ...Object.values(m.attendance ?? {}).flat());
  for (const profile of Object.values(scenario.profiles)) {
    out.push(profile.brief.summary, profile.brief.instructions, ...profile.brief.interests);
    for (const r of profile.redLines) out.push(r.description);
    for (const r of profile.ratification) out.push(r.body, r.description);
    // A seat reads its own reasons for its values beside each option's sources.
    for (const pref of Object.values(profile.preferences)) out.push(pref.rationale);
  }
  for (const [term, meaning] of Object.entries(scenario.glossary ?? {})) out.push(term, meaning);
  for (const source of scenario.meta.sources) out.push(source.publisher, source.title, source.note ?? '');
  for (const note of scenario.meta.teacherNotes ?? []) out.push(note.topic, note.text);
  // A screen may show a long text in paragraphs or sentences: each piece counts as the scenario's own words.
  const pieces = out.flatMap((t) => [t, ...t.split(/\n+/), ...t.split(/(?<=[.!?])\s+/)]);
  return [...new Set(pieces.map((t) => t.trim()))]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ids found in `text` as whole tokens (case-sensitive: ids are lower-case, names are not), once the
 * scenario's own texts for people are taken out. */
export function idLeaks(scenario: Scenario, text: string): string[] {
  let rest = text;
  for (const t of humanTexts(scenario)) rest = rest.split(t).join(' · ');
  const found: string[] = [];
  for (const id of scenarioIds(scenario)) {
    if (new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(id)}(?![A-Za-z0-9_-])`).test(rest)) found.push(id);
  }
  return found;
}
