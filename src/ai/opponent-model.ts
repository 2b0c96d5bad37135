// What an AI delegation believes the others want, built only from its own seat's view: a frequency model seeded
// from the public priors and updated by every amendment, acceptance, rejection, signal and signature it witnessed.
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import { ownValue } from '../scenario/own';
import type { Text } from '../scenario/schema';
import type { TextCoder } from '../scenario/utility';

export interface PartyModel {
  party: string;
  /** Issue id → believed weight; the weights sum to 1. */
  weight: Record<string, number>;
  /** Issue id → option id → believed value, 0–1. */
  value: Record<string, Record<string, number>>;
  /** Options the party said it can never sign (issue → options), with whether we believe it. */
  redLines: Array<{ issue: string; option: string; believed: boolean; seq: number }>;
  /** Options it said it cannot sign as the text stands. */
  concerns: Array<{ issue: string; option: string; seq: number }>;
  /** Believed least share (0–1) of its best it will sign for; rises each time it declines to sign. */
  threshold: number;
  /** 0–1: how far its words have held; each broken public word costs a third. */
  credibility: number;
  /** Package id → the contents ('|'-joined options, in file order) of every version of it this side accepted. */
  acceptedCombos: Record<string, string[]>;
  /** Issue → option → its believed contribution to the share (weight × value / best): filled once built. */
  table: Record<string, Record<string, number>>;
  /** Versions it signed, and versions it had the floor on and left unsigned. */
  signed: number[];
  declined: number[];
}

export type OpponentModels = Record<string, PartyModel>;

