// Scripted student strategies (passive, logroller, bluffer, stonewaller): deterministic seat players that show
// whether the AI answers a student, rewards skill and resists gaming. Each move is a pure function of the view.
import type { Move } from '../engine/intents';
import type { SeatView } from '../engine/view';
import type { Condition, Profile, Scenario, Text } from '../scenario/schema';
import { crossedRedLines, packageShare, runCheck } from '../scenario/utility';
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
    const shift = me.rules.supportShift[c.id] ?? 0;
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

function bestOption(view: SeatView, issue: string): string | undefined {
  const values = brief(view).preferences[issue]?.values ?? {};
  const options = view.scenario.packages.flatMap((p) => p.issues).find((i) => i.id === issue)?.options ?? [];
  let best: { id: string; value: number } | undefined;
  for (const o of options) {
    const v = values[o.id] ?? 0;
    if (!best || v > best.value) best = { id: o.id, value: v };
  }
  return best?.id;
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

/**
 * A logroll within the given packages: ask for the seat's best option on its top-weighted issues and give what the
 * others are believed to want on its least-weighted ones, never across its own red lines or ratification.
 */
export function logroll(view: SeatView, packages: string[]): { ask: Text; give: Text } {
  const { top, least } = logrollIssues(view);
  const issues = new Set(packages.flatMap((p) => issueIds(view, p)));
  const ask: Text = {};
  let text: Text = { ...view.text };
  for (const issue of top) {
    const best = bestOption(view, issue);
    if (!issues.has(issue) || best === undefined || text[issue] === best) continue;
    const candidate = { ...text, [issue]: best };
    if (!safeFor(view, candidate)) continue;
    ask[issue] = best;
    text = candidate;
  }
  const give: Text = {};
  for (const issue of least) {
    const wanted = othersWant(view, issue);
    if (!issues.has(issue) || wanted === undefined || text[issue] === wanted) continue;
    const candidate = { ...text, [issue]: wanted };
    if (!safeFor(view, candidate)) continue;
    give[issue] = wanted;
    text = candidate;
  }
  return { ask, give };
}

function sameOptions(a: Text, b: Text): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function likes(view: SeatView, pkg: string): boolean {
  const s = share(view, view.text, pkg);
  return s >= mandateMinimum(view, pkg) && s >= LIKED_SHARE;
}

/**
 * Amends each agenda package toward its top issues, paying with its least-weighted ones; accepts a package it
 * likes only on condition that the package it cares about stays as it is; signs like the passive student. As
 * the author of the text it publishes the same logroll over the whole agenda instead of amending.
 */
function logroller(view: SeatView, memory: StrategyMemory): Move {
  const agenda = agendaPackages(view);
  if (view.canPublish && once(memory, 'publish')) {
    const { ask, give } = logroll(
      view,
      agenda.map((p) => p.id),
    );
    if (Object.keys(ask).length > 0) return { type: 'text.publish', text: { ...ask, ...give } };
  }
  const care = carePackage(view);
  for (const pkg of agenda) {
    if (!view.canPublish && once(memory, `amend:${pkg.id}`)) {
      const { ask, give } = logroll(view, [pkg.id]);
      const options = { ...ask, ...give };
      const repeated = view.openAmendments.some(
        (a) => a.by === view.seat && a.version === view.textVersion && sameOptions(a.options, options),
      );
      if (Object.keys(ask).length > 0 && !repeated)
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
  return signOrEnd(view);
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

/** Rejects every agenda package in every turn and never signs. */
function stonewaller(view: SeatView, memory: StrategyMemory): Move {
  for (const pkg of agendaPackages(view)) {
    if (once(memory, `reject:${pkg.id}`))
      return { type: 'package.reject', package: pkg.id, version: view.textVersion };
  }
  return endTurn;
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
