// The scenario as play has changed it: effective profiles, packages with added options, the live calendar.

import { ownValue, ownValue2 } from '../scenario/own';
import type { Issue, Meeting, Option, Package, Profile, Scenario, Text } from '../scenario/schema';
import { crossedRedLines, discounted, reweigh, utilityOf } from '../scenario/utility';
import type { GameState } from './state';

/** How many entries a memo below keeps (per scenario, per party) before it starts over. A game makes a handful
 * (each event or widened mandate is one), so this only bounds the memory of a long-lived server. */
const MEMO_LIMIT = 512;

/** What the engine looks up in a scenario over and over, indexed once. A scenario is never changed after it is
 * loaded (a new file makes a new object), so the index lives as long as the scenario object. */
interface ScenarioIndex {
  /** Issue id → the first issue with that id, as the scenario file has it. */
  issues: Map<string, Issue>;
  /** Issue id → the first package that holds it. */
  packageOf: Map<string, string>;
  /** Package id → its issue ids, in file order (as `issuesOf`). */
  packageIssues: Map<string, string[]>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

function scenarioIndex(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario);
  if (index) return index;
  index = { issues: new Map(), packageOf: new Map(), packageIssues: new Map() };
  for (const p of scenario.packages) {
    if (!index.packageIssues.has(p.id))
      index.packageIssues.set(
        p.id,
        p.issues.map((i) => i.id),
      );
    for (const i of p.issues) {
      if (!index.issues.has(i.id)) index.issues.set(i.id, i);
      if (!index.packageOf.has(i.id)) index.packageOf.set(i.id, p.id);
    }
  }
  indexes.set(scenario, index);
  return index;
}

const addedOptionIndex = new WeakMap<Scenario, Map<string, Option>>();

/** An option an event added, in the words of `scenario`: the state keeps the one the game was played with, which a
 * view in another language (a class server's) shows in its own. The same object when the scenario is the game's. */
function addedOption(scenario: Scenario, a: { issue: string; option: Option }): Option {
  let index = addedOptionIndex.get(scenario);
  if (!index) {
    index = new Map();
    for (const ev of scenario.events)
      for (const eff of ev.effects)
        if (eff.type === 'addOption') index.set(`${eff.issue}\u0000${eff.option.id}`, eff.option);
    addedOptionIndex.set(scenario, index);
  }
  return index.get(`${a.issue}\u0000${a.option.id}`) ?? a.option;
}

/** Live packages by scenario and by the options events have added (issue and option ids, as a key): events add
 * options rarely, and every state after them would otherwise rebuild the same packages. */
const livePackagesMemo = new WeakMap<Scenario, Map<string, { options: Option[]; packages: Package[] }>>();

/** Packages with any options that events have added. Read-only: the same arrays are handed to every caller. */
export function livePackages(scenario: Scenario, state: GameState): Package[] {
  const added = state.addedOptions;
  if (added.length === 0) return scenario.packages;
  let key = '';
  for (const a of added) key += `${a.issue}\u0000${a.option.id}\u0001`;
  let byKey = livePackagesMemo.get(scenario);
  if (!byKey) {
    byKey = new Map();
    livePackagesMemo.set(scenario, byKey);
  }
  const hit = byKey.get(key);
  // The packages hold the option objects themselves: a hit needs the very same ones (checked without a new list).
  if (
    hit?.options.length === added.length &&
    hit.options.every((o, i) => o === addedOption(scenario, added[i] as (typeof added)[number]))
  )
    return hit.packages;
  const options = added.map((a) => addedOption(scenario, a));
  const packages = scenario.packages.map((p) => ({
    ...p,
    issues: p.issues.map((i): Issue => {
      const extra = options.filter((_, k) => added[k]?.issue === i.id);
      return extra.length ? { ...i, options: [...i.options, ...extra] } : i;
    }),
  }));
  if (byKey.size >= MEMO_LIMIT) byKey.clear();
  byKey.set(key, { options, packages });
  return packages;
}

/** The calendar as a view shows it, by scenario and by the meetings events have dropped. */
const calendarMemo = new WeakMap<Scenario, Map<string, Array<Meeting & { dropped: boolean }>>>();

