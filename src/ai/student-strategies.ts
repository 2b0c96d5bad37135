// Scripted student strategies (passive, logroller, bluffer, stonewaller): deterministic seat players that show
// whether the AI answers a student, rewards skill and resists gaming. Each move is a pure function of the view.
import type { Move } from '../engine/intents';
import type { SeatView } from '../engine/view';
import { ownValue } from '../scenario/own';
import type { Condition, Profile, RatificationCheck, Scenario, Text } from '../scenario/schema';
import { checkPasses, crossedRedLines, packageShare, runCheck, utilityOf } from '../scenario/utility';
import { LEVELS } from './ai-context';
import { believedShare, buildModels } from './opponent-model';
import type { StudentStrategy } from './seat-player';

/** What a strategy remembers within one turn, so it does each thing once per turn. */
export interface StrategyMemory {
  done: string[];
}

export function newStrategyMemory(): StrategyMemory {
  return { done: [] };
}

/** A package the logroller "likes": within its mandate and at least this share (%) of its best there. */
export const LIKED_SHARE = 50;
/** The bluffer calls an option it values at most this (0–100) a red line, when its best is far above it. */
export const DISLIKED_VALUE = 30;
export const DISLIKE_GAP = 40;
/** How many false red lines the bluffer declares in a game. */
export const MAX_BLUFFS = 3;

type Brief = NonNullable<SeatView['me']>;

function brief(view: SeatView): Brief {
  if (!view.me) throw new Error('a student strategy plays a party seat');
  return view.me;
}

// The scoring helpers take a scenario and a profile; a seat's view holds the parts they read.
function scenarioOf(view: SeatView): Scenario {
  return { packages: view.scenario.packages } as Scenario;
}

function profileOf(me: Brief): Profile {
  return {
    preferences: me.preferences,
    redLines: me.rules.redLines,
    ratification: me.rules.ratification,
  } as Profile;
}

function share(view: SeatView, text: Text, pkg: string): number {
  return packageShare(scenarioOf(view), profileOf(brief(view)), text, pkg);
}

function mandateMinimum(view: SeatView, pkg: string): number {
  return brief(view).mandate.find((m) => m.package === pkg)?.minimum ?? 0;
}

/** Whether a text crosses none of the seat's red lines and keeps every ratification check that passes now. */
function safeFor(view: SeatView, text: Text): boolean {
  const me = brief(view);
  if (crossedRedLines(profileOf(me), text).length > 0) return false;
  return me.rules.ratification.every((c) => {
    const shift = ownValue(me.rules.supportShift, c.id) ?? 0;
    return !runCheck(c, view.text, shift).passed || runCheck(c, text, shift).passed;
  });
}

/** Passive signing: the text clears the mandate and red lines, beats the reservation value and ratifies. */
function wouldSign(view: SeatView): boolean {
  const me = brief(view);
  return (
    view.signatures[view.seat] !== view.textVersion &&
    view.score !== null &&
    view.score.canSign &&
    view.score.discounted > me.reservation &&
    me.ratification.every((r) => r.passesNow)
  );
}

const endTurn: Move = { type: 'turn.end' };

function signOrEnd(view: SeatView): Move {
  return wouldSign(view) ? { type: 'text.sign', version: view.textVersion } : endTurn;
}

/** Does `key` once per turn: true the first time. */
function once(memory: StrategyMemory, key: string): boolean {
  if (memory.done.includes(key)) return false;
  memory.done.push(key);
  return true;
}

function agendaPackages(view: SeatView): SeatView['packages'] {
  return view.packages.filter((p) => p.onAgenda);
}

/** Accepts every agenda package its mandate allows, then signs what passive signing allows, else ends. */
function passive(view: SeatView, memory: StrategyMemory): Move {
  for (const pkg of agendaPackages(view)) {
    if (pkg.acceptedBy.includes(view.seat) || !once(memory, `accept:${pkg.id}`)) continue;
    if (share(view, view.text, pkg.id) >= mandateMinimum(view, pkg.id))
      return { type: 'package.accept', package: pkg.id, version: view.textVersion };
  }
  return signOrEnd(view);
}

