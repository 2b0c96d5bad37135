// A readable text transcript of a game's log: who did what, and why (public and, for the debrief, private reasons),
// in names and labels only: an id never reaches a reader.
import type { Meeting, Package, Party, Scenario, Text } from '../scenario/schema';

/** Whom a delegation answers to, as a scenario names it. */
export type Principal = NonNullable<Party['principal']>;

import type { AnswerVerdict, GameEvent, ProposalKind } from './state';

/** A proposal owed an answer, and what the answer does to it, in plain words (the log and the table agree). */
export const PROPOSAL_NAMES: Record<ProposalKind, string> = {
  amendment: 'amendment',
  conditional: 'conditional acceptance',
  'red-line': 'red line',
};
export const VERDICT_VERBS: Record<AnswerVerdict, string> = {
  folded: 'folds',
  countered: 'counters',
  declined: 'declines',
};
/** A signal's kind as a noun. */
export const SIGNAL_NAMES: Record<string, string> = {
  priority: 'priority',
  concern: 'concern',
  'red-line': 'red line',
  commitment: 'public commitment',
  retract: 'retraction',
};
const OUTCOME_WORDS: Record<string, string> = { deal: 'a deal', 'no-deal': 'no deal', walkout: 'a walkout' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2025-12-02' → '2 Dec 2025' (or '2 December 2025' when `long`); anything else is returned as is. The one
 * date format of the game: the log, the panels and the table picture all use it. */
export function formatDate(iso: string, long = false, withYear = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = (long ? MONTHS_LONG : MONTHS)[Number(m[2]) - 1];
  if (!month) return iso;
  const day = String(Number(m[3]));
  return withYear ? `${day} ${month} ${m[1]}` : `${day} ${month}`;
}

/** 'a, b and c'. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What a reader needs to name things: parties, packages, issues and options (with any options events added). */
export interface Words {
  party(id: string): string;
  packageName(id: string): string;
  issueName(id: string): string;
  optionLabel(issue: string, option: string): string;
  /** The package an issue belongs to. */
  packageOf(issue: string): string | undefined;
  /** Whom a party's delegation answers to (the scenario's `principal`; a capital when it says nothing). */
  principal(id: string): Principal;
  /** How words agree with a party's name, where the scenario says (`agreement`, per language). */
  agreement?(id: string): Party['agreement'];
  /** Package ids in the scenario's order. */
  packageIds: string[];
  /** Issue ids of a package, in order. */
  issuesOf(pkg: string): string[];
  /** A meeting's venue in these words, when the calendar was given (a log keeps the game's own). */
  venue(meetingId: string): string | undefined;
}

/** Words from a scenario's parties and packages (a seat view's live packages, or a scenario and its events). */
export function wordsFor(
  parties: readonly Pick<Party, 'id' | 'shortName' | 'principal' | 'agreement'>[],
  packages: readonly Package[],
  extraOptions: ReadonlyArray<{ issue: string; id: string; label: string }> = [],
  calendar: ReadonlyArray<Pick<Meeting, 'id' | 'venue'>> = [],
): Words {
  const venues = new Map(calendar.map((m) => [m.id, m.venue]));
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName]));
  const principals = new Map(parties.map((p) => [p.id, p.principal ?? 'capital']));
  const agreements = new Map(parties.map((p) => [p.id, p.agreement]));
  const packageNames = new Map(packages.map((p) => [p.id, p.name]));
  const issueNames = new Map<string, string>();
  const labels = new Map<string, string>();
  const packageOf = new Map<string, string>();
  const issues = new Map<string, string[]>();
  for (const p of packages) {
    issues.set(
      p.id,
      p.issues.map((i) => i.id),
    );
    for (const i of p.issues) {
      issueNames.set(i.id, i.name);
      packageOf.set(i.id, p.id);
      for (const o of i.options) labels.set(`${i.id}\u0000${o.id}`, o.label);
    }
  }
  for (const o of extraOptions) {
    const key = `${o.issue}\u0000${o.id}`;
    if (!labels.has(key)) labels.set(key, o.label);
  }
  return {
    party: (id) => partyNames.get(id) ?? 'another party',
    agreement: (id) => agreements.get(id),
    packageName: (id) => packageNames.get(id) ?? 'a package',
    issueName: (id) => issueNames.get(id) ?? 'an issue',
    optionLabel: (issue, option) => labels.get(`${issue}\u0000${option}`) ?? 'an option',
    packageOf: (issue) => packageOf.get(issue),
    principal: (id) => principals.get(id) ?? 'capital',
    packageIds: packages.map((p) => p.id),
    issuesOf: (pkg) => issues.get(pkg) ?? [],
    venue: (id) => venues.get(id),
  };
}

