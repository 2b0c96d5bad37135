// The scenario as play has changed it: effective profiles, packages with added options, the live calendar.
import type { Issue, Meeting, Package, Profile, Scenario, Text } from '../scenario/schema';
import { crossedRedLines, discounted, packageShare, utilityOf } from '../scenario/utility';
import type { GameState } from './state';

/** Packages with any options that events have added. */
export function livePackages(scenario: Scenario, state: GameState): Package[] {
  if (state.addedOptions.length === 0) return scenario.packages;
  return scenario.packages.map((p) => ({
    ...p,
    issues: p.issues.map((i): Issue => {
      const extra = state.addedOptions.filter((a) => a.issue === i.id).map((a) => a.option);
      return extra.length ? { ...i, options: [...i.options, ...extra] } : i;
    }),
  }));
}

export function findIssue(scenario: Scenario, state: GameState, issueId: string): Issue | undefined {
  for (const p of livePackages(scenario, state)) for (const i of p.issues) if (i.id === issueId) return i;
  return undefined;
}

export function packageOfIssue(scenario: Scenario, issueId: string): string | undefined {
  return scenario.packages.find((p) => p.issues.some((i) => i.id === issueId))?.id;
}

/** A party's profile with every change play has made (events, consultations) applied. */
export function liveProfile(scenario: Scenario, state: GameState, party: string): Profile {
  const profile = scenario.profiles[party];
  if (!profile) throw new Error(`no profile for party ${party}`);
  const shifts = state.valueShift[party] ?? {};
  const added = state.addedOptions;
  const preferences: Profile['preferences'] = {};
  for (const [issueId, pref] of Object.entries(profile.preferences)) {
    const values: Record<string, number> = { ...pref.values };
    for (const a of added) if (a.issue === issueId) values[a.option.id] = a.values[party] ?? 0;
    for (const [option, delta] of Object.entries(shifts[issueId] ?? {})) {
      values[option] = Math.max(0, Math.min(100, (values[option] ?? 0) + delta));
    }
    preferences[issueId] = { ...pref, values };
  }
  const mandate: Profile['mandate'] = {};
  for (const [pkg, m] of Object.entries(profile.mandate)) {
    mandate[pkg] = { ...m, minimum: Math.max(0, m.minimum - (state.mandateShift[party]?.[pkg] ?? 0)) };
  }
  return {
    ...profile,
    preferences,
    mandate,
    reservation: {
      ...profile.reservation,
      value: Math.max(0, profile.reservation.value + (state.reservationShift[party] ?? 0)),
    },
  };
}

/** The best utility a party could get from any text. */
export function idealUtility(profile: Profile): number {
  let total = 0;
  for (const pref of Object.values(profile.preferences))
    total += pref.weight * Math.max(0, ...Object.values(pref.values));
  return total;
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
  return Object.keys(state.acceptances[pkg] ?? {});
}

/** Packages every party accepts at their current version. */
export function provisionallyAgreed(scenario: Scenario, state: GameState): string[] {
  return scenario.packages
    .map((p) => p.id)
    .filter((p) => scenario.parties.every((party) => state.acceptances[p]?.[party.id] !== undefined));
}

export interface SignCheck {
  ok: boolean;
  redLines: string[];
  /** Packages below the mandate's minimum. */
  mandate: string[];
}

/** Whether a party may sign a text: no red line crossed, every package within its mandate. */
export function signCheck(scenario: Scenario, state: GameState, party: string, text: Text): SignCheck {
  const profile = liveProfile(scenario, state, party);
  const redLines = crossedRedLines(profile, text);
  const mandate = scenario.packages
    .map((p) => p.id)
    .filter((p) => packageShare(scenario, profile, text, p) < (profile.mandate[p]?.minimum ?? 0));
  return { ok: redLines.length === 0 && mandate.length === 0, redLines, mandate };
}

/** The utility to a party of a deal on `text` if it were signed now. */
export function dealUtilityNow(scenario: Scenario, state: GameState, party: string, text: Text): number {
  return discounted(
    utilityOf(liveProfile(scenario, state, party), text),
    scenario.discountPerMeeting,
    state.meetingsElapsed,
  );
}
