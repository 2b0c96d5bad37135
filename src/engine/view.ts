// viewFor: the only way a seat sees the game. Everything private to other parties is left out here, in one place.
import type {
  Meeting,
  Package,
  Party,
  Profile,
  PublicPrior,
  RatificationCheck,
  RedLine,
  Scenario,
  Text,
} from '../scenario/schema';
import { crossedRedLines, discounted, packageShare, runCheck, utilityOf } from '../scenario/utility';
import { DIRECTOR } from './intents';
import {
  acceptedBy,
  currentSpeaker,
  idealUtility,
  isAuthor,
  livePackages,
  liveProfile,
  meetingsLeft,
  provisionallyAgreed,
  signCheck,
} from './live';
import { type Amendment, eventsOf, type GameEvent, type GameState, type Outcome } from './state';

export const VIEW_VERSION = 1;

export interface PackageView {
  id: string;
  name: string;
  version: number;
  onAgenda: boolean;
  acceptedBy: string[];
  conditional: Record<string, string[]>;
  rejectedBy: string[];
  agreed: boolean;
}

export interface SeatBrief {
  party: string;
  summary: string;
  interests: string[];
  instructions: string;
  preferences: Profile['preferences'];
  reservation: number;
  ideal: number;
  redLines: Array<{ id: string; description: string; crossedNow: boolean }>;
  mandate: Array<{ package: string; minimum: number; shareNow: number }>;
  ratification: Array<{
    id: string;
    body: string;
    description: string;
    passesNow: boolean;
    support?: number;
    threshold?: number;
  }>;
  trust: Record<string, number>;
  consulting: string[];
  /** The seat's own rules in machine form, for its AI and its live checks. */
  rules: { redLines: RedLine[]; ratification: RatificationCheck[]; supportShift: Record<string, number> };
  personality: Profile['personality'];
}

export interface SeatView {
  v: typeof VIEW_VERSION;
  seat: string;
  scenario: {
    id: string;
    title: string;
    asOf: string;
    summary: string;
    parties: Party[];
    mediator: string | null;
    packages: Package[];
    calendar: Array<Meeting & { dropped: boolean }>;
    discountPerMeeting: number;
    publicPriors: PublicPrior[];
    glossary: Record<string, string>;
  };
  status: GameState['status'];
  meeting: {
    index: number;
    id: string;
    venue: string;
    date: string;
    participants: string[];
    agenda: string[];
    turns: number;
  };
  round: number;
  speaker: string | null;
  myTurn: boolean;
  canPublish: boolean;
  meetingsElapsed: number;
  meetingsLeft: number;
  textVersion: number;
  text: Text;
  packages: PackageView[];
  signatures: Record<string, number>;
  openAmendments: Amendment[];
  /** Only for a party seat. */
  me: SeatBrief | null;
  /** The seat's own utility of the current text, now and after the time discount so far. */
  score: {
    utility: number;
    discounted: number;
    nextMeetingLoss: number;
    canSign: boolean;
    signBlockers: string[];
  } | null;
  log: GameEvent[];
  outcome: Outcome | null;
}

function visible(event: GameEvent, seat: string): boolean {
  if (seat === DIRECTOR) return true;
  return event.to === 'all' || event.to.includes(seat);
}

/** What `seat` (a party id, or the director) may see of the game. */
export function viewFor(scenario: Scenario, state: GameState, seat: string): SeatView {
  const isParty = scenario.parties.some((p) => p.id === seat);
  const meeting = scenario.calendar[state.meeting];
  if (!meeting) throw new Error('no current meeting');
  const agreed = provisionallyAgreed(scenario, state);
  const packages: PackageView[] = scenario.packages.map((p) => {
    const conditional: Record<string, string[]> = {};
    for (const [party, acc] of Object.entries(state.acceptances[p.id] ?? {})) {
      if (acc.onlyIf) conditional[party] = Object.keys(acc.onlyIf);
    }
    return {
      id: p.id,
      name: p.name,
      version: state.packageVersion[p.id] ?? 1,
      onAgenda: meeting.agenda.includes(p.id),
      acceptedBy: acceptedBy(state, p.id),
      conditional,
      rejectedBy: Object.keys(state.rejections[p.id] ?? {}),
      agreed: agreed.includes(p.id),
    };
  });
  const log = eventsOf(state)
    .filter((e) => visible(e, seat))
    .map((e) => {
      if (!e.private || e.private.party === seat) return e;
      const { private: _hidden, ...rest } = e;
      return rest as GameEvent;
    });
  let me: SeatBrief | null = null;
  let score: SeatView['score'] = null;
  if (isParty) {
    const profile = liveProfile(scenario, state, seat);
    const text = state.text;
    me = {
      party: seat,
      summary: profile.brief.summary,
      interests: profile.brief.interests,
      instructions: profile.brief.instructions,
      preferences: profile.preferences,
      reservation: profile.reservation.value,
      ideal: idealUtility(profile),
      redLines: profile.redLines.map((r) => ({
        id: r.id,
        description: r.description,
        crossedNow: crossedRedLines({ ...profile, redLines: [r] }, text).length > 0,
      })),
      mandate: scenario.packages.map((p) => ({
        package: p.id,
        minimum: profile.mandate[p.id]?.minimum ?? 0,
        shareNow: packageShare(scenario, profile, text, p.id),
      })),
      ratification: profile.ratification.map((c) => {
        const r = runCheck(c, text, state.supportShift[seat]?.[c.id] ?? 0);
        return {
          id: c.id,
          body: c.body,
          description: c.description,
          passesNow: r.passed,
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
    const utility = utilityOf(profile, text);
    const now = discounted(utility, scenario.discountPerMeeting, state.meetingsElapsed);
    const next = discounted(utility, scenario.discountPerMeeting, state.meetingsElapsed + 1);
    const check = signCheck(scenario, state, seat, text);
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
      packages: livePackages(scenario, state),
      calendar: scenario.calendar.map((m) => ({ ...m, dropped: state.droppedMeetings.includes(m.id) })),
      discountPerMeeting: scenario.discountPerMeeting,
      publicPriors: scenario.publicPriors,
      glossary: scenario.glossary ?? {},
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
    outcome: state.outcome,
  };
}
