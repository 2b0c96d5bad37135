// Properties: the optimised views and live profiles (filtered logs kept per seat, memoised profiles and packages)
// equal the straightforward ones, kept here as the reference, on random games with events, consultations,
// private signals and forks, for every seat, for the newest state and for earlier ones.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playAiTurn } from '../../src/ai/ai-game';
import type { Difficulty } from '../../src/ai/decide';
import {
  applyIntent,
  createGame,
  currentSpeaker,
  DIRECTOR,
  eventsOf,
  type GameEvent,
  type GameState,
  idealUtility,
  isAuthor,
  livePackages,
  liveProfile,
  meetingsLeft,
  provisionallyAgreed,
  type SeatView,
  seatNews,
  signCheck,
  VIEW_VERSION,
  viewFor,
} from '../../src/engine';
import {
  type Condition,
  type Issue,
  type Package,
  type Profile,
  type RatificationCheck,
  type Scenario,
  ScenarioSchema,
  type Text,
} from '../../src/scenario/schema';
import { harbour, miami } from './fixtures';

// ---------------------------------------------------------------------------------------------------------
// The reference: the engine's view and live profile as first written, recomputing everything on every call.

function refHolds(condition: Condition, text: Text): boolean {
  if ('issue' in condition) {
    const option = text[condition.issue];
    return option !== undefined && condition.in.includes(option);
  }
  if ('all' in condition) return condition.all.every((c) => refHolds(c, text));
  if ('any' in condition) return condition.any.some((c) => refHolds(c, text));
  return !refHolds(condition.not, text);
}

function refUtility(profile: Profile, text: Text): number {
  let total = 0;
  for (const [issueId, pref] of Object.entries(profile.preferences)) {
    const option = text[issueId];
    if (option === undefined) continue;
    total += pref.weight * (pref.values[option] ?? 0);
  }
  return total;
}

function refShare(scenario: Scenario, profile: Profile, text: Text, packageId: string): number {
  const pkg = scenario.packages.find((p) => p.id === packageId);
  let value = 0;
  let best = 0;
  for (const issueId of pkg ? pkg.issues.map((i) => i.id) : []) {
    const pref = profile.preferences[issueId];
    if (!pref) continue;
    const option = text[issueId];
    value += pref.weight * (option === undefined ? 0 : (pref.values[option] ?? 0));
    best += pref.weight * Math.max(0, ...Object.values(pref.values));
  }
  return best === 0 ? 100 : Math.floor((value * 100) / best);
}

function refCrossed(profile: Profile, text: Text): string[] {
  return profile.redLines.filter((r) => refHolds(r.when, text)).map((r) => r.id);
}

function refRunCheck(check: RatificationCheck, text: Text, shift = 0) {
  if (check.kind === 'consent') {
    return { id: check.id, body: check.body, passed: !refHolds(check.failsWhen, text) };
  }
  if (check.appliesWhen !== undefined && !refHolds(check.appliesWhen, text))
    return { id: check.id, body: check.body, passed: true, applies: false };
  let support = check.base + shift;
  for (const effect of check.effects) if (refHolds(effect.when, text)) support += effect.delta;
  support = Math.max(0, Math.min(100, support));
  return {
    id: check.id,
    body: check.body,
    passed: support >= check.threshold,
    support,
    threshold: check.threshold,
  };
}

function refDiscounted(utility: number, discountPercent: number, meetingsElapsed: number): number {
  let factor = 10000;
  for (let k = 0; k < meetingsElapsed; k++) factor = Math.floor((factor * (100 - discountPercent)) / 100);
  return Math.floor((utility * factor) / 10000);
}

function refLivePackages(scenario: Scenario, state: GameState): Package[] {
  if (state.addedOptions.length === 0) return scenario.packages;
  return scenario.packages.map((p) => ({
    ...p,
    issues: p.issues.map((i): Issue => {
      const extra = state.addedOptions.filter((a) => a.issue === i.id).map((a) => a.option);
      return extra.length ? { ...i, options: [...i.options, ...extra] } : i;
    }),
  }));
}

