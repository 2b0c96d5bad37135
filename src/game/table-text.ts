// Words and numbers the table canvas shows, and which animation each game event gets; pure, so it is testable without Phaser.
import { meetingPosition } from '../engine/seat-figures';
import type { GameEvent, Outcome } from '../engine/state';
import { formatDate, PROPOSAL_NAMES, VERDICT_VERBS } from '../engine/transcript';
import type { SeatView } from '../engine/view';

export { formatDate };

/** 12345 → '12,345', without depending on the browser's locale. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '−' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function partyName(view: SeatView, id: string, short = true): string {
  const party = view.scenario.parties.find((p) => p.id === id);
  if (!party) return id;
  return short ? party.shortName : party.name;
}

export function packageName(view: SeatView, id: string): string {
  return view.scenario.packages.find((p) => p.id === id)?.name ?? id;
}

export function roundLabel(view: SeatView): string {
  return `Round ${Math.min(view.round + 1, view.meeting.turns)} of ${view.meeting.turns}`;
}

export function meetingLabel(view: Pick<SeatView, 'meeting' | 'scenario'>): string {
  const pos = meetingPosition(view);
  return `Meeting ${pos.number} of ${pos.total}`;
}

/** A package card's version badge. The text has one version number (the log's and the status bar's); a
 * package unchanged in the latest version says since when, so a card never shows an older number as the text's. */
export function packageBadge(view: Pick<SeatView, 'textVersion'>, packageVersion: number): string {
  return packageVersion === view.textVersion ? `v${view.textVersion}` : `since v${packageVersion}`;
}

/** The time-cost line, or null when the seat has no score (the director). */
export function costLine(view: SeatView, short = false): string | null {
  if (!view.score) return null;
  // At the last meeting there is no next one to lose points to: what is at stake is the deal itself.
  if (view.meetingsLeft === 0)
    return short
      ? 'Last meeting: no deal now means no deal'
      : 'This is the last meeting: no deal by its end means no deal';
  const loss = groupDigits(view.score.nextMeetingLoss);
  const rate = view.scenario.discountPerMeeting;
  return short
    ? `Next meeting without a deal: −${loss} points (${rate}%)`
    : `Each meeting without a deal costs ${rate}% — next meeting costs you ${loss} points`;
}

export function outcomeTitle(view: SeatView, outcome: Outcome): string {
  if (outcome.kind === 'deal') return 'Agreement signed';
  if (outcome.kind === 'walkout') {
    return outcome.walkedAwayBy ? `${partyName(view, outcome.walkedAwayBy, false)} walked away` : 'Walkout';
  }
  return 'No agreement';
}

function issueAndOption(
  view: SeatView,
  issue: string,
  option: string | null,
): { issue: string; option: string | null } {
  for (const pkg of view.scenario.packages) {
    const found = pkg.issues.find((i) => i.id === issue);
    if (found) {
      const opt = option === null ? null : (found.options.find((o) => o.id === option)?.label ?? option);
      return { issue: found.name, option: opt };
    }
  }
  return { issue, option };
}

const SIGNAL_TITLES: Record<string, string> = {
  priority: 'Priority',
  concern: 'Concern',
  commitment: 'Public commitment',
  'red-line': 'Red line',
  retract: 'Retracts',
};

export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** What the canvas does for one event; unknown or uninteresting events give null. */
export type TableEffect =
  | { kind: 'flip'; packages: string[]; version: number }
  | { kind: 'fly'; party: string; package: string; conditional: boolean }
  | { kind: 'shake'; party: string; package: string }
  | { kind: 'fade-dot'; party: string; package: string }
  | { kind: 'bubble'; party: string; title: string; body: string }
  | { kind: 'pen'; party: string }
  | { kind: 'banner'; kicker: string; title: string; body: string }
  | { kind: 'title-card'; kicker: string; title: string; subtitle: string }
  | { kind: 'final'; title: string; body: string };

export function effectFor(view: SeatView, event: GameEvent): TableEffect | null {
  switch (event.type) {
    case 'text.published':
      return { kind: 'flip', packages: event.changedPackages, version: event.version };
    case 'package.accepted':
      return { kind: 'fly', party: event.by, package: event.package, conditional: event.onlyIf !== null };
    case 'package.rejected':
      return { kind: 'shake', party: event.by, package: event.package };
    case 'acceptance.lapsed':
      return { kind: 'fade-dot', party: event.by, package: event.package };
    case 'signal.sent': {
      const { issue, option } = issueAndOption(view, event.issue, event.option);
      const said = option ? `${issue}: ${option}` : issue;
      const body = event.message ? `${said}\n“${truncate(event.message, 90)}”` : said;
      return { kind: 'bubble', party: event.by, title: SIGNAL_TITLES[event.kind] ?? 'Signal', body };
    }
    case 'amendment.proposed':
      return {
        kind: 'bubble',
        party: event.by,
        title: 'Amendment',
        body: `Proposes changes to ${packageName(view, event.package)}`,
      };
    case 'proposal.answered': {
      const verb = VERDICT_VERBS[event.verdict];
      const verdict = `${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
      const what = PROPOSAL_NAMES[event.refKind];
      return {
        kind: 'bubble',
        party: event.by,
        title: 'Answer',
        body: `${verdict} ${partyName(view, event.proposer)}'s ${what}`,
      };
    }
    case 'capital.consulted':
      return {
        kind: 'bubble',
        party: event.by,
        title: 'Consulting capital',
        body: `On ${packageName(view, event.package)}`,
      };
    case 'text.signed':
      return { kind: 'pen', party: event.by };
    case 'scripted.event':
      return {
        kind: 'banner',
        kicker: event.injected ? 'News — announced by the organiser' : 'News',
        title: event.title,
        body: truncate(event.text, 220),
      };
    case 'ratification.held':
      return {
        kind: 'banner',
        kicker: 'Ratification',
        title: event.passed ? 'Ratified at home' : 'Ratification failed',
        body: event.results
          .map((r) => `${partyName(view, r.party)}: ${r.passed ? 'passed' : 'failed'}`)
          .join(' · '),
      };
    case 'meeting.opened': {
      const index = view.scenario.calendar.findIndex((m) => m.id === event.meetingId);
      const kicker =
        index >= 0
          ? meetingLabel({ scenario: view.scenario, meeting: { ...view.meeting, index } })
          : 'Meeting opens';
      const who = event.participants.map((p) => partyName(view, p)).join(' · ');
      return {
        kind: 'title-card',
        kicker,
        title: event.venue,
        subtitle: `${formatDate(event.date, true)}${who ? `  ·  ${who}` : ''}`,
      };
    }
    case 'game.ended':
      return {
        kind: 'final',
        title: outcomeTitle(view, event.outcome),
        body: truncate(event.outcome.summary, 240),
      };
    default:
      return null;
  }
}