/** Words for a whole scenario, including options its events may add. */
export function scenarioWords(scenario: Scenario): Words {
  const extra = scenario.events.flatMap((ev) =>
    ev.effects.flatMap((eff) =>
      eff.type === 'addOption' ? [{ issue: eff.issue, id: eff.option.id, label: eff.option.label }] : [],
    ),
  );
  return wordsFor(scenario.parties, scenario.packages, extra, scenario.calendar);
}

/** A package's name and the version it must stay as (a conditional acceptance's condition). */
export interface StaysAs {
  pkg: string;
  version: number;
}

/** One side's ratification result in words. */
export interface RatificationWords {
  party: string;
  passed: boolean;
  /** The bodies that said no. */
  failed: string[];
}

/**
 * Every sentence the log reader speaks, so an interface can read the log in another language; names, labels and
 * venues come in already in words. The English phrases are the transcript's.
 */
/** What an outcome's summary says, as facts: the signed version, who walked away (a name), a failed ratification. */
export interface OutcomeFacts {
  version: number | null;
  walkedAwayBy: string | null;
  ratificationFailed: boolean;
}

export interface LogPhrases {
  list(items: readonly string[]): string;
  date(iso: string): string;
  gameStarted(seed: string, parties: string[]): string;
  meetingOpened(venue: string, date: string, participants: string[], agenda: string[]): string;
  timeRanOut(party: string): string;
  endsTurn(party: string): string;
  openingText(by: string, issues: number, packages: number): string;
  /** 'Package: Issue: Option; Issue: Option'. */
  openingDetail(pkg: string, items: ReadonlyArray<[string, string]>): string;
  amendmentName(party: string, id: number, content: string): string;
  amendmentUnseen(id: number): string;
  amendmentFrom(name: string, venue: string): string;
  published(by: string, version: number, packages: string[], folded: string[], met: string[]): string;
  /** 'Issue: From → To' (from null: 'Issue: To'). */
  change(issue: string, from: string | null, to: string): string;
  /** 'Issue → Option; …'. */
  changes(items: ReadonlyArray<[string, string]>): string;
  accepted(by: string, pkg: string, version: number, onlyIf: StaysAs[] | null): string;
  rejected(by: string, pkg: string, version: number): string;
  acceptanceLapsed(by: string, pkg: string, because: string): string;
  /** Why an acceptance lapsed: its package (or, `condition`, a package its condition named) changed in a version. */
  lapseCause(pkg: string, version: number, condition: boolean): string;
  amendmentProposed(by: string, id: number, pkg: string, content: string): string;
  signalSent(
    by: string,
    kind: string,
    issue: string,
    option: string | null,
    to: string[] | 'all',
    message: string,
  ): string;
  amendmentLapsed(by: string, id: number, pkg: string): string;
  unseenAmendmentOf(proposer: string): string;
  proposalOf(proposer: string, kind: ProposalKind): string;
  answered(
    by: string,
    verdict: AnswerVerdict,
    whose: string,
    give: string | null,
    ask: string | null,
  ): string;
  /** `principal`: whom the party answers to (a capital when left out). */
  capitalConsulted(by: string, pkg: string, principal?: Principal): string;
  capitalReplied(
    party: string,
    widened: boolean,
    pkg: string,
    minimum: number,
    principal?: Principal,
  ): string;
  signed(by: string, version: number): string;
  signatureLapsed(by: string, version: number): string;
  commitmentBroken(
    by: string,
    kind: 'commitment' | 'red-line',
    how: 'signed' | 'retracted',
    issue: string,
    option: string,
    supportCost: number,
    trustCost: number,
  ): string;
  ratification(version: number, results: RatificationWords[]): string;
  news(injected: boolean, title: string, text: string): string;
  walkedAway(by: string): string;
  meetingClosed(agreed: string[]): string;
  /** Appended to the closing line: who in the room accepts what, and who absent must still accept it (`agreement`:
   * how words agree with each absent name, where the scenario says). */
  absentMustAccept(
    participants: string[],
    packages: string[],
    absent: string[],
    agreement?: ReadonlyArray<Party['agreement']>,
  ): string;
  /** The game's end: its kind, the engine's English summary, and the same as facts (for another language). */
  outcome(kind: string, summary: string, facts: OutcomeFacts): string;
  outcomeResult(party: string, utility: number, reservation: number, score: number): string;
  /** A private note, shown in the debrief and a finished game's replay. */
  privateNote(party: string, note: string): string;
}