function refLiveProfile(scenario: Scenario, state: GameState, party: string): Profile {
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

function refIdeal(profile: Profile): number {
  let total = 0;
  for (const pref of Object.values(profile.preferences))
    total += pref.weight * Math.max(0, ...Object.values(pref.values));
  return total;
}

function refSignCheck(scenario: Scenario, state: GameState, party: string, text: Text) {
  const profile = refLiveProfile(scenario, state, party);
  const redLines = refCrossed(profile, text);
  const mandate = scenario.packages
    .map((p) => p.id)
    .filter((p) => refShare(scenario, profile, text, p) < (profile.mandate[p]?.minimum ?? 0));
  return { ok: redLines.length === 0 && mandate.length === 0, redLines, mandate };
}

function refViewFor(scenario: Scenario, state: GameState, seat: string): SeatView {
  const isParty = scenario.parties.some((p) => p.id === seat);
  const meeting = scenario.calendar[state.meeting];
  if (!meeting) throw new Error('no current meeting');
  const agreed = provisionallyAgreed(scenario, state);
  const packages = scenario.packages.map((p) => {
    const conditional: Record<string, string[]> = {};
    for (const [party, acc] of Object.entries(state.acceptances[p.id] ?? {})) {
      if (acc.onlyIf) conditional[party] = Object.keys(acc.onlyIf);
    }
    return {
      id: p.id,
      name: p.name,
      version: state.packageVersion[p.id] ?? 1,
      onAgenda: meeting.agenda.includes(p.id),
      acceptedBy: Object.keys(state.acceptances[p.id] ?? {}),
      conditional,
      rejectedBy: Object.keys(state.rejections[p.id] ?? {}),
      agreed: agreed.includes(p.id),
    };
  });
  const log = eventsOf(state)
    .filter((e) => seat === DIRECTOR || e.to === 'all' || e.to.includes(seat))
    .map((e) => {
      if (!e.private || e.private.party === seat) return e;
      const { private: _hidden, ...rest } = e;
      return rest as GameEvent;
    });
  let me: SeatView['me'] = null;
  let score: SeatView['score'] = null;
  if (isParty) {
    const profile = refLiveProfile(scenario, state, seat);
    const text = state.text;
    me = {
      party: seat,
      summary: profile.brief.summary,
      interests: profile.brief.interests,
      instructions: profile.brief.instructions,
      preferences: profile.preferences,
      reservation: profile.reservation.value,
      ideal: refIdeal(profile),
      redLines: profile.redLines.map((r) => ({
        id: r.id,
        description: r.description,
        crossedNow: refCrossed({ ...profile, redLines: [r] }, text).length > 0,
      })),
      mandate: scenario.packages.map((p) => ({
        package: p.id,
        minimum: profile.mandate[p.id]?.minimum ?? 0,
        shareNow: refShare(scenario, profile, text, p.id),
      })),
      ratification: profile.ratification.map((c) => {
        const r = refRunCheck(c, text, state.supportShift[seat]?.[c.id] ?? 0);
        return {
          id: c.id,
          body: c.body,
          description: c.description,
          passesNow: r.passed,
          ...('applies' in r ? { notNeeded: true as const } : {}),
          ...(r.support !== undefined ? { support: r.support, threshold: r.threshold } : {}),
        };
      }),
      trust: { ...(state.trust[seat] ?? {}) },
      consulting: state.pendingConsultations.filter((c) => c.party === seat).map((c) => c.package),
      rules: {
        redLines: profile.redLines,
        ratification: profile.ratification,
        supportShift: { ...(state.supportShift[seat] ?? {}) },
      },
      personality: profile.personality,
    };
    const utility = refUtility(profile, text);
    const now = refDiscounted(utility, scenario.discountPerMeeting, state.meetingsElapsed);
    const next = refDiscounted(utility, scenario.discountPerMeeting, state.meetingsElapsed + 1);
    const check = refSignCheck(scenario, state, seat, text);
    score = {
      utility,
      discounted: now,
      nextMeetingLoss: now - next,
      canSign: check.ok,
      signBlockers: [
        ...check.redLines.map((r) => `red line: ${r}`),
        ...check.mandate.map((p) => `mandate: ${p}`),
      ],
    };
  }
  const speaker = currentSpeaker(state);
  return {
    v: VIEW_VERSION,
    seat,
    scenario: {
      id: scenario.meta.id,
      title: scenario.meta.title,
      asOf: scenario.meta.asOf,
      summary: scenario.meta.summary,
      parties: scenario.parties,
      mediator: scenario.mediator,
      packages: refLivePackages(scenario, state),
      calendar: scenario.calendar.map((m) => ({ ...m, dropped: state.droppedMeetings.includes(m.id) })),
      discountPerMeeting: scenario.discountPerMeeting,
      publicPriors: scenario.publicPriors,
      glossary: scenario.glossary ?? {},
      sources: scenario.meta.sources,
      publicRatification: scenario.parties
        .filter((p) => p.id !== seat)
        .flatMap((p) =>
          (scenario.profiles[p.id]?.ratification ?? [])
            .filter((check) => check.public === true)
            .map((check) => ({ party: p.id, check })),
        ),
    },
    status: state.status,
    meeting: {
      index: state.meeting,
      id: meeting.id,
      venue: meeting.venue,
      date: meeting.date,
      participants: meeting.participants,
      agenda: meeting.agenda,
      turns: meeting.turns,
    },
    round: state.round,
    speaker,
    myTurn: speaker === seat,
    canPublish: isParty && isAuthor(scenario, state, seat),
    meetingsElapsed: state.meetingsElapsed,
    meetingsLeft: meetingsLeft(scenario, state),
    textVersion: state.textVersion,
    text: { ...state.text },
    packages,
    signatures: { ...state.signatures },
    openAmendments: state.amendments.filter(
      (a) =>
        a.status === 'open' &&
        (seat === DIRECTOR || scenario.calendar[a.meeting]?.participants.includes(seat)),
    ),
    me,
    score,
    log,
    // Not memoised: the news are read from the seat's log as they are.
    news: seatNews(scenario, log, seat),
    outcome: state.outcome,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios: the two-party fixture with events a teacher injects that shift values (clamped at both ends),
// add an option and shift its value, move reservations, support and trust, and drop a meeting; and the default.

function harbourWithSwings(): Scenario {
  const sc = structuredClone(harbour()) as Scenario;
  const issues = sc.packages.flatMap((p) => p.issues);
  const [a, b, c] = [issues[0]!, issues[1]!, issues[issues.length - 1]!];
  const [north, south] = sc.parties.map((p) => p.id) as [string, string];
  const support = (party: string) => sc.profiles[party]!.ratification.find((r) => r.kind === 'support')?.id;
  sc.events.push(
    {
      id: 'swing',
      title: 'A swing',
      text: 'Opinion swings on both sides.',
      effects: [
        { type: 'value', party: north, issue: a.id, option: a.options[0]!.id, delta: 90 },
        { type: 'value', party: north, issue: b.id, option: b.options[1]!.id, delta: -90 },
        { type: 'value', party: south, issue: a.id, option: a.options[1]!.id, delta: 35 },
        { type: 'value', party: south, issue: c.id, option: c.options[0]!.id, delta: -20 },
        { type: 'reservation', party: south, delta: -700 },
        { type: 'trust', party: north, toward: south, delta: 15 },
        ...(support(south)
          ? [{ type: 'support' as const, party: south, check: support(south)!, delta: 7 }]
          : []),
      ],
      sources: [],
    },
    {
      id: 'new-option',
      title: 'A new option',
      text: 'A compromise appears.',
      effects: [
        {
          type: 'addOption',
          issue: c.id,
          option: {
            id: 'compromise',
            label: 'A compromise',
            description: 'Split it.',
            status: 'new',
            sources: [],
          },
          values: { [north]: 60 },
        },
        { type: 'value', party: south, issue: c.id, option: 'compromise', delta: 45 },
      ],
      sources: [],
    },
    {
      id: 'second-swing',
      title: 'Another swing',
      text: 'It swings back.',
      effects: [
        { type: 'value', party: north, issue: a.id, option: a.options[0]!.id, delta: -30 },
        { type: 'reservation', party: north, delta: 400 },
      ],
      sources: [],
    },
    {
      id: 'cancelled',
      title: 'A meeting is cancelled',
      text: 'The last meeting will not take place.',
      effects: [{ type: 'dropMeeting', meeting: sc.calendar[sc.calendar.length - 1]!.id }],
      sources: [],
    },
  );
  return ScenarioSchema.parse(sc);
}

const scenarios: Array<[string, Scenario]> = [['harbour with swings', harbourWithSwings()]];
if (existsSync(new URL('../../assets/scenarios/miami-2025.yaml', import.meta.url)))
  scenarios.push(['miami', miami()]);

// ---------------------------------------------------------------------------------------------------------
// Random games: AI seats, with a driver that now and then injects an event, has the speaker consult its
// capital, send a private or public signal or propose an amendment, or forks the game from an earlier state.

interface Played {
  /** Every state reached, forks included, in the order reached. */
  states: GameState[];
  /** For each state reached by an intent, the events that intent produced. */
  produced: Map<GameState, GameEvent[]>;
}

function play(sc: Scenario, seed: number, difficulty: Difficulty, salt: number): Played {
  let x = salt | 0;
  const rnd = () => {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) | 0;
    return (x >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parties = sc.parties.map((p) => p.id);
  const issues = sc.packages.flatMap((p) => p.issues);
  const states: GameState[] = [];
  const produced = new Map<GameState, GameEvent[]>();
  const tryIntent = (state: GameState, intent: Record<string, unknown>): GameState => {
    const r = applyIntent(sc, state, { v: 1, ...intent });
    if (!r.ok) return state;
    states.push(r.state);
    produced.set(r.state, r.events);
    return r.state;
  };
  let state = createGame(sc, seed);
  states.push(state);
  for (let guard = 0; state.status === 'negotiating' && guard < 400; guard++) {
    const seat = state.order[state.speaker]!;
    const roll = rnd();
    if (roll < 0.12) {
      const unfired = sc.events.filter((e) => !state.firedEvents.includes(e.id));
      if (unfired.length)
        state = tryIntent(state, { seat: DIRECTOR, type: 'event.inject', event: pick(unfired).id });
    } else if (roll < 0.2) {
      state = tryIntent(state, { seat, type: 'capital.consult', package: pick(sc.packages).id });
      continue;
    } else if (roll < 0.3) {
      const issue = pick(issues);
      const others = parties.filter((p) => p !== seat);
      const kind = pick(['priority', 'concern', 'red-line', 'commitment'] as const);
      state = tryIntent(state, {
        seat,
        type: 'signal.send',
        kind,
        issue: issue.id,
        option: pick(issue.options).id,
        to: kind === 'commitment' || rnd() < 0.4 ? 'all' : [pick(others)],
        reason: { public: 'said', private: `a secret of ${seat}` },
      });
    } else if (roll < 0.36) {
      const pkg = pick(sc.packages);
      const issue = pick(pkg.issues);
      state = tryIntent(state, {
        seat,
        type: 'amendment.propose',
        package: pkg.id,
        options: { [issue.id]: pick(issue.options).id },
      });
    } else if (roll < 0.4 && states.length > 4) {
      // A fork: an earlier state, whose log array later states have grown, takes a different turn.
      const old = pick(states);
      const speaker = old.status === 'negotiating' ? old.order[old.speaker] : undefined;
      if (speaker) tryIntent(old, { seat: speaker, type: 'turn.end' });
    }
    if (state.status !== 'negotiating') break;
    state = playAiTurn(sc, state, state.order[state.speaker]!, difficulty, (_intent, s) => {
      states.push(s);
    });
  }
  return { states, produced };
}

const seatsOf = (sc: Scenario) => [...sc.parties.map((p) => p.id), DIRECTOR, 'nobody'];

describe('optimised views and live profiles equal the reference', () => {
  for (const [name, sc] of scenarios) {
    it(`on ${name}: viewFor equals the reference for every seat, at every state, newest or earlier`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000 }),
          fc.constantFrom<Difficulty>('easy', 'medium', 'hard'),
          fc.integer(),
          (seed, difficulty, salt) => {
            const { states } = play(sc, seed, difficulty, salt);
            // Views in play order (the cached seat logs grow as the game does)…
            for (const s of states)
              for (const seat of seatsOf(sc))
                expect(JSON.stringify(viewFor(sc, s, seat))).toBe(JSON.stringify(refViewFor(sc, s, seat)));
            // …and again backwards, once the shared log is longer than each state's own events.
            for (let i = states.length - 1; i >= 0; i -= 3)
              for (const seat of seatsOf(sc))
                expect(JSON.stringify(viewFor(sc, states[i]!, seat))).toBe(
                  JSON.stringify(refViewFor(sc, states[i]!, seat)),
                );
          },
        ),
        { numRuns: 6, seed: 20251207 },
      );
      // Every view of six whole games against a reference that rebuilds each from scratch: tens of seconds on a
      // busy 2-core machine (47 s once), so a generous bound (behaviour, not speed).
    }, 240_000);

    it(`on ${name}: live profiles, packages and sign checks are never stale after events and consultations`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000 }),
          fc.constantFrom<Difficulty>('easy', 'medium', 'hard'),
          fc.integer(),
          (seed, difficulty, salt) => {
            const { states, produced } = play(sc, seed, difficulty, salt);
            const check = (s: GameState) => {
              for (const p of sc.parties) {
                const live = liveProfile(sc, s, p.id);
                expect(JSON.stringify(live)).toBe(JSON.stringify(refLiveProfile(sc, s, p.id)));
                expect(idealUtility(live)).toBe(refIdeal(refLiveProfile(sc, s, p.id)));
                expect(signCheck(sc, s, p.id, s.text)).toEqual(refSignCheck(sc, s, p.id, s.text));
              }
              expect(JSON.stringify(livePackages(sc, s))).toBe(JSON.stringify(refLivePackages(sc, s)));
            };
            states.forEach(check);
            // Earlier states after later ones have filled the memo with other profiles.
            [...states].reverse().forEach(check);
            // What the engine computed mid-step, from a working state it had just changed: a capital's
            // reply after a widened mandate, and the outcome after the events of the last meeting.
            for (const [s, events] of produced) {
              for (const e of events) {
                if (e.type === 'capital.replied')
                  expect(e.minimum).toBe(refLiveProfile(sc, s, e.party).mandate[e.package]?.minimum ?? 0);
                if (e.type === 'game.ended')
                  for (const r of e.outcome.results) {
                    const profile = refLiveProfile(sc, s, r.party);
                    expect(r.reservation).toBe(profile.reservation.value);
                    expect(r.ideal).toBe(refIdeal(profile));
                  }
              }
            }
          },
        ),
        { numRuns: 6, seed: 20251208 },
      );
    }, 240_000);
  }

  it('gives a new live profile once an injected event changes values, and the old one to the state before it', () => {
    const sc = harbourWithSwings();
    const before = createGame(sc, 7);
    const north = sc.parties[0]!.id;
    const old = liveProfile(sc, before, north);
    const r = applyIntent(sc, before, { v: 1, seat: DIRECTOR, type: 'event.inject', event: 'swing' });
    if (!r.ok) throw new Error(r.error.message);
    const after = liveProfile(sc, r.state, north);
    expect(after).not.toBe(old);
    expect(after).toEqual(refLiveProfile(sc, r.state, north));
    expect(after).not.toEqual(old);
    expect(liveProfile(sc, before, north)).toBe(old);
    expect(viewFor(sc, before, north).me?.preferences).toEqual(refLiveProfile(sc, before, north).preferences);
    expect(viewFor(sc, r.state, north).me?.preferences).toEqual(
      refLiveProfile(sc, r.state, north).preferences,
    );
  });

  it('hands out live profiles that cannot be changed by accident', () => {
    const sc = harbourWithSwings();
    const state = createGame(sc, 7);
    const profile = liveProfile(sc, state, sc.parties[0]!.id);
    const issue = Object.keys(profile.preferences)[0]!;
    expect(Object.isFrozen(profile)).toBe(true);
    expect(Object.isFrozen(profile.preferences[issue]!.values)).toBe(true);
    expect(Object.isFrozen(profile.mandate)).toBe(true);
  });
});