export interface ModelSettings {
  /** How much each observed move shifts the model (0–1): weaker models learn less. */
  learning: number;
  /** Whether a declared red line is believed: always, when the speaker's word has held, or only when proven. */
  bluffBelief: 'always' | 'credible' | 'proven';
  /** The believed share a party needs before any evidence. */
  startThreshold: number;
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

/** What a seat has learnt so far from the events it saw, kept so the next decision reads only new events. */
interface Learning {
  models: OpponentModels;
  raw: Record<string, Record<string, number>>;
  text: Text;
  version: number;
  speaker: string | null;
  signedThisTurn: boolean;
  declinedAt: Array<{ party: string; version: number; meeting: number }>;
  accepted: Map<string, Set<string>>;
  told: Map<string, number>;
  agenda: string[];
  texts: Map<number, Text>;
  packageIssues: Map<string, string[]>;
  noMediator: boolean;
  /** The options it was started with: an event that adds one means starting afresh. */
  space: string;
  /** How many events of the seat's log it has read, and the last of them (to check it is the same game). */
  fed: number;
  last: GameEvent | undefined;
  /** Per party, how many events about it were read (each may change its model), and what a decision last
   * derived from that model (reused while the count stands). */
  revisions: Map<string, number>;
  derived: Map<string, Derived>;
}

/** What a decision derives from a party's learnt model: copies of what learning changes in place, the weights
 * normalised and the share table. Shared by the models of every decision made before the party's next event,
 * so never written to. */
interface Derived {
  revision: number;
  weight: Record<string, number>;
  value: Record<string, Record<string, number>>;
  concerns: PartyModel['concerns'];
  signed: number[];
  declined: number[];
  acceptedCombos: Record<string, string[]>;
  table: Record<string, Record<string, number>>;
  /** The threshold by meeting index, once a decision in that meeting has worked it out. */
  thresholds: Map<number, number>;
}

/** Per game (keyed by its first event) and seat and settings: the learning so far. Views of one game share
 * their event objects, so a later view extends an earlier one; anything else starts afresh. */
const learnt = new WeakMap<object, Map<string, Learning>>();

/** `spaceOf` by packages (live packages are shared while play adds no option). */
const spaces = new WeakMap<SeatView['scenario']['packages'], string>();

function spaceOf(view: SeatView): string {
  const packages = view.scenario.packages;
  let space = spaces.get(packages);
  if (space === undefined) {
    let n = 0;
    for (const p of packages) for (const i of p.issues) n += i.options.length;
    space = String(n);
    spaces.set(packages, space);
  }
  return space;
}

/** The settings as part of a learning's key, written once per settings object (and again if it changes). */
const settingsKeys = new WeakMap<ModelSettings, { of: ModelSettings; key: string }>();

function settingsKey(settings: ModelSettings): string {
  const known = settingsKeys.get(settings);
  if (
    known &&
    known.of.learning === settings.learning &&
    known.of.bluffBelief === settings.bluffBelief &&
    known.of.startThreshold === settings.startThreshold
  )
    return known.key;
  const key = `${settings.learning}|${settings.bluffBelief}|${settings.startThreshold}`;
  settingsKeys.set(settings, { of: { ...settings }, key });
  return key;
}

function startLearning(view: SeatView, settings: ModelSettings): Learning {
  const issues = view.scenario.packages.flatMap((p) => p.issues);
  const models: OpponentModels = Object.create(null); // keyed by party id: no prototype for `toString` to hit
  const raw: Record<string, Record<string, number>> = Object.create(null);
  for (const party of view.scenario.parties) {
    if (party.id === view.seat) continue;
    const m: PartyModel = {
      party: party.id,
      weight: {},
      value: {},
      redLines: [],
      concerns: [],
      threshold: settings.startThreshold,
      credibility: 1,
      signed: [],
      declined: [],
      table: EMPTY,
      acceptedCombos: {},
    };
    const w: Record<string, number> = {};
    for (const issue of issues) {
      w[issue.id] = 1;
      const row: Record<string, number> = {};
      for (const o of issue.options) row[o.id] = 0.5;
      m.value[issue.id] = row;
    }
    const prior = view.scenario.publicPriors.find((p) => p.about === party.id);
    if (prior) {
      prior.priorities.forEach((issueId, rank) => {
        if (w[issueId] !== undefined) w[issueId] += Math.max(1, 4 - rank);
      });
      // What it has said in public it will never accept is believed from the start, like a declared red line.
      for (const r of prior.redLines ?? []) {
        const row = m.value[r.issue];
        if (!row || row[r.option] === undefined) continue;
        m.redLines.push({ issue: r.issue, option: r.option, believed: true, seq: -1 });
        row[r.option] = 0;
      }
      // Issues it has called minor weigh a quarter of an issue we know nothing about.
      for (const issueId of prior.minor ?? []) if (w[issueId] !== undefined) w[issueId] = 0.25;
      for (const [issueId, optionId] of Object.entries(prior.preferred)) {
        const row = m.value[issueId];
        if (!row) continue;
        for (const o of Object.keys(row)) row[o] = o === optionId ? 1 : 0.3;
      }
      // A public ranking places the options in between: evenly from 1 down to 0.1 (unranked ones stay at 0.3).
      for (const [issueId, ranking] of Object.entries(prior.ranked ?? {})) {
        const row = m.value[issueId];
        if (!row) continue;
        const step = 0.9 / Math.max(1, ranking.length - 1);
        ranking.forEach((o, k) => {
          if (ownValue(row, o) !== undefined) row[o] = 1 - step * k;
        });
      }
    }
    raw[party.id] = w;
    models[party.id] = m;
  }
  return {
    models,
    raw,
    text: {},
    version: 1,
    speaker: null,
    signedThisTurn: false,
    declinedAt: [],
    accepted: new Map(),
    told: new Map(),
    agenda: [],
    texts: new Map(),
    packageIssues: new Map(view.scenario.packages.map((p) => [p.id, p.issues.map((i) => i.id)])),
    noMediator: view.scenario.mediator === null,
    space: spaceOf(view),
    fed: 0,
    last: undefined,
    revisions: new Map(),
    derived: new Map(),
  };
}

/** The events `learnFrom` may change a party's model on (its author's, or ending a turn its party's): its
 * values and weights, words, signatures, refusals, accepted versions or credibility. */
const CHANGES_MODEL: ReadonlySet<GameEvent['type']> = new Set<GameEvent['type']>([
  'text.published',
  'turn.ended',
  'text.signed',
  'signal.sent',
  'amendment.proposed',
  'package.accepted',
  'package.rejected',
  'commitment.broken',
]);

function learn(st: Learning, e: GameEvent, L: number): void {
  if (CHANGES_MODEL.has(e.type)) {
    const party = 'by' in e ? e.by : 'party' in e ? e.party : undefined;
    if (party !== undefined && st.models[party]) st.revisions.set(party, (st.revisions.get(party) ?? 0) + 1);
  }
  learnFrom(st, e, L);
  if (e.type === 'text.published') st.texts.set(e.version, { ...st.text });
}

function learnFrom(st: Learning, e: GameEvent, L: number): void {
  switch (e.type) {
    case 'text.published': {
      Object.assign(st.text, e.changed);
      st.version = e.version;
      const m = st.models[e.by];
      if (m && e.version > 1 && st.noMediator) {
        // With no mediator, what an author moves the text to, it wants.
        for (const [i, o] of Object.entries(e.changed)) bump(m.value, i, o, 0.3 * L);
      }
      return;
    }
    case 'meeting.opened':
      st.agenda = e.agenda;
      return;
    case 'acceptance.lapsed':
      st.accepted.get(e.by)?.delete(e.package);
      return;
    case 'turn.started':
      st.speaker = e.party;
      st.signedThisTurn = false;
      return;
    case 'turn.ended': {
      const m = st.models[e.party];
      if (m && !st.signedThisTurn && st.speaker === e.party && !e.timedOut) {
        m.declined.push(st.version);
        st.declinedAt.push({ party: e.party, version: st.version, meeting: e.meeting });
        // Packages on the agenda it left unaccepted while it let the text go unsigned: what it leaves
        // unaccepted is worth less to it than we thought (a silent rejection).
        const mine = st.accepted.get(e.party) ?? new Set<string>();
        // Every package accepted and still no signature: the whole is not enough, so every part is suspect.
        const all = st.agenda.every((p) => mine.has(p));
        for (const pkg of st.agenda) {
          if (mine.has(pkg) && !all) continue;
          for (const issueId of st.packageIssues.get(pkg) ?? []) {
            const option = st.text[issueId];
            const row = m.value[issueId];
            if (row && option !== undefined)
              row[option] = clamp01((ownValue(row, option) ?? 0.5) * (1 - 0.06 * L));
          }
        }
      }
      return;
    }
    case 'text.signed': {
      if (e.by === st.speaker) st.signedThisTurn = true;
      const m = st.models[e.by];
      if (m) m.signed.push(e.version);
      return;
    }
    case 'signal.sent': {
      const m = st.models[e.by];
      const w = st.raw[e.by];
      if (!m || !w) return;
      const weight = m.credibility;
      if (e.kind === 'priority' || e.kind === 'commitment') {
        // Priorities told one after another come in order: the first weighs most.
        const rank = (st.told.get(e.by) ?? 0) + 1;
        st.told.set(e.by, rank);
        w[e.issue] = (w[e.issue] ?? 1) + Math.max(1, 5 - rank) * weight * L;
        const row = m.value[e.issue];
        if (row && e.option)
          for (const o of Object.keys(row)) row[o] = o === e.option ? 1 : (ownValue(row, o) ?? 0.5) * 0.8;
      } else if (e.kind === 'concern' && e.option) {
        m.concerns.push({ issue: e.issue, option: e.option, seq: e.seq });
        w[e.issue] = (w[e.issue] ?? 1) + 0.8 * weight * L;
        const row = m.value[e.issue];
        if (row) row[e.option] = Math.min(ownValue(row, e.option) ?? 0.5, 0.1);
      } else if (e.kind === 'red-line' && e.option) {
        m.redLines.push({ issue: e.issue, option: e.option, believed: true, seq: e.seq });
        // A line it says it can never cross tells us the issue weighs heavily for it: respecting the line is
        // a gain we count for it, and it pays for it on the other issues.
        w[e.issue] = (w[e.issue] ?? 1) + RED_LINE_WEIGHT * weight * L;
        const row = m.value[e.issue];
        if (row) row[e.option] = 0;
      } else if (e.kind === 'retract' && e.option) {
        m.concerns = m.concerns.filter((c) => !(c.issue === e.issue && c.option === e.option));
        m.redLines = m.redLines.filter((c) => !(c.issue === e.issue && c.option === e.option));
        const row = m.value[e.issue];
        if (row) row[e.option] = Math.max(ownValue(row, e.option) ?? 0, 0.4);
      }
      return;
    }
    case 'amendment.proposed': {
      const m = st.models[e.by];
      const w = st.raw[e.by];
      if (!m || !w) return;
      for (const [issueId, optionId] of Object.entries(e.options)) {
        const row = m.value[issueId];
        if (!row || w[issueId] === undefined) continue;
        const current = st.text[issueId];
        // An option it asks for that we thought it valued less than the current one is a give: the issue
        // matters less to it. Otherwise it is an ask: the issue matters and the option is wanted.
        if (
          current !== undefined &&
          (ownValue(row, optionId) ?? 0.5) + 0.05 < (ownValue(row, current) ?? 0.5)
        ) {
          w[issueId] = Math.max(0.2, w[issueId] - 0.6 * L);
        } else {
          w[issueId] += 1.2 * L;
          bump(m.value, issueId, optionId, 0.5 * L);
        }
      }
      return;
    }
    case 'package.rejected':
    case 'package.accepted': {
      if (e.type === 'package.accepted') {
        const set = st.accepted.get(e.by) ?? new Set<string>();
        set.add(e.package);
        st.accepted.set(e.by, set);
        const am = st.models[e.by];
        if (am) {
          // The package's options in file order, '|'-joined.
          const issues = st.packageIssues.get(e.package) ?? [];
          let key = '';
          for (let k = 0; k < issues.length; k++) key += `${k ? '|' : ''}${st.text[issues[k]!] ?? ''}`;
          const list = am.acceptedCombos[e.package] ?? [];
          if (!list.includes(key)) list.push(key);
          am.acceptedCombos[e.package] = list;
        }
      } else st.accepted.get(e.by)?.delete(e.package);
      const m = st.models[e.by];
      if (!m) return;
      // A rejection that names what it asks for blames only those issues; a bare one blames the package.
      const named = e.type === 'package.rejected' ? Object.keys(e.reason?.basis?.asked ?? {}) : [];
      for (const issueId of st.packageIssues.get(e.package) ?? []) {
        const option = st.text[issueId];
        const row = m.value[issueId];
        if (!row || option === undefined) continue;
        if (e.type === 'package.accepted') row[option] = clamp01((ownValue(row, option) ?? 0.5) + 0.05 * L);
        else if (named.length === 0) row[option] = clamp01((ownValue(row, option) ?? 0.5) * (1 - 0.1 * L));
        else if (named.includes(issueId))
          row[option] = clamp01((ownValue(row, option) ?? 0.5) * (1 - 0.3 * L));
      }
      for (const [issueId, optionId] of Object.entries(
        e.type === 'package.rejected' ? (e.reason?.basis?.asked ?? {}) : {},
      ))
        bump(m.value, issueId, optionId, 0.3 * L);
      return;
    }
    case 'commitment.broken': {
      const m = st.models[e.by];
      if (m) m.credibility = Math.max(0, m.credibility - 1 / 3);
      return;
    }
    default:
      return;
  }
}

/** The seat's learning up to its view, read incrementally when an earlier view of the same game was read. */
function learningFor(view: SeatView, settings: ModelSettings): Learning {
  const first = view.log[0];
  const key = `${view.seat}|${settingsKey(settings)}`;
  let st = first ? learnt.get(first)?.get(key) : undefined;
  const usable =
    st !== undefined &&
    st.space === spaceOf(view) &&
    st.fed <= view.log.length &&
    (st.fed === 0 || view.log[st.fed - 1] === st.last);
  if (!st || !usable) {
    st = startLearning(view, settings);
    if (first) {
      let byKey = learnt.get(first);
      if (!byKey) {
        byKey = new Map();
        learnt.set(first, byKey);
      }
      byKey.set(key, st);
    }
  }
  for (let i = st.fed; i < view.log.length; i++) learn(st, view.log[i]!, settings.learning);
  st.fed = view.log.length;
  st.last = view.log[view.log.length - 1];
  return st;
}

/** The learning from the whole log, without the cache (for tests: the cache must never change a model). */
function readAll(view: SeatView, settings: ModelSettings): Learning {
  const st = startLearning(view, settings);
  for (const e of view.log) learn(st, e, settings.learning);
  return st;
}

/** Every other party's model as this seat's view shows it: same view, same model. */
export function buildModels(view: SeatView, settings: ModelSettings, fresh = false): OpponentModels {
  const st = fresh ? readAll(view, settings) : learningFor(view, settings);
  const models: OpponentModels = Object.create(null); // keyed by party id: no prototype for `toString` to hit
  for (const base of Object.values(st.models)) {
    // A copy: what we conclude for this decision never changes what we have learnt.
    const derived = derive(st, base);
    const redLines: PartyModel['redLines'] = [];
    for (const r of base.redLines) redLines.push({ ...r });
    // Every field, in the order a fresh model has them (`startLearning`).
    const m: PartyModel = {
      party: base.party,
      weight: derived.weight,
      value: derived.value,
      redLines,
      concerns: derived.concerns,
      threshold: base.threshold,
      credibility: base.credibility,
      signed: derived.signed,
      declined: derived.declined,
      table: derived.table,
      acceptedCombos: derived.acceptedCombos,
    };
    // What it declined and signed changes only with events about it, so the threshold is derived with the rest
    // (per meeting: only recent refusals count).
    let threshold = derived.thresholds.get(view.meeting.index);
    if (threshold === undefined) {
      threshold = thresholdOf(st, m, view.meeting.index, settings);
      derived.thresholds.set(view.meeting.index, threshold);
    }
    m.threshold = threshold;
    for (const r of m.redLines) r.believed = believes(settings, m, r, view);
    models[m.party] = m;
  }
  return models;
}

function bump(
  values: Record<string, Record<string, number>>,
  issue: string,
  option: string,
  by: number,
): void {
  const row = values[issue];
  if (!row) return;
  row[option] = clamp01((ownValue(row, option) ?? 0.5) + (1 - (ownValue(row, option) ?? 0.5)) * by);
}

/** How much a declared red line adds to the believed weight of its issue (a priority adds up to 4). */
export const RED_LINE_WEIGHT = 2;

/** Whether we take a declared red line at its word. */
function believes(
  settings: ModelSettings,
  m: PartyModel,
  r: PartyModel['redLines'][number],
  view: SeatView,
): boolean {
  if (settings.bluffBelief === 'always') return true;
  if (m.credibility < 1) return false;
  const prior = view.scenario.publicPriors.find((p) => p.about === m.party);
  // A red line against the very option it is publicly known to want is not credible.
  if (prior?.preferred[r.issue] === r.option) return false;
  if (settings.bluffBelief === 'credible') return true;
  // Proven: it is publicly known to care about this issue, or it has never accepted a package holding it.
  return prior?.priorities.includes(r.issue) ?? false;
}

/** The believed least share a party will sign for, from the texts it declined and signed. */
function thresholdOf(st: Learning, m: PartyModel, meeting: number, settings: ModelSettings): number {
  const L = settings.learning;
  // It declined to sign these: it needs more than they gave, as we believe it, and a little more for each
  // refusal of the same text. Only recent refusals count: every side concedes as the calendar runs out.
  let floor = settings.startThreshold;
  const recent = st.declinedAt.filter((d) => d.party === m.party && d.meeting >= meeting - 1);
  const times = new Map<number, number>();
  for (const d of recent) {
    if (m.signed.includes(d.version)) continue;
    const t = st.texts.get(d.version);
    if (!t) continue;
    const n = (times.get(d.version) ?? 0) + 1;
    times.set(d.version, n);
    floor = Math.max(floor, believedShare(m, t) + 0.03 * n * L);
  }
  // It signed those: it needs no more, and likely a little less, since aspirations fall with time.
  let ceiling = 1;
  for (const v of m.signed) {
    const t = st.texts.get(v);
    if (t) ceiling = Math.min(ceiling, believedShare(m, t) - 0.04);
  }
  return Math.min(floor, ceiling);
}

/** What a decision derives from a party's learnt model, reused until an event about the party is read. */
function derive(st: Learning, base: PartyModel): Derived {
  const revision = st.revisions.get(base.party) ?? 0;
  const known = st.derived.get(base.party);
  if (known?.revision === revision) return known;
  const value: Record<string, Record<string, number>> = {};
  for (const k in base.value) value[k] = { ...base.value[k] };
  const acceptedCombos: Record<string, string[]> = {};
  for (const k in base.acceptedCombos) acceptedCombos[k] = [...base.acceptedCombos[k]!];
  const w = st.raw[base.party]!;
  let total = 0;
  for (const k in w) total += w[k]!;
  total = total || 1;
  const weight: Record<string, number> = {};
  for (const k in w) weight[k] = (w[k] ?? 0) / total;
  const d: Derived = {
    revision,
    weight,
    value,
    concerns: [...base.concerns],
    signed: [...base.signed],
    declined: [...base.declined],
    acceptedCombos,
    table: shareTable(weight, value),
    thresholds: new Map(),
  };
  st.derived.set(base.party, d);
  return d;
}

/** Per-issue contributions to the believed share, so a text's share is one lookup per issue. */
function shareTable(
  weight: Record<string, number>,
  value: Record<string, Record<string, number>>,
): Record<string, Record<string, number>> {
  let best = 0;
  for (const issueId in weight) {
    const w = weight[issueId]!;
    let top = 0;
    const row = value[issueId];
    for (const o in row) if (row[o]! > top) top = row[o]!;
    best += w * top;
  }
  const table: Record<string, Record<string, number>> = {};
  for (const issueId in weight) {
    const w = weight[issueId]!;
    const row: Record<string, number> = {};
    const values = value[issueId];
    for (const o in values) row[o] = best === 0 ? 0 : (w * values[o]!) / best;
    table[issueId] = row;
  }
  return table;
}

/** Believed share (0–1) of its best that a text gives a party. */
export function believedShare(model: PartyModel, text: Text): number {
  if (model.table !== EMPTY) {
    let share = 0;
    for (const issueId in model.table) {
      const o = text[issueId];
      if (o !== undefined) share += model.table[issueId]?.[o] ?? 0;
    }
    return share;
  }
  return slowShare(model, text);
}

const EMPTY: Record<string, Record<string, number>> = {};

function slowShare(model: PartyModel, text: Text): number {
  let got = 0;
  let best = 0;
  for (const [issueId, w] of Object.entries(model.weight)) {
    const row = model.value[issueId];
    if (!row) continue;
    const option = text[issueId];
    let top = 0;
    for (const v of Object.values(row)) if (v > top) top = v;
    got += w * (option !== undefined ? (ownValue(row, option) ?? 0) : 0);
    best += w * top;
  }
  return best === 0 ? 1 : got / best;
}

/** Believed red lines of a party that a text crosses. */
export function crossesBelievedRedLine(model: PartyModel, text: Text, onlyBelieved = true): number {
  let n = 0;
  for (const r of model.redLines) if ((r.believed || !onlyBelieved) && text[r.issue] === r.option) n++;
  return n;
}

/** Concerns of a party a text still holds. */
export function concernsHit(model: PartyModel, text: Text): number {
  let n = 0;
  for (const c of model.concerns) if (text[c.issue] === c.option) n++;
  return n;
}

/** A model's believed share, red lines and concerns on texts coded by one coder (see `textCoder`). */
export class CodedModel {
  /** Per coded issue of the share table, in the table's order: its index and each option's contribution. */
  private readonly rows: Array<{ issue: number; values: number[] }>;
  /** Declared red lines and concerns as issue and option indexes (one the coder does not know never holds). */
  private readonly lines: Array<{ issue: number; option: number; believed: boolean }> = [];
  private readonly concernsAt: Array<{ issue: number; option: number }> = [];