/** The transcript's English. */
export const ENGLISH_LOG: LogPhrases = {
  list: listWords,
  date: (iso) => formatDate(iso, true),
  gameStarted: (seed, parties) => `Game started (seed ${seed}) with ${listWords(parties)}`,
  meetingOpened: (venue, date, participants, agenda) =>
    `${venue}, ${date}: ${listWords(participants)} meet; on the agenda: ${listWords(agenda)}`,
  timeRanOut: (party) => `${party}'s time ran out`,
  endsTurn: (party) => `${party} ends its turn`,
  openingText: (by, issues, packages) =>
    `${by} puts the opening text (v1) on the table: ${issues} issue${issues === 1 ? '' : 's'} in ${packages} package${packages === 1 ? '' : 's'}`,
  openingDetail: (pkg, items) => `${pkg}: ${items.map(([i, o]) => `${i}: ${o}`).join('; ')}`,
  amendmentName: (party, id, content) => `${party}'s amendment ${id} (${content})`,
  amendmentUnseen: (id) => `amendment ${id} (made in a meeting you did not attend)`,
  amendmentFrom: (name, venue) => `${name} from ${venue}`,
  published: (by, version, packages, folded, met) => {
    let text = `${by} publishes text v${version}, changing ${listWords(packages)}`;
    if (folded.length) text += `; it takes in ${listWords(folded)}`;
    if (met.length) text += `; it now gives what ${listWords(met)} asked for`;
    return text;
  },
  change: (issue, from, to) => `${issue}: ${from ? `${from} → ` : ''}${to}`,
  changes: (items) => items.map(([i, o]) => `${i} → ${o}`).join('; '),
  accepted: (by, pkg, version, onlyIf) =>
    `${by} accepts ${pkg} as in text v${version}${
      onlyIf ? ` only if ${listWords(onlyIf.map((c) => `${c.pkg} stays as in v${c.version}`))}` : ''
    }`,
  rejected: (by, pkg, version) => `${by} rejects ${pkg} as in text v${version}`,
  acceptanceLapsed: (by, pkg, because) => `${by}'s acceptance of ${pkg} lapses: ${because}`,
  lapseCause: (pkg, version, condition) =>
    condition ? `its condition failed: ${pkg} changed in v${version}` : `${pkg} changed in v${version}`,
  amendmentProposed: (by, id, pkg, content) => `${by} proposes amendment ${id} to ${pkg}: ${content}`,
  signalSent: (by, kind, issue, option, to, message) =>
    `${by} signals a ${SIGNAL_NAMES[kind] ?? 'signal'} on ${option ? `‘${issue}: ${option}’` : issue} to ${
      to === 'all' ? 'everyone' : listWords(to)
    }${message ? `: ${message}` : ''}`,
  amendmentLapsed: (by, id, pkg) =>
    `${by}'s amendment ${id} to ${pkg} lapses: the meeting closed before it was folded into a text`,
  unseenAmendmentOf: (proposer) => `${proposer}'s amendment (made in a meeting you did not attend)`,
  proposalOf: (proposer, kind) => `${proposer}'s ${PROPOSAL_NAMES[kind]}`,
  answered: (by, verdict, whose, give, ask) =>
    `${by} ${VERDICT_VERBS[verdict]} ${whose}${
      verdict === 'countered' && (give || ask)
        ? `: offers ${give ?? 'nothing more'}${ask ? `, asks ${ask}` : ''}`
        : ''
    }`,
  capitalConsulted: (by, pkg, principal = 'capital') =>
    `${by} consults its ${principal} on ${pkg} and sits out the rest of this meeting`,
  capitalReplied: (party, widened, pkg, minimum, principal = 'capital') =>
    `${party}'s ${principal} ${widened ? 'widens' : 'keeps'} the mandate on ${pkg}: it may accept ${minimum}% of its best there`,
  signed: (by, version) => `${by} signs the whole text (v${version})`,
  signatureLapsed: (by, version) => `${by}'s signature on v${version} lapses: the text changed`,
  commitmentBroken: (by, kind, how, issue, option, supportCost, trustCost) =>
    `${by} ${how === 'signed' ? 'signs a text that breaks its' : 'takes back its'} ${
      kind === 'commitment' ? 'public commitment to' : 'declared red line against'
    } ${issue}: ${option} (support −${supportCost}, trust −${trustCost})`,
  ratification: (version, results) =>
    `Ratification of v${version}: ${results
      .map((r) => `${r.party} ${r.passed ? 'passes' : `fails (${r.failed.join(', ')})`}`)
      .join('; ')}`,
  news: (injected, title, text) =>
    `News${injected ? ' (announced by the organiser)' : ''}: ${title}. ${text}`,
  walkedAway: (by) => `${by} walks away from the table`,
  meetingClosed: (agreed) =>
    agreed.length
      ? `Meeting closes; provisionally agreed by every party: ${listWords(agreed)}`
      : 'Meeting closes; nothing is provisionally agreed by every party yet',
  absentMustAccept: (participants, packages, absent) =>
    `. ${listWords(participants)} accept ${listWords(packages)}; ${listWords(absent)}, not at this meeting, must accept ${packages.length === 1 ? 'it' : 'them'} too`,
  outcome: (kind, summary) => `Outcome: ${OUTCOME_WORDS[kind] ?? 'the end'}. ${summary}`,
  outcomeResult: (party, utility, reservation, score) =>
    `${party}: utility ${utility}, reservation ${reservation}, score ${score}`,
  privateNote: (party, note) => `(private to ${party}: ${note})`,
};