/** Every meeting of the calendar, marked when an event has dropped it. Read-only: shared by every caller. */
export function liveCalendar(scenario: Scenario, state: GameState): Array<Meeting & { dropped: boolean }> {
  const dropped = state.droppedMeetings;
  const key = dropped.length === 0 ? '[]' : JSON.stringify(dropped);
  let byKey = calendarMemo.get(scenario);
  if (!byKey) {
    byKey = new Map();
    calendarMemo.set(scenario, byKey);
  }
  let calendar = byKey.get(key);
  if (!calendar) {
    calendar = scenario.calendar.map((m) => ({ ...m, dropped: state.droppedMeetings.includes(m.id) }));
    if (byKey.size >= MEMO_LIMIT) byKey.clear();
    byKey.set(key, calendar);
  }
  return calendar;
}

export function findIssue(scenario: Scenario, state: GameState, issueId: string): Issue | undefined {
  const issue = scenarioIndex(scenario).issues.get(issueId);
  if (!issue || state.addedOptions.length === 0) return issue;
  const extra: Option[] = [];
  for (const a of state.addedOptions) if (a.issue === issueId) extra.push(addedOption(scenario, a));
  return extra.length ? { ...issue, options: [...issue.options, ...extra] } : issue;
}

export function packageOfIssue(scenario: Scenario, issueId: string): string | undefined {
  return scenarioIndex(scenario).packageOf.get(issueId);
}

/** A live profile and what the engine derives from it, computed once. */
interface LiveEntry {
  /** The scenario's profile it was made from. */
  source: Profile;
  profile: Profile;
  ideal: number;
  /** Package id → the best utility that package could give (as `packageUtility`'s `best`). */
  best: Map<string, number>;
}

/** A scenario's `weight` effects: event id → party → its weight effects in that event, in file order; and the
 * scenario's issue ids in package order (the order ties are broken in when weights are renormalised). */
interface WeightEffects {
  byEvent: Map<string, Map<string, Array<{ issue: string; delta: number }>>>;
  issues: string[];
}

/** Per scenario: party → what play has changed of its profile (as a key) → the live profile, and the scenario's
 * weight effects. Keyed by content, not by state: a step changes its working state as it goes (a widened mandate,
 * an event's new values) and asks for the live profile again, and most states of a game share one set of
 * changes. */
interface LiveMemo {
  byParty: Map<string, Map<string, LiveEntry>>;
  weights: WeightEffects;
}
const liveMemo = new WeakMap<Scenario, LiveMemo>();
/** Live profiles this module made, to find their derived figures. */
const entries = new WeakMap<Profile, LiveEntry>();

function weightEffectsOf(scenario: Scenario): WeightEffects {
  const byEvent: WeightEffects['byEvent'] = new Map();
  for (const ev of scenario.events) {
    for (const effect of ev.effects) {
      if (effect.type !== 'weight') continue;
      let byParty = byEvent.get(ev.id);
      if (!byParty) {
        byParty = new Map();
        byEvent.set(ev.id, byParty);
      }
      let mine = byParty.get(effect.party);
      if (!mine) {
        mine = [];
        byParty.set(effect.party, mine);
      }
      mine.push({ issue: effect.issue, delta: effect.delta });
    }
  }
  const issues: string[] = [];
  for (const p of scenario.packages) for (const i of p.issues) issues.push(i.id);
  return { byEvent, issues };
}

/** Everything `buildLiveProfile` reads from the state for a party, as a string. */
function shiftKey(state: GameState, party: string, weights: WeightEffects): string {
  let key = `${ownValue(state.reservationShift, party) ?? 0}`;
  const values = ownValue(state.valueShift, party);
  if (values !== undefined) key += `\nv${JSON.stringify(values)}`;
  const mandate = ownValue(state.mandateShift, party);
  if (mandate !== undefined) key += `\nm${JSON.stringify(mandate)}`;
  for (const a of state.addedOptions)
    key += `\na${JSON.stringify([a.issue, a.option.id, a.values[party] ?? 0])}`;
  // Weight effects renormalise, so their order matters: the fired events that carry them, in firing order.
  if (weights.byEvent.size !== 0)
    for (const id of state.firedEvents) if (weights.byEvent.get(id)?.has(party)) key += `\nw${id}`;
  return key;
}