function issueIds(view: SeatView, pkg: string): string[] {
  return view.scenario.packages.find((p) => p.id === pkg)?.issues.map((i) => i.id) ?? [];
}

/** The seat's issues by weight, heaviest first (file order breaks ties). */
function byWeight(view: SeatView): string[] {
  const me = brief(view);
  const issues = view.scenario.packages.flatMap((p) => p.issues.map((i) => i.id));
  return issues
    .map((id, index) => ({ id, index, weight: me.preferences[id]?.weight ?? 0 }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((x) => x.id);
}

/** The top and bottom quarter of the seat's issues by weight. */
export function logrollIssues(view: SeatView): { top: string[]; least: string[] } {
  const ranked = byWeight(view);
  const k = Math.max(1, Math.ceil(ranked.length / 4));
  const top = ranked.slice(0, k);
  const least = ranked.slice(-k).filter((i) => !top.includes(i));
  return { top, least };
}

/** The package that carries most of the seat's weight: the one it cares about. */
function carePackage(view: SeatView): string | undefined {
  const me = brief(view);
  let best: { id: string; weight: number } | undefined;
  for (const p of view.scenario.packages) {
    const weight = p.issues.reduce((n, i) => n + (me.preferences[i.id]?.weight ?? 0), 0);
    if (!best || weight > best.weight) best = { id: p.id, weight };
  }
  return best?.id;
}

/** An issue's options, the seat's favourite first (file order breaks ties). */
function rankedOptions(view: SeatView, issue: string): string[] {
  const values = brief(view).preferences[issue]?.values ?? {};
  const options = view.scenario.packages.flatMap((p) => p.issues).find((i) => i.id === issue)?.options ?? [];
  return options
    .map((o, index) => ({ id: o.id, index, value: values[o.id] ?? 0 }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map((o) => o.id);
}

/** What the author has turned down from this seat's amendments (`issue=option`): asking again wastes a turn. */
function declinedAsks(view: SeatView): Set<string> {
  const bySeq = new Map<number, Text>();
  const out = new Set<string>();
  for (const e of view.log) {
    if (e.type === 'amendment.proposed' && e.by === view.seat) bySeq.set(e.seq, e.options);
    if (e.type !== 'proposal.answered' || e.proposer !== view.seat || e.verdict === 'folded') continue;
    const options = bySeq.get(e.ref);
    if (!options) continue;
    for (const [issue, option] of Object.entries(options))
      if (e.verdict === 'declined' ? e.issue === null || e.issue === issue : e.give?.[issue] === undefined)
        out.add(`${issue}=${option}`);
  }
  return out;
}

/** The author's latest counter to one of this seat's amendments on the current text: its offer and its price. */
function standingCounter(view: SeatView): { give: Text; ask: Text } | null {
  let version = 0;
  let counter: { give: Text; ask: Text; version: number } | null = null;
  for (const e of view.log) {
    if (e.type === 'text.published') version = e.version;
    if (
      e.type === 'proposal.answered' &&
      e.proposer === view.seat &&
      e.verdict === 'countered' &&
      e.give &&
      e.ask
    )
      counter = { give: e.give, ask: e.ask, version };
  }
  return counter && counter.version === view.textVersion ? counter : null;
}

function packageOf(view: SeatView, issue: string): string | undefined {
  return view.scenario.packages.find((p) => p.issues.some((i) => i.id === issue))?.id;
}

/**
 * What the others are believed to want on an issue: the option most of their public priors prefer; with no
 * prior, the option this seat values least (interests are guessed to be opposed where nothing is known).
 */
function othersWant(view: SeatView, issue: string): string | undefined {
  const counts = new Map<string, number>();
  for (const party of view.scenario.parties) {
    if (party.id === view.seat) continue;
    const option = view.scenario.publicPriors.find((p) => p.about === party.id)?.preferred[issue];
    if (option) counts.set(option, (counts.get(option) ?? 0) + 1);
  }
  let wanted: string | undefined;
  for (const [option, n] of counts)
    if (wanted === undefined || n > (counts.get(wanted) ?? 0)) wanted = option;
  if (wanted) return wanted;
  const values = brief(view).preferences[issue]?.values ?? {};
  const options = view.scenario.packages.flatMap((p) => p.issues).find((i) => i.id === issue)?.options ?? [];
  let worst: { id: string; value: number } | undefined;
  for (const o of options) {
    const v = values[o.id] ?? 0;
    if (!worst || v < worst.value) worst = { id: o.id, value: v };
  }
  return worst?.id;
}

/** Whether every other side's public ratification rule that the text passes now still passes with `text`: a
 * student who has read the others' constitutions and laws does not ask for what they could never ratify. */
function othersCanRatify(view: SeatView, text: Text): boolean {
  return view.scenario.publicRatification.every(
    ({ party, check }) => party === view.seat || !checkPasses(check, view.text) || checkPasses(check, text),
  );
}

/**
 * A logroll within the given packages: ask for the seat's best option on its top-weighted issues and give what the
 * others are believed to want on its least-weighted ones, never across its own red lines or ratification.
 */
export function logroll(view: SeatView, packages: string[]): { ask: Text; give: Text } {
  const { top, least } = logrollIssues(view);
  const issues = new Set(packages.flatMap((p) => issueIds(view, p)));
  const refused = declinedAsks(view);
  const ask: Text = {};
  let text: Text = { ...view.text };
  for (const issue of top) {
    if (!issues.has(issue)) continue;
    // The best option the author has not turned down, if it is better than what the text holds.
    const values = brief(view).preferences[issue]?.values ?? {};
    const best = rankedOptions(view, issue).find((o) => !refused.has(`${issue}=${o}`));
    const current = text[issue];
    if (best === undefined || current === best || (values[best] ?? 0) <= (values[current ?? ''] ?? 0))
      continue;
    const candidate = { ...text, [issue]: best };
    if (!safeFor(view, candidate) || !othersCanRatify(view, candidate)) continue;
    ask[issue] = best;
    text = candidate;
  }
  const give: Text = {};
  // What to pay with: the seat's least-weighted issues or, where none is in these packages, the lighter half of
  // the packages' own issues (an amendment stays within its package).
  let pay = least.filter((i) => issues.has(i));
  if (pay.length === 0) {
    const ranked = byWeight(view).filter((i) => issues.has(i) && !top.includes(i));
    pay = ranked.slice(-Math.max(1, Math.floor(ranked.length / 2)));
  }
  for (const issue of pay) {
    const wanted = othersWant(view, issue);
    if (!issues.has(issue) || wanted === undefined || text[issue] === wanted) continue;
    const candidate = { ...text, [issue]: wanted };
    if (!safeFor(view, candidate)) continue;
    give[issue] = wanted;
    text = candidate;
  }
  return { ask, give };
}

/** How far another side may lose (in believed share of its best) in a trade the logroller offers. */
const TRADE_SLACK = 0.02;

/**
 * A trade within one package, as a student who has read the others' public positions and what they said would
 * make it: one or two changes that raise our utility most while every other side is believed to lose at most a
 * little (what we give pays for what we ask), within our red lines, our ratification and the others' public
 * rules. Null when no change helps us at no believed cost to them.
 */
export function tradeWithin(view: SeatView, pkg: string): Text | null {
  const issues = view.scenario.packages.find((p) => p.id === pkg)?.issues ?? [];
  const models = Object.values(buildModels(view, LEVELS.medium.model));
  const refused = declinedAsks(view);
  const base = view.text;
  const baseShares = models.map((m) => believedShare(m, base));
  const baseUtility = ownUtility(view, base);
  const moves: Array<{ issue: string; option: string }> = [];
  for (const i of issues)
    for (const o of i.options)
      if (base[i.id] !== o.id && !refused.has(`${i.id}=${o.id}`)) moves.push({ issue: i.id, option: o.id });
  let best: { text: Text; gain: number } | null = null;
  const consider = (changes: Text) => {
    const candidate = { ...base, ...changes };
    const gain = ownUtility(view, candidate) - baseUtility;
    if (gain <= 0 || (best && gain <= best.gain)) return;
    // Our gain as a share of our best; each other side may lose a little, and all of them together less than
    // half of what we gain: a trade that creates value, not one that only moves it.
    let lost = 0;
    for (let k = 0; k < models.length; k++) {
      const loss = baseShares[k]! - believedShare(models[k]!, candidate);
      if (loss > TRADE_SLACK) return;
      lost += Math.max(0, loss);
    }
    if (lost > (0.5 * gain) / 10000) return;
    if (!safeFor(view, candidate) || !othersCanRatify(view, candidate)) return;
    best = { text: changes, gain };
  };
  for (let a = 0; a < moves.length; a++) {
    const ma = moves[a]!;
    consider({ [ma.issue]: ma.option });
    for (let b = a + 1; b < moves.length; b++) {
      const mb = moves[b]!;
      if (mb.issue !== ma.issue) consider({ [ma.issue]: ma.option, [mb.issue]: mb.option });
    }
  }
  return best === null ? null : (best as { text: Text }).text;
}

function sameOptions(a: Text, b: Text): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function likes(view: SeatView, pkg: string): boolean {
  const s = share(view, view.text, pkg);
  return s >= mandateMinimum(view, pkg) && s >= LIKED_SHARE;
}

/** The other parties' standing objections (concerns and red lines not taken back): issue → options. */
function othersObjections(view: SeatView): Map<string, Set<string>> {
  const standing = new Map<string, Set<string>>();
  for (const e of view.log) {
    if (e.type !== 'signal.sent' || e.by === view.seat || e.option === null) continue;
    const key = `${e.by}\u0000${e.issue}\u0000${e.option}`;
    if (e.kind === 'concern' || e.kind === 'red-line') standing.set(key, new Set([e.issue, e.option]));
    else if (e.kind === 'retract') standing.delete(key);
  }
  const out = new Map<string, Set<string>>();
  for (const key of standing.keys()) {
    const [, issue, option] = key.split('\u0000') as [string, string, string];
    const set = out.get(issue) ?? new Set<string>();
    set.add(option);
    out.set(issue, set);
  }
  return out;
}

function ownUtility(view: SeatView, text: Text): number {
  return utilityOf(profileOf(brief(view)), text);
}

/**
 * The logroll of the author of the text over the whole agenda: its best options on its top-weighted issues, and
 * on every other issue what the others ask for in their open amendments or, failing that, the option it likes
 * best among those nobody has objected to (it gives on what it values less). Each change keeps the text safe
 * for the author and above its reservation value. Returns the changes and the amendments it folds.
 */
export function authorLogroll(view: SeatView): { changes: Text; folds: number[] } {
  const me = brief(view);
  const agendaIssues = new Set(agendaPackages(view).flatMap((p) => issueIds(view, p.id)));
  const { top } = logrollIssues(view);
  const { ask, give } = logroll(view, [...agendaPackages(view).map((p) => p.id)]);
  let text: Text = { ...view.text, ...ask, ...give };
  // What signing is worth after the time discount so far, as the passive signature judges it.
  const kept = view.score && view.score.utility > 0 ? view.score.discounted / view.score.utility : 1;
  // Another side's public rules (a constitution, a law) say what it could never ratify: a text it cannot pass at
  // home is no offer, so the author keeps within them as within its own.
  const ratifiableByOthers = (candidate: Text) =>
    view.scenario.publicRatification.every(({ check }) => checkPasses(check, candidate));
  const accept = (candidate: Text) =>
    safeFor(view, candidate) &&
    ratifiableByOthers(candidate) &&
    ownUtility(view, candidate) * kept > me.reservation &&
    view.scenario.packages.every((p) => share(view, candidate, p.id) >= mandateMinimum(view, p.id));
  if (!accept(text)) text = { ...view.text };
  const folds: number[] = [];
  // Others' amendments, oldest first so the latest wins, folded where they touch none of our top issues.
  for (const a of view.openAmendments) {
    if (a.by === view.seat || !agendaPackages(view).some((p) => p.id === a.package)) continue;
    if (Object.keys(a.options).some((issue) => top.includes(issue))) continue;
    const candidate = { ...text, ...a.options };
    if (!accept(candidate)) continue;
    text = candidate;
    folds.push(a.id);
  }
  // Options another side objects to, on issues outside our top ones: the best for us that nobody objects to.
  const objections = othersObjections(view);
  for (const [issue, options] of objections) {
    const current = text[issue];
    if (!agendaIssues.has(issue) || current === undefined || !options.has(current)) continue;
    const values = me.preferences[issue]?.values ?? {};
    const choices = (
      view.scenario.packages.flatMap((p) => p.issues).find((i) => i.id === issue)?.options ?? []
    )
      .filter((o) => !options.has(o.id))
      .sort((x, y) => (values[y.id] ?? 0) - (values[x.id] ?? 0));
    for (const o of choices) {
      const candidate = { ...text, [issue]: o.id };
      if (!accept(candidate)) continue;
      text = candidate;
      break;
    }
  }
  // A text that fails at home cannot be signed: change what it takes to pass, at the least cost to us. Progress
  // is fewer failing checks, or the same number nearer their thresholds (a support check may need several
  // changes before it passes).
  const shortfall = (t: Text): { failing: number; short: number } => {
    let failing = 0;
    let short = 0;
    const add = (c: RatificationCheck, shift: number) => {
      const r = runCheck(c, t, shift);
      if (r.passed) return;
      failing++;
      short += r.support !== undefined && r.threshold !== undefined ? r.threshold - r.support : 100;
    };
    for (const c of me.rules.ratification) add(c, ownValue(me.rules.supportShift, c.id) ?? 0);
    for (const { check } of view.scenario.publicRatification) add(check, 0);
    return { failing, short };
  };
  // What others have said, or their public positions show, they can never sign: no way to pass at home.
  const walls = new Set<string>();
  for (const prior of view.scenario.publicPriors)
    if (prior.about !== view.seat) for (const r of prior.redLines ?? []) walls.add(`${r.issue}=${r.option}`);
  for (const [issue, options] of objections) for (const o of options) walls.add(`${issue}=${o}`);
  // Each step takes the change that closes most of the gap for what it costs us.
  for (let guard = 0; guard < 2 * agendaIssues.size && shortfall(text).failing > 0; guard++) {
    const now = shortfall(text);
    const utilityNow = ownUtility(view, text);
    let best: { text: Text; value: number } | undefined;
    for (const issue of agendaIssues)
      for (const o of view.scenario.packages.flatMap((p) => p.issues).find((i) => i.id === issue)?.options ??
        []) {
        if (text[issue] === o.id || walls.has(`${issue}=${o.id}`)) continue;
        const candidate = { ...text, [issue]: o.id };
        if (crossedRedLines(profileOf(me), candidate).length > 0) continue;
        const at = shortfall(candidate);
        const gain = 100 * (now.failing - at.failing) + (now.short - at.short);
        if (at.failing > now.failing || gain <= 0) continue;
        const value = gain / (Math.max(0, utilityNow - ownUtility(view, candidate)) + 20);
        if (!best || value > best.value) best = { text: candidate, value };
      }
    if (!best) break;
    text = best.text;
  }
  const changes: Text = {};
  for (const [issue, option] of Object.entries(text))
    if (view.text[issue] !== option) changes[issue] = option;
  return { changes, folds };
}

/**
 * Amends each agenda package toward its top issues, paying with its least-weighted ones; accepts a package it
 * likes only on condition that the package it cares about stays as it is; signs like the passive student. As
 * the author of the text it publishes the same logroll over the whole agenda instead of amending, and in later
 * turns folds what the others ask on issues it values less.
 */
function logroller(view: SeatView, memory: StrategyMemory): Move {
  const agenda = agendaPackages(view);
  if (view.canPublish && once(memory, 'publish')) {
    const { changes, folds } = authorLogroll(view);
    if (Object.keys(changes).length > 0)
      return { type: 'text.publish', text: changes, ...(folds.length ? { folds } : {}) };
  }
  if (!view.canPublish) {
    const move = takeCounter(view, memory) ?? fixMandate(view, memory);
    if (move) return move;
  }
  const care = carePackage(view);
  for (const pkg of agenda) {
    if (!view.canPublish && once(memory, `amend:${pkg.id}`)) {
      const options = tradeWithin(view, pkg.id);
      if (options && !alreadyProposed(view, options))
        return { type: 'amendment.propose', package: pkg.id, options };
    }
    if (pkg.acceptedBy.includes(view.seat) || !once(memory, `accept:${pkg.id}`) || !likes(view, pkg.id))
      continue;
    if (pkg.id === care || care === undefined)
      return { type: 'package.accept', package: pkg.id, version: view.textVersion };
    if (likes(view, care))
      return {
        type: 'package.acceptConditional',
        package: pkg.id,
        version: view.textVersion,
        onlyIf: [care],
      };
  }
  // Its signature is its leverage: it signs when it closes the deal (every other side has signed this version)
  // or in the last meeting, not while the others may still move toward it.
  const othersSigned = view.scenario.parties.every(
    (p) => p.id === view.seat || view.signatures[p.id] === view.textVersion,
  );
  // In the last round of a meeting where every side sits, a deal can close now: it does not let it slip.
  const lastRound =
    view.round >= view.meeting.turns - 1 && view.meeting.participants.length === view.scenario.parties.length;
  return view.canPublish || othersSigned || view.meetingsLeft === 0 || lastRound ? signOrEnd(view) : endTurn;
}

/** Whether this seat already proposed exactly these options on the current text. */
function alreadyProposed(view: SeatView, options: Text): boolean {
  return view.openAmendments.some(
    (a) => a.by === view.seat && a.version === view.textVersion && sameOptions(a.options, options),
  );
}

/** Takes up the author's counter (its offer and its price, as one amendment) when the trade is good for us. */
function takeCounter(view: SeatView, memory: StrategyMemory): Move | null {
  const counter = standingCounter(view);
  if (!counter || !once(memory, 'counter')) return null;
  const options = { ...counter.give, ...counter.ask };
  const packages = new Set(Object.keys(options).map((i) => packageOf(view, i)));
  const [pkg] = packages;
  const candidate = { ...view.text, ...options };
  if (packages.size !== 1 || pkg === undefined || alreadyProposed(view, options)) return null;
  if (!safeFor(view, candidate) || ownUtility(view, candidate) <= ownUtility(view, view.text)) return null;
  return { type: 'amendment.propose', package: pkg, options };
}

/**
 * In the last meeting, a package short of the mandate keeps us from signing at all: ask for the one change in it
 * that brings it back within the mandate at the best value for us.
 */
function fixMandate(view: SeatView, memory: StrategyMemory): Move | null {
  if (view.meetingsLeft > 0 || !view.score) return null;
  for (const pkg of agendaPackages(view)) {
    if (share(view, view.text, pkg.id) >= mandateMinimum(view, pkg.id) || !once(memory, `mandate:${pkg.id}`))
      continue;
    let best: { options: Text; utility: number } | undefined;
    for (const issue of issueIds(view, pkg.id))
      for (const option of rankedOptions(view, issue)) {
        if (view.text[issue] === option) continue;
        const candidate = { ...view.text, [issue]: option };
        if (share(view, candidate, pkg.id) < mandateMinimum(view, pkg.id) || !safeFor(view, candidate))
          continue;
        const utility = ownUtility(view, candidate);
        if (!best || utility > best.utility) best = { options: { [issue]: option }, utility };
      }
    if (best && !alreadyProposed(view, best.options))
      return { type: 'amendment.propose', package: pkg.id, options: best.options };
  }
  return null;
}

function conditionLeaves(c: Condition, out: Array<{ issue: string; options: string[] }>): void {
  if ('issue' in c) out.push({ issue: c.issue, options: c.in });
  else if ('all' in c) for (const x of c.all) conditionLeaves(x, out);
  else if ('any' in c) for (const x of c.any) conditionLeaves(x, out);
  else conditionLeaves(c.not, out);
}

/** Every issue:option that any of the seat's real red lines names. */
export function realRedLineOptions(view: SeatView): Set<string> {
  const leaves: Array<{ issue: string; options: string[] }> = [];
  for (const r of brief(view).rules.redLines) conditionLeaves(r.when, leaves);
  return new Set(leaves.flatMap((l) => l.options.map((o) => `${l.issue}:${o}`)));
}

/** The next false red line to declare: a disliked option now in the text, on an agenda issue, not a real red line. */
function nextBluff(view: SeatView, memory: StrategyMemory): { issue: string; option: string } | null {
  const me = brief(view);
  const declared = new Set(
    view.log.flatMap((e) =>
      e.type === 'signal.sent' && e.by === view.seat && e.kind === 'red-line'
        ? [`${e.issue}:${e.option}`]
        : [],
    ),
  );
  if (declared.size >= MAX_BLUFFS) return null;
  const real = realRedLineOptions(view);
  const candidates: Array<{ issue: string; option: string; cost: number; index: number }> = [];
  agendaPackages(view)
    .flatMap((p) => issueIds(view, p.id))
    .forEach((issue, index) => {
      const option = view.text[issue];
      const pref = me.preferences[issue];
      if (option === undefined || !pref) return;
      const key = `${issue}:${option}`;
      if (real.has(key) || declared.has(key) || memory.done.includes(`bluff:${key}`)) return;
      const value = pref.values[option] ?? 0;
      const best = Math.max(0, ...Object.values(pref.values));
      if (value <= DISLIKED_VALUE && best - value >= DISLIKE_GAP)
        candidates.push({ issue, option, cost: pref.weight * (best - value), index });
    });
  candidates.sort((a, b) => b.cost - a.cost || a.index - b.index);
  const pick = candidates[0];
  if (!pick) return null;
  memory.done.push(`bluff:${pick.issue}:${pick.option}`);
  return { issue: pick.issue, option: pick.option };
}

/** Declares false red lines on options it merely dislikes, then plays like the passive student. */
function bluffer(view: SeatView, memory: StrategyMemory): Move {
  const bluff = nextBluff(view, memory);
  if (bluff)
    return { type: 'signal.send', kind: 'red-line', issue: bluff.issue, option: bluff.option, to: 'all' };
  return passive(view, memory);
}

/**
 * Rejects every agenda package in every turn, never accepts, amends or explains; only its very last turn of the
 * game, with nothing left to hold out for, it signs a text that passive signing allows.
 */
function stonewaller(view: SeatView, memory: StrategyMemory): Move {
  for (const pkg of agendaPackages(view)) {
    if (once(memory, `reject:${pkg.id}`))
      return { type: 'package.reject', package: pkg.id, version: view.textVersion };
  }
  const lastTurn = view.meetingsLeft === 0 && view.round >= view.meeting.turns - 1;
  return lastTurn ? signOrEnd(view) : endTurn;
}

const STRATEGIES: Record<StudentStrategy, (view: SeatView, memory: StrategyMemory) => Move> = {
  passive,
  logroller,
  bluffer,
  stonewaller,
};

/** The strategy's next move in its own turn. Call again with the new view until it ends the turn. */
export function strategyMove(strategy: StudentStrategy, view: SeatView, memory: StrategyMemory): Move {
  return STRATEGIES[strategy](view, memory);
}