  constructor(model: PartyModel, coder: TextCoder, rows: Array<{ issue: number; values: number[] }>) {
    this.rows = rows;
    for (const r of model.redLines) {
      const i = coder.issueIndex.get(r.issue);
      const o = i === undefined ? undefined : coder.optionIndex[i]!.get(r.option);
      if (i !== undefined && o !== undefined) this.lines.push({ issue: i, option: o, believed: r.believed });
    }
    for (const c of model.concerns) {
      const i = coder.issueIndex.get(c.issue);
      const o = i === undefined ? undefined : coder.optionIndex[i]!.get(c.option);
      if (i !== undefined && o !== undefined) this.concernsAt.push({ issue: i, option: o });
    }
  }

  /** Each coded issue's contributions by option (an issue outside the table adds nothing): for sums kept up to
   * date one change at a time. */
  contributions(issues: number): Float64Array[] {
    const out: Float64Array[] = [];
    for (let i = 0; i < issues; i++) out.push(new Float64Array(0));
    for (const row of this.rows) out[row.issue] = Float64Array.from(row.values);
    return out;
  }

  /** `believedShare`: the same contributions, added in the same order. */
  share(code: Int32Array): number {
    let share = 0;
    for (const row of this.rows) share += row.values[code[row.issue]!]!;
    return share;
  }