/** One change of a published text: an issue that moved from one option to another. */
export interface TextChange {
  package: string;
  issue: string;
  from: string | null;
  to: string;
}

interface KnownAmendment {
  id: number;
  by: string;
  package: string;
  options: Text;
  meeting: number;
  venue: string;
  status: 'open' | 'folded' | 'answered' | 'lapsed';
}

/** One event in words: a headline, and for some events detail lines (the changes of a new text, say). */
export interface LogLine {
  text: string;
  details: string[];
  /** For a new text version: each issue that changed, from what to what. */
  changes: TextChange[];
}

/**
 * Reads a log in order, remembering what a reader needs to tell it well: the text as it stands, the amendments
 * seen and what they asked, who accepts what, and who is at the meeting. Feed it every event a reader may see,
 * in order; events a reader may not see (an amendment in a meeting it missed) are simply not known to it.
 */
export class LogReader {
  readonly text: Text = {};
  version = 0;
  private readonly amendments = new Map<number, KnownAmendment>();
  /** seq → the amendment proposed in that event. */
  private readonly amendmentAt = new Map<number, number>();
  private readonly acceptances = new Map<string, Set<string>>();
  private participants: string[] = [];
  private agenda: string[] = [];
  private venue = '';
  private meeting = 0;
  private parties: string[] = [];