function liveEntry(scenario: Scenario, state: GameState, party: string): LiveEntry {
  const profile = scenario.profiles[party];
  if (!profile) throw new Error(`no profile for party ${party}`);
  let memo = liveMemo.get(scenario);
  if (!memo) {
    memo = { byParty: new Map(), weights: weightEffectsOf(scenario) };
    liveMemo.set(scenario, memo);
  }
  const key = shiftKey(state, party, memo.weights);
  let byKey = memo.byParty.get(party);
  if (!byKey) {
    byKey = new Map();
    memo.byParty.set(party, byKey);
  }
  const hit = byKey.get(key);
  if (hit && hit.source === profile) return hit;
  const live = buildLiveProfile(profile, state, party, memo.weights);
  const best = new Map<string, number>();
  for (const [pkg, issues] of scenarioIndex(scenario).packageIssues) {
    let total = 0;
    for (const issueId of issues) {
      const pref = live.preferences[issueId];
      if (pref) total += pref.weight * Math.max(0, ...Object.values(pref.values));
    }
    best.set(pkg, total);
  }
  const entry: LiveEntry = { source: profile, profile: live, ideal: computeIdeal(live), best };
  if (byKey.size >= MEMO_LIMIT) byKey.clear();
  byKey.set(key, entry);
  entries.set(live, entry);
  return entry;
}

/** The party's weights after the weight effects of the fired events, one after another in firing order (see
 * `reweigh`), by issue id; null when no fired event changes them. */
function liveWeights(
  profile: Profile,
  state: GameState,
  party: string,
  weights: WeightEffects,
): Map<string, number> | null {
  if (weights.byEvent.size === 0) return null;
  let current: number[] | null = null;
  for (const id of state.firedEvents) {
    const mine = weights.byEvent.get(id)?.get(party);
    if (!mine) continue;
    current ??= weights.issues.map((i) => profile.preferences[i]?.weight ?? 0);
    for (const e of mine) current = reweigh(current, weights.issues.indexOf(e.issue), e.delta);
  }
  if (current === null) return null;
  const out = new Map<string, number>();
  weights.issues.forEach((issue, n) => {
    out.set(issue, current[n]!);
  });
  return out;
}

function buildLiveProfile(
  profile: Profile,
  state: GameState,
  party: string,
  weights: WeightEffects,
): Profile {
  const shifts = ownValue(state.valueShift, party) ?? {};
  const added = state.addedOptions;
  const weightNow = liveWeights(profile, state, party, weights);
  const preferences: Profile['preferences'] = {};
  for (const [issueId, pref] of Object.entries(profile.preferences)) {
    const values: Record<string, number> = { ...pref.values };
    for (const a of added) if (a.issue === issueId) values[a.option.id] = a.values[party] ?? 0;
    for (const [option, delta] of Object.entries(shifts[issueId] ?? {})) {
      values[option] = Math.max(0, Math.min(100, (values[option] ?? 0) + delta));
    }
    const weight = weightNow?.get(issueId) ?? pref.weight;
    preferences[issueId] = Object.freeze({ ...pref, weight, values: Object.freeze(values) });
  }
  const mandate: Profile['mandate'] = {};
  for (const [pkg, m] of Object.entries(profile.mandate)) {
    mandate[pkg] = Object.freeze({
      ...m,
      minimum: Math.max(0, m.minimum - (ownValue2(state.mandateShift, party, pkg) ?? 0)),
    });
  }
  // Frozen: every caller gets this same object, so one that wrote to it would change it for all.
  return Object.freeze({
    ...profile,
    preferences: Object.freeze(preferences),
    mandate: Object.freeze(mandate),
    reservation: Object.freeze({
      ...profile.reservation,
      value: Math.max(0, profile.reservation.value + (ownValue(state.reservationShift, party) ?? 0)),
    }),
  });
}

/** A party's profile with every change play has made (events, consultations) applied. Read-only: the same
 * object is handed to every caller while play has changed nothing more for that party. */
export function liveProfile(scenario: Scenario, state: GameState, party: string): Profile {
  return liveEntry(scenario, state, party).profile;
}

/** Share (0–100, rounded down) of its best a text gives a live profile in one package: `packageShare`, with
 * the best taken from the memo. */
function liveShare(scenario: Scenario, entry: LiveEntry, text: Text, pkg: string): number {
  const best = entry.best.get(pkg) ?? 0;
  if (best === 0) return 100;
  const preferences = entry.profile.preferences;
  let value = 0;
  for (const issueId of scenarioIndex(scenario).packageIssues.get(pkg) ?? []) {
    const pref = preferences[issueId];
    if (!pref) continue;
    const option = text[issueId];
    value += pref.weight * (option === undefined ? 0 : (pref.values[option] ?? 0));
  }
  // An integer far inside 32 bits, so `| 0` changes nothing but its form: kept an integer, not a boxed double
  // (which gave the lists and objects holding shares a second shape, and deoptimised the code reading them).
  return Math.floor((value * 100) / best) | 0;
}

function computeIdeal(profile: Profile): number {
  let total = 0;
  for (const pref of Object.values(profile.preferences))
    total += pref.weight * Math.max(0, ...Object.values(pref.values));
  return total;
}