  /** `crossesBelievedRedLine`. */
  redLines(code: Int32Array, onlyBelieved: boolean): number {
    let n = 0;
    for (const r of this.lines) if ((r.believed || !onlyBelieved) && code[r.issue] === r.option) n++;
    return n;
  }

  /** `concernsHit`. */
  concerns(code: Int32Array): number {
    let n = 0;
    for (const c of this.concernsAt) if (code[c.issue] === c.option) n++;
    return n;
  }
}

/** Share tables on coded texts, by table (with the coder they were made for): a table is shared by every
 * decision until the party's next event. */
const codedTables = new WeakMap<
  object,
  { coder: TextCoder; rows: Array<{ issue: number; values: number[] }> | null }
>();

/** `believedShare`'s table as rows of coded issues, in the table's order; null if a value is not a number. */
function codedTable(
  table: PartyModel['table'],
  coder: TextCoder,
): Array<{ issue: number; values: number[] }> | null {
  const known = codedTables.get(table);
  if (known?.coder === coder) return known.rows;
  let rows: Array<{ issue: number; values: number[] }> | null = [];
  for (const issueId in table) {
    const i = coder.issueIndex.get(issueId);
    // An issue the coder does not know is never in a coded text: it adds nothing.
    if (i === undefined) continue;
    const row = table[issueId];
    const options = coder.options[i]!;
    const values: number[] = [];
    for (const o of options) {
      const v = row?.[o] ?? 0;
      if (typeof v !== 'number') {
        rows = null;
        break;
      }
      values.push(v);
    }
    if (!rows) break;
    rows.push({ issue: i, values });
  }
  codedTables.set(table, { coder, rows });
  return rows;
}

/** The model on coded texts, or null when its table is not filled (then only `believedShare` reads it). */
export function codedModel(model: PartyModel, coder: TextCoder): CodedModel | null {
  if (model.table === EMPTY) return null;
  const rows = codedTable(model.table, coder);
  return rows ? new CodedModel(model, coder, rows) : null;
}