  constructor(
    public words: Words,
    public phrases: LogPhrases = ENGLISH_LOG,
  ) {}

  /** The amendment's content in words: 'Issue → Option; …'. */
  private amendmentText(a: KnownAmendment): string {
    return changesText(this.words, a.options, this.phrases);
  }

  private amendmentName(a: KnownAmendment): string {
    return this.phrases.amendmentName(this.words.party(a.by), a.id, this.amendmentText(a));
  }

  /** Reads one event; returns its line, or null for events no reader needs (a turn starting). */
  read(e: GameEvent): LogLine | null {
    const w = this.words;
    const say = this.phrases;
    const name = w.party;
    const line = (text: string, details: string[] = [], changes: TextChange[] = []): LogLine => ({
      text,
      details,
      changes,
    });
    switch (e.type) {
      case 'game.started':
        this.parties = [...e.parties];
        return line(say.gameStarted(e.seed, e.parties.map(name)));
      case 'meeting.opened':
        this.participants = [...e.participants];
        this.agenda = [...e.agenda];
        this.venue = w.venue(e.meetingId) ?? e.venue;
        this.meeting = e.meeting;
        return line(
          say.meetingOpened(
            this.venue,
            say.date(e.date),
            e.participants.map(name),
            e.agenda.map(w.packageName),
          ),
        );
      case 'turn.started':
        return null;
      case 'turn.ended':
        if (e.timedOut) return line(say.timeRanOut(name(e.party)));
        return e.reason ? line(say.endsTurn(name(e.party))) : null;
      case 'text.published': {
        const changes: TextChange[] = Object.entries(e.changed).map(([issue, to]) => ({
          package: w.packageOf(issue) ?? '',
          issue,
          from: this.text[issue] ?? null,
          to,
        }));
        const before = { ...this.text };
        Object.assign(this.text, e.changed);
        this.version = e.version;
        for (const pkg of e.changedPackages) this.acceptances.delete(pkg);
        if (e.version === 1) {
          const details = w.packageIds.map((pkg) =>
            say.openingDetail(
              w.packageName(pkg),
              w
                .issuesOf(pkg)
                .filter((i) => e.changed[i] !== undefined)
                .map((i): [string, string] => [w.issueName(i), w.optionLabel(i, e.changed[i] ?? '')]),
            ),
          );
          const issues = Object.keys(e.changed).length;
          return line(say.openingText(name(e.by), issues, e.changedPackages.length), details, changes);
        }
        const folded: string[] = [];
        for (const id of e.folds) {
          const a = this.amendments.get(id);
          if (a) {
            a.status = 'folded';
            folded.push(this.amendmentName(a));
          } else folded.push(say.amendmentUnseen(id));
        }
        // Credit where it is due: an earlier amendment this text now meets in full, though not folded by name.
        const met: string[] = [];
        for (const a of this.amendments.values()) {
          if (a.status === 'folded' || e.folds.includes(a.id)) continue;
          const all = Object.entries(a.options);
          const nowMet = all.every(([i, o]) => this.text[i] === o);
          const metBefore = all.every(([i, o]) => before[i] === o);
          if (nowMet && !metBefore) {
            a.status = 'folded';
            met.push(say.amendmentFrom(this.amendmentName(a), a.venue));
          }
        }
        const details = changes.map((c) =>
          say.change(
            w.issueName(c.issue),
            c.from ? w.optionLabel(c.issue, c.from) : null,
            w.optionLabel(c.issue, c.to),
          ),
        );
        return line(
          say.published(name(e.by), e.version, e.changedPackages.map(w.packageName), folded, met),
          details,
          changes,
        );
      }
      case 'package.accepted': {
        const set = this.acceptances.get(e.package) ?? new Set<string>();
        this.acceptances.set(e.package, set);
        set.add(e.by);
        const onlyIf = e.onlyIf
          ? Object.entries(e.onlyIf).map(([p, v]) => ({ pkg: w.packageName(p), version: v }))
          : null;
        return line(say.accepted(name(e.by), w.packageName(e.package), e.version, onlyIf));
      }
      case 'package.rejected':
        this.acceptances.get(e.package)?.delete(e.by);
        return line(say.rejected(name(e.by), w.packageName(e.package), e.version));
      case 'acceptance.lapsed':
        this.acceptances.get(e.package)?.delete(e.by);
        return line(
          say.acceptanceLapsed(
            name(e.by),
            w.packageName(e.package),
            // A log from before `cause` was kept says it in English.
            e.cause
              ? say.lapseCause(w.packageName(e.cause.package), e.cause.version, e.cause.condition)
              : e.because,
          ),
        );
      case 'amendment.proposed': {
        const a: KnownAmendment = {
          id: e.amendment,
          by: e.by,
          package: e.package,
          options: { ...e.options },
          meeting: e.meeting,
          venue: this.venue,
          status: 'open',
        };
        this.amendments.set(a.id, a);
        this.amendmentAt.set(e.seq, a.id);
        return line(
          say.amendmentProposed(
            name(e.by),
            e.amendment,
            w.packageName(e.package),
            changesText(w, e.options, say),
          ),
        );
      }
      case 'signal.sent': {
        const to = e.recipients === 'all' ? 'all' : e.recipients.filter((r) => r !== e.by).map(name);
        return line(
          say.signalSent(
            name(e.by),
            e.kind,
            w.issueName(e.issue),
            e.option ? w.optionLabel(e.issue, e.option) : null,
            to,
            e.message ?? '',
          ),
        );
      }
      case 'amendment.lapsed': {
        const a = this.amendments.get(e.amendment);
        if (a && a.status === 'open') a.status = 'lapsed';
        return line(say.amendmentLapsed(name(e.by), e.amendment, w.packageName(e.package)));
      }
      case 'proposal.answered': {
        const id = this.amendmentAt.get(e.ref);
        const a = id === undefined ? undefined : this.amendments.get(id);
        if (a && e.verdict !== 'folded' && a.status === 'open') a.status = 'answered';
        const whose = a
          ? this.amendmentName(a)
          : e.refKind === 'amendment'
            ? say.unseenAmendmentOf(name(e.proposer))
            : say.proposalOf(name(e.proposer), e.refKind);
        return line(
          say.answered(
            name(e.by),
            e.verdict,
            whose,
            e.give ? changesText(w, e.give, say) : null,
            e.ask ? changesText(w, e.ask, say) : null,
          ),
        );
      }
      case 'capital.consulted':
        return line(say.capitalConsulted(name(e.by), w.packageName(e.package), w.principal(e.by)));
      case 'capital.replied':
        return line(
          say.capitalReplied(
            name(e.party),
            e.widened,
            w.packageName(e.package),
            e.minimum,
            w.principal(e.party),
          ),
        );
      case 'text.signed':
        return line(say.signed(name(e.by), e.version));
      case 'signature.lapsed':
        return line(say.signatureLapsed(name(e.by), e.version));
      case 'commitment.broken':
        return line(
          say.commitmentBroken(
            name(e.by),
            e.kind === 'commitment' ? 'commitment' : 'red-line',
            e.how === 'signed' ? 'signed' : 'retracted',
            w.issueName(e.issue),
            w.optionLabel(e.issue, e.option),
            e.supportCost,
            e.trustCost,
          ),
        );
      case 'ratification.held':
        return line(
          say.ratification(
            e.version,
            e.results.map((r) => ({
              party: name(r.party),
              passed: r.passed,
              failed: r.checks.filter((c) => !c.passed).map((c) => c.body),
            })),
          ),
        );
      case 'scripted.event':
        return line(say.news(!!e.injected, e.title, e.text));
      case 'party.walkedAway':
        return line(say.walkedAway(name(e.by)));
      case 'meeting.closed':
        return line(this.closingLine(e.agreed));
      case 'game.ended':
        return line(
          say.outcome(e.outcome.kind, e.outcome.summary, {
            version: e.outcome.version,
            walkedAwayBy: e.outcome.walkedAwayBy ? name(e.outcome.walkedAwayBy) : null,
            ratificationFailed: e.outcome.kind !== 'deal' && !!e.outcome.ratification,
          }),
          e.outcome.results.map((r) => say.outcomeResult(name(r.party), r.utility, r.reservation, r.score)),
        );
    }
  }