/** The best utility a party could get from any text. */
export function idealUtility(profile: Profile): number {
  return entries.get(profile)?.ideal ?? computeIdeal(profile);
}

export function meetingAt(scenario: Scenario, index: number): Meeting | undefined {
  return scenario.calendar[index];
}

/** Index of the next meeting still on the calendar after `index`, or -1. */
export function nextMeetingIndex(scenario: Scenario, state: GameState, index: number): number {
  for (let i = index + 1; i < scenario.calendar.length; i++) {
    const m = scenario.calendar[i];
    if (m && !state.droppedMeetings.includes(m.id)) return i;
  }
  return -1;
}

export function isLastMeeting(scenario: Scenario, state: GameState): boolean {
  return nextMeetingIndex(scenario, state, state.meeting) === -1;
}

/** Meetings still to come after the current one. */
export function meetingsLeft(scenario: Scenario, state: GameState): number {
  let n = 0;
  for (
    let i = nextMeetingIndex(scenario, state, state.meeting);
    i !== -1;
    i = nextMeetingIndex(scenario, state, i)
  )
    n++;
  return n;
}

export function currentMeeting(scenario: Scenario, state: GameState): Meeting {
  const m = scenario.calendar[state.meeting];
  if (!m) throw new Error('no current meeting');
  return m;
}

/** Who is speaking now, or null when the game is over. */
export function currentSpeaker(state: GameState): string | null {
  if (state.status !== 'negotiating') return null;
  return state.order[state.speaker] ?? null;
}

/** Whether `party` may publish a new text now. */
export function isAuthor(scenario: Scenario, state: GameState, party: string): boolean {
  if (currentSpeaker(state) !== party) return false;
  return scenario.mediator === null || scenario.mediator === party;
}

/** Packages a party accepts at the current text (conditional acceptances included while they hold). */
export function acceptedBy(state: GameState, pkg: string): string[] {
  return Object.keys(ownValue(state.acceptances, pkg) ?? {});
}

/** Packages every party accepts at their current version. */
export function provisionallyAgreed(scenario: Scenario, state: GameState): string[] {
  const agreed: string[] = [];
  for (const p of scenario.packages) {
    const row = ownValue(state.acceptances, p.id);
    let all = true;
    for (const party of scenario.parties) if (row?.[party.id] === undefined) all = false;
    if (all) agreed.push(p.id);
  }
  return agreed;
}

export interface SignCheck {
  ok: boolean;
  redLines: string[];
  /** Packages below the mandate's minimum. */
  mandate: string[];
}

/** Whether a party may sign a text: no red line crossed, every package within its mandate. */
export function signCheck(scenario: Scenario, state: GameState, party: string, text: Text): SignCheck {
  const entry = liveEntry(scenario, state, party);
  const profile = entry.profile;
  const redLines = crossedRedLines(profile, text);
  const mandate: string[] = [];
  for (const p of scenario.packages)
    if (liveShare(scenario, entry, text, p.id) < (profile.mandate[p.id]?.minimum ?? 0)) mandate.push(p.id);
  return { ok: redLines.length === 0 && mandate.length === 0, redLines, mandate };
}

/** A party's share of its best in one package (`packageShare` of its live profile). */
export function livePackageShare(
  scenario: Scenario,
  state: GameState,
  party: string,
  text: Text,
  pkg: string,
): number {
  return liveShare(scenario, liveEntry(scenario, state, party), text, pkg);
}

/** A party's share of its best in each package of the scenario (`packageShare` of its live profile), in file
 * order. */
export function liveShares(scenario: Scenario, state: GameState, party: string, text: Text): number[] {
  return liveProfileAndShares(scenario, state, party, text).shares;
}

/** `liveProfile` and `liveShares` at once (one look-up of the live profile). */
export function liveProfileAndShares(
  scenario: Scenario,
  state: GameState,
  party: string,
  text: Text,
): { profile: Profile; shares: number[] } {
  const entry = liveEntry(scenario, state, party);
  // Pushed, so the list is of one kind whether optimised code or not builds it.
  const shares: number[] = [];
  for (const p of scenario.packages) shares.push(liveShare(scenario, entry, text, p.id));
  return { profile: entry.profile, shares };
}

/** The utility to a party of a deal on `text` if it were signed now. */
export function dealUtilityNow(scenario: Scenario, state: GameState, party: string, text: Text): number {
  return discounted(
    utilityOf(liveProfile(scenario, state, party), text),
    scenario.discountPerMeeting,
    state.meetingsElapsed,
  );
}
