// Time discipline: what the game presents as known on its opening day (`meta.asOf`) must rest on sources dated
// on or before that day. Later facts enter only through scripted events and the epilogue (and teacher notes,
// which students never see), so a later source cited anywhere else is a warning.
import type { Finding } from './reference-checks';
import type { Scenario } from './schema';

type Path = Array<string | number>;

/** One warning per citing place and late source: at the citing entry of its `sources` list, or, for the opening
 * text, at the `initialText` entry whose option cites it. */
export function afterAsOfWarnings(scenario: Scenario): Finding[] {
  const asOf = scenario.meta.asOf;
  const late = new Map<string, string>();
  for (const s of scenario.meta.sources) if (s.date > asOf) late.set(s.id, s.date);
  const out: Finding[] = [];
  if (late.size === 0) return out;
  const why = (id: string): string =>
    `source ${JSON.stringify(id)} is dated ${late.get(id)}, after the scenario's asOf ${asOf}: later facts enter only through scripted events and the epilogue`;
  const cites = (sources: readonly string[], path: Path): void => {
    sources.forEach((id, k) => {
      if (late.has(id)) out.push({ path: [...path, 'sources', k], message: why(id) });
    });
  };

  const optionSources = new Map<string, readonly string[]>(); // `${issue} ${option}` → its sources
  scenario.packages.forEach((pkg, p) => {
    pkg.issues.forEach((issue, i) => {
      issue.options.forEach((option, o) => {
        optionSources.set(`${issue.id} ${option.id}`, option.sources);
        cites(option.sources, ['packages', p, 'issues', i, 'options', o]);
      });
    });
  });

  for (const [issue, option] of Object.entries(scenario.initialText)) {
    for (const id of optionSources.get(`${issue} ${option}`) ?? []) {
      if (!late.has(id)) continue;
      out.push({
        path: ['initialText', issue],
        message: `the opening option ${JSON.stringify(option)} cites a late source: ${why(id)}`,
      });
    }
  }

  for (const party of scenario.parties) {
    const profile = scenario.profiles[party.id];
    if (!profile) continue;
    const base: Path = ['profiles', party.id];
    for (const [issue, pref] of Object.entries(profile.preferences))
      cites(pref.sources, [...base, 'preferences', issue]);
    cites(profile.reservation.sources, [...base, 'reservation']);
    profile.redLines.forEach((r, n) => {
      cites(r.sources, [...base, 'redLines', n]);
    });
    for (const [pkg, m] of Object.entries(profile.mandate)) cites(m.sources, [...base, 'mandate', pkg]);
    cites(profile.consultation.sources, [...base, 'consultation']);
    profile.ratification.forEach((c, n) => {
      cites(c.sources, [...base, 'ratification', n]);
    });
  }

  scenario.publicPriors.forEach((prior, n) => {
    cites(prior.sources, ['publicPriors', n]);
  });
  if (scenario.credibility) cites(scenario.credibility.sources, ['credibility']);
  return out;
}