  /** What the meeting leaves agreed; when the parties present accept a package but an absent one has not yet,
   * it says so, since nothing is agreed until every party accepts. */
  private closingLine(agreed: string[]): string {
    const w = this.words;
    const head = this.phrases.meetingClosed(agreed.map(w.packageName));
    const absent = this.parties.filter((p) => !this.participants.includes(p));
    if (absent.length === 0 || this.participants.length === 0) return head;
    const byRoom = w.packageIds.filter(
      (pkg) =>
        !agreed.includes(pkg) &&
        this.participants.every((p) => this.acceptances.get(pkg)?.has(p)) &&
        this.agenda.includes(pkg),
    );
    if (byRoom.length === 0) return head;
    return `${head}${this.phrases.absentMustAccept(
      this.participants.map(w.party),
      byRoom.map(w.packageName),
      absent.map(w.party),
      absent.map((p) => w.agreement?.(p)),
    )}`;
  }
}

/** 'Issue → Option; …' for an issue → option map. */
export function changesText(w: Words, options: Text, phrases: LogPhrases = ENGLISH_LOG): string {
  return phrases.changes(Object.entries(options).map(([i, o]) => [w.issueName(i), w.optionLabel(i, o)]));
}

export interface TranscriptOptions {
  /** Include private reasons (debrief and tests); views never do. */
  withPrivate?: boolean;
  /** The language of the sentences (English when omitted). */
  phrases?: LogPhrases;
  /** A move's public reason in that language (its own words when omitted). */
  reason?: (e: GameEvent) => string | null;
  /** A private note in that language (its own words when omitted). */
  note?: (e: GameEvent & { private: { party: string; note: string } }) => string;
}

export function renderTranscript(
  scenario: Scenario,
  log: readonly GameEvent[],
  options: TranscriptOptions = {},
): string {
  const reader = new LogReader(scenarioWords(scenario), options.phrases ?? ENGLISH_LOG);
  const lines: string[] = [];
  for (const e of log) {
    const read = reader.read(e);
    if (read === null) continue;
    let out = read.text;
    if (e.type === 'meeting.opened') out = `\n## ${out}`;
    else if (e.type === 'game.started') out = `# ${out}`;
    else if (e.type === 'game.ended') out = `\n# ${out}`;
    const reason = options.reason ? options.reason(e) : (e.reason?.public ?? null);
    if (reason) out += ` — "${reason}"`;
    lines.push(out);
    for (const d of read.details) lines.push(`    ${d}`);
    if (options.withPrivate && e.private)
      lines.push(
        `    ${reader.phrases.privateNote(
          reader.words.party(e.private.party),
          options.note ? options.note({ ...e, private: e.private }) : e.private.note,
        )}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** One event as a line of text (the headline of `LogReader.read`, read on its own without the log's context). */
export function describe(e: GameEvent, words: Words): string | null {
  return new LogReader(words).read(e)?.text ?? null;
}
