// Words and numbers the table canvas shows, and which animation each game event gets; pure, so it is testable without Phaser.
import { meetingPosition } from '../engine/seat-figures';
import type { GameEvent, Outcome } from '../engine/state';
import type { SeatView } from '../engine/view';
import { date, msg, num, outcomeSummary, principalWords, t } from '../i18n';

/** '2025-12-02' → '2 Dec 2025' (or '2 December 2025' when `long`), in the interface's language. */
export function formatDate(iso: string, long = false, withYear = true): string {
  return date(iso, long, withYear);
}

/** 12345 → '12,345' in English, '12 345' in Ukrainian and Russian; a real minus sign. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '−' : '';
  return sign + num(Math.round(Math.abs(n)));
}

/** The table picture's fixed words in the interface's language (tags, chips, legends). */
export function tableWords() {
  return msg().canvas;
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
  return t(msg().canvas.round, {
    round: Math.min(view.round + 1, view.meeting.turns),
    turns: view.meeting.turns,
  });
}

export function meetingLabel(view: Pick<SeatView, 'meeting' | 'scenario'>): string {
  const pos = meetingPosition(view);
  return t(msg().canvas.meeting, { number: pos.number, total: pos.total });
}

/** A package card's version badge. The text has one version number (the log's and the status bar's); a
 * package unchanged in the latest version says since when, so a card never shows an older number as the text's. */
export function packageBadge(view: Pick<SeatView, 'textVersion'>, packageVersion: number): string {
  return packageVersion === view.textVersion
    ? `v${view.textVersion}`
    : t(msg().canvas.since, { version: packageVersion });
}

/** The time-cost line, or null when the seat has no score (the director). */
export function costLine(view: SeatView, short = false): string | null {
  if (!view.score) return null;
  // At the last meeting there is no next one to lose points to: what is at stake is the deal itself.
  const c = msg().canvas;
  if (view.meetingsLeft === 0) return short ? c.lastShort : c.lastLong;
  const loss = groupDigits(view.score.nextMeetingLoss);
  const rate = view.scenario.discountPerMeeting;
  return t(short ? c.nextShort : c.nextLong, { n: view.score.nextMeetingLoss, loss, rate });
}

export function outcomeTitle(view: SeatView, outcome: Outcome): string {
  const c = msg().canvas;
  if (outcome.kind === 'deal') return c.signed;
  if (outcome.kind === 'walkout') {
    return outcome.walkedAwayBy
      ? t(c.walkedAway, { party: partyName(view, outcome.walkedAwayBy, false) })
      : c.walkout;
  }
  return c.noAgreement;
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
  const c = msg().canvas;
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
      return {
        kind: 'bubble',
        party: event.by,
        title: (c.kinds as Record<string, string>)[event.kind] ?? c.signal,
        body,
      };
    }
    case 'amendment.proposed':
      return {
        kind: 'bubble',
        party: event.by,
        title: c.amendment,
        body: t(c.proposes, { package: packageName(view, event.package) }),
      };
    case 'proposal.answered': {
      return {
        kind: 'bubble',
        party: event.by,
        title: c.answer,
        body: t(c.answerBody, {
          verdict: c.verdicts[event.verdict],
          party: partyName(view, event.proposer),
          proposal: c.proposals[event.refKind],
        }),
      };
    }
    case 'capital.consulted':
      return {
        kind: 'bubble',
        party: event.by,
        title: principalWords(view.scenario.parties.find((p) => p.id === event.by)?.principal)
          .canvasConsulting,
        body: t(c.on, { package: packageName(view, event.package) }),
      };
    case 'text.signed':
      return { kind: 'pen', party: event.by };
    case 'scripted.event':
      return {
        kind: 'banner',
        kicker: event.injected ? c.newsOrganiser : c.news,
        title: event.title,
        body: truncate(event.text, 220),
      };
    case 'ratification.held':
      return {
        kind: 'banner',
        kicker: c.ratification,
        title: event.passed ? c.ratified : c.ratFailed,
        body: event.results
          .map((r) => `${partyName(view, r.party)}: ${r.passed ? c.passed : c.failed}`)
          .join(' · '),
      };
    case 'meeting.opened': {
      const index = view.scenario.calendar.findIndex((m) => m.id === event.meetingId);
      const kicker =
        index >= 0
          ? meetingLabel({ scenario: view.scenario, meeting: { ...view.meeting, index } })
          : c.meetingOpens;
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
        body: truncate(
          outcomeSummary(event.outcome, (id) => partyName(view, id, false)),
          240,
        ),
      };
    default:
      return null;
  }
}
