// What an AI delegation believes the others want, built only from what its own view shows: public priors,
// signals, amendments, acceptances and rejections.
import type { SeatView } from '../engine/view';

export interface PartyModel {
  /** Issue id → believed weight (relative). */
  weight: Record<string, number>;
  /** Issue id → option id → believed value 0–100. */
  value: Record<string, Record<string, number>>;
  /** Issue id → options it has said it cannot live with as the text stands. */
  vetoed: Record<string, string[]>;
  /** Issue id → options it has said it can never sign. */
  redLines: Record<string, string[]>;
}

export type OpponentModels = Record<string, PartyModel>;

function clamp(v: number): number {
  return Math.max(0, Math.min(100, v));
}

/** Rebuilds every other party's model from the seat's view (deterministic: same view, same model). */
export function buildModels(view: SeatView): OpponentModels {
  const models: OpponentModels = {};
  const issues = view.scenario.packages.flatMap((p) => p.issues);
  for (const party of view.scenario.parties) {
    if (party.id === view.seat) continue;
    const m: PartyModel = { weight: {}, value: {}, vetoed: {}, redLines: {} };
    for (const issue of issues) {
      m.weight[issue.id] = 1;
      m.value[issue.id] = Object.fromEntries(issue.options.map((o) => [o.id, 50]));
    }
    const prior = view.scenario.publicPriors.find((p) => p.about === party.id);
    if (prior) {
      prior.priorities.forEach((issueId, rank) => {
        m.weight[issueId] = 3 + Math.max(0, 3 - rank);
      });
      for (const [issueId, optionId] of Object.entries(prior.preferred)) {
        const row = m.value[issueId];
        if (!row) continue;
        for (const o of Object.keys(row)) row[o] = o === optionId ? 100 : 25;
      }
    }
    models[party.id] = m;
  }
  const packageIssues = new Map(view.scenario.packages.map((p) => [p.id, p.issues.map((i) => i.id)]));
  const text: Record<string, string> = {};
  for (const e of view.log) {
    if (e.type === 'text.published') Object.assign(text, e.changed);
    if (e.type === 'package.rejected' || e.type === 'package.accepted') {
      // A rejection says the package's current options are worth less to that party than we thought.
      const m = models[e.by];
      if (!m) continue;
      for (const issueId of packageIssues.get(e.package) ?? []) {
        const row = m.value[issueId];
        const option = text[issueId];
        if (row && option)
          row[option] = clamp((row[option] ?? 50) + (e.type === 'package.rejected' ? -15 : 5));
      }
      continue;
    }
    if (e.type === 'signal.sent') {
      const m = models[e.by];
      if (!m) continue;
      const row = m.value[e.issue];
      if (e.kind === 'priority' || e.kind === 'commitment') {
        m.weight[e.issue] = (m.weight[e.issue] ?? 1) + 2;
        if (row && e.option)
          for (const o of Object.keys(row)) row[o] = o === e.option ? 100 : clamp((row[o] ?? 50) - 15);
      } else if (e.kind === 'red-line' && row && e.option) {
        row[e.option] = 0;
        m.redLines[e.issue] = [...(m.redLines[e.issue] ?? []), e.option];
      } else if (e.kind === 'concern' && row && e.option) {
        m.weight[e.issue] = (m.weight[e.issue] ?? 1) + 1;
        row[e.option] = 0;
        m.vetoed[e.issue] = [...(m.vetoed[e.issue] ?? []), e.option];
      }
    } else if (e.type === 'text.published' && e.version > 1) {
      // What an author moves the text to, it wants.
      const m = models[e.by];
      if (!m) continue;
      for (const [issueId, optionId] of Object.entries(e.changed)) {
        const row = m.value[issueId];
        if (row) row[optionId] = clamp((row[optionId] ?? 50) + 25);
      }
    } else if (e.type === 'amendment.proposed') {
      const m = models[e.by];
      if (!m) continue;
      for (const [issueId, optionId] of Object.entries(e.options)) {
        const row = m.value[issueId];
        if (row) row[optionId] = clamp((row[optionId] ?? 50) + 20);
      }
    }
  }
  return models;
}

/** Believed share (0–1) of its best that a text gives a party. */
export function believedShare(model: PartyModel, text: Record<string, string>): number {
  let got = 0;
  let best = 0;
  for (const [issueId, w] of Object.entries(model.weight)) {
    const row = model.value[issueId] ?? {};
    const option = text[issueId];
    got += w * (option ? (row[option] ?? 50) : 0);
    best += w * Math.max(0, ...Object.values(row));
  }
  return best === 0 ? 1 : got / best;
}

/** How many options of a text the party said it cannot live with as things stand. */
export function hitsVeto(model: PartyModel, text: Record<string, string>): number {
  return Object.entries(model.vetoed).filter(([issueId, options]) => options.includes(text[issueId] ?? ''))
    .length;
}

/** Whether a text uses an option the party said it can never sign. */
export function hitsRedLine(model: PartyModel, text: Record<string, string>): boolean {
  return Object.entries(model.redLines).some(([issueId, options]) => options.includes(text[issueId] ?? ''));
}
