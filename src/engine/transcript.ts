// A readable text transcript of a game's log: who did what, and why (public and, for the debrief, private reasons),
// in names and labels only: an id never reaches a reader.
import type { Package, Party, Scenario, Text } from '../scenario/schema';
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
  /** Package ids in the scenario's order. */
  packageIds: string[];
  /** Issue ids of a package, in order. */
  issuesOf(pkg: string): string[];
}

/** Words from a scenario's parties and packages (a seat view's live packages, or a scenario and its events). */
export function wordsFor(
  parties: readonly Pick<Party, 'id' | 'shortName'>[],
  packages: readonly Package[],
  extraOptions: ReadonlyArray<{ issue: string; id: string; label: string }> = [],
): Words {
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName]));
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
    packageName: (id) => packageNames.get(id) ?? 'a package',
    issueName: (id) => issueNames.get(id) ?? 'an issue',
    optionLabel: (issue, option) => labels.get(`${issue}\u0000${option}`) ?? 'an option',
    packageOf: (issue) => packageOf.get(issue),
    packageIds: packages.map((p) => p.id),
    issuesOf: (pkg) => issues.get(pkg) ?? [],
  };
}

/** Words for a whole scenario, including options its events may add. */
export function scenarioWords(scenario: Scenario): Words {
  const extra = scenario.events.flatMap((ev) =>
    ev.effects.flatMap((eff) =>
      eff.type === 'addOption' ? [{ issue: eff.issue, id: eff.option.id, label: eff.option.label }] : [],
    ),
  );
  return wordsFor(scenario.parties, scenario.packages, extra);
}

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

  constructor(public words: Words) {}

  /** The amendment's content in words: 'Issue → Option; …'. */
  private amendmentText(a: KnownAmendment): string {
    return changesText(this.words, a.options);
  }

  private amendmentName(a: KnownAmendment): string {
    return `${this.words.party(a.by)}'s amendment ${a.id} (${this.amendmentText(a)})`;
  }

  /** Reads one event; returns its line, or null for events no reader needs (a turn starting). */
  read(e: GameEvent): LogLine | null {
    const w = this.words;
    const name = w.party;
    const line = (text: string, details: string[] = [], changes: TextChange[] = []): LogLine => ({
      text,
      details,
      changes,
    });
    switch (e.type) {
      case 'game.started':
        this.parties = [...e.parties];
        return line(`Game started (seed ${e.seed}) with ${listWords(e.parties.map(name))}`);
      case 'meeting.opened':
        this.participants = [...e.participants];
        this.agenda = [...e.agenda];
        this.venue = e.venue;
        this.meeting = e.meeting;
        return line(
          `${e.venue}, ${formatDate(e.date, true)}: ${listWords(e.participants.map(name))} meet; on the agenda: ${listWords(e.agenda.map(w.packageName))}`,
        );
      case 'turn.started':
        return null;
      case 'turn.ended':
        if (e.timedOut) return line(`${name(e.party)}'s time ran out`);
        return e.reason ? line(`${name(e.party)} ends its turn`) : null;
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
          const details = w.packageIds.map(
            (pkg) =>
              `${w.packageName(pkg)}: ${w
                .issuesOf(pkg)
                .filter((i) => e.changed[i] !== undefined)
                .map((i) => `${w.issueName(i)}: ${w.optionLabel(i, e.changed[i] ?? '')}`)
                .join('; ')}`,
          );
          const issues = Object.keys(e.changed).length;
          return line(
            `${name(e.by)} puts the opening text (v1) on the table: ${issues} issue${issues === 1 ? '' : 's'} in ${e.changedPackages.length} package${e.changedPackages.length === 1 ? '' : 's'}`,
            details,
            changes,
          );
        }
        const folded: string[] = [];
        for (const id of e.folds) {
          const a = this.amendments.get(id);
          if (a) {
            a.status = 'folded';
            folded.push(this.amendmentName(a));
          } else folded.push(`amendment ${id} (made in a meeting you did not attend)`);
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
            met.push(`${this.amendmentName(a)} from ${a.venue}`);
          }
        }
        const details = changes.map(
          (c) =>
            `${w.issueName(c.issue)}: ${c.from ? `${w.optionLabel(c.issue, c.from)} → ` : ''}${w.optionLabel(c.issue, c.to)}`,
        );
        let text = `${name(e.by)} publishes text v${e.version}, changing ${listWords(e.changedPackages.map(w.packageName))}`;
        if (folded.length) text += `; it takes in ${listWords(folded)}`;
        if (met.length) text += `; it now gives what ${listWords(met)} asked for`;
        return line(text, details, changes);
      }
      case 'package.accepted': {
        const set = this.acceptances.get(e.package) ?? new Set<string>();
        this.acceptances.set(e.package, set);
        set.add(e.by);
        const condition = e.onlyIf
          ? ` only if ${listWords(Object.entries(e.onlyIf).map(([p, v]) => `${w.packageName(p)} stays as in v${v}`))}`
          : '';
        return line(`${name(e.by)} accepts ${w.packageName(e.package)} as in text v${e.version}${condition}`);
      }
      case 'package.rejected':
        this.acceptances.get(e.package)?.delete(e.by);
        return line(`${name(e.by)} rejects ${w.packageName(e.package)} as in text v${e.version}`);
      case 'acceptance.lapsed':
        this.acceptances.get(e.package)?.delete(e.by);
        return line(`${name(e.by)}'s acceptance of ${w.packageName(e.package)} lapses: ${e.because}`);
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
          `${name(e.by)} proposes amendment ${e.amendment} to ${w.packageName(e.package)}: ${changesText(w, e.options)}`,
        );
      }
      case 'signal.sent': {
        const what = e.option
          ? `${w.issueName(e.issue)}: ${w.optionLabel(e.issue, e.option)}`
          : w.issueName(e.issue);
        const to =
          e.recipients === 'all' ? 'everyone' : listWords(e.recipients.filter((r) => r !== e.by).map(name));
        const kind = SIGNAL_NAMES[e.kind] ?? 'signal';
        return line(
          `${name(e.by)} signals a ${kind} on ${what} to ${to}${e.message ? `: ${e.message}` : ''}`,
        );
      }
      case 'amendment.lapsed': {
        const a = this.amendments.get(e.amendment);
        if (a && a.status === 'open') a.status = 'lapsed';
        return line(
          `${name(e.by)}'s amendment ${e.amendment} to ${w.packageName(e.package)} lapses: the meeting closed before it was folded into a text`,
        );
      }
      case 'proposal.answered': {
        const what = PROPOSAL_NAMES[e.refKind];
        const verb = VERDICT_VERBS[e.verdict];
        const id = this.amendmentAt.get(e.ref);
        const a = id === undefined ? undefined : this.amendments.get(id);
        if (a && e.verdict !== 'folded' && a.status === 'open') a.status = 'answered';
        const whose = a
          ? this.amendmentName(a)
          : e.refKind === 'amendment'
            ? `${name(e.proposer)}'s amendment (made in a meeting you did not attend)`
            : `${name(e.proposer)}'s ${what}`;
        const trade =
          e.verdict === 'countered' && (e.give || e.ask)
            ? `: offers ${e.give ? changesText(w, e.give) : 'nothing more'}${e.ask ? `, asks ${changesText(w, e.ask)}` : ''}`
            : '';
        return line(`${name(e.by)} ${verb} ${whose}${trade}`);
      }
      case 'capital.consulted':
        return line(
          `${name(e.by)} consults its capital on ${w.packageName(e.package)} and sits out the rest of this meeting`,
        );
      case 'capital.replied':
        return line(
          `${name(e.party)}'s capital ${e.widened ? 'widens' : 'keeps'} the mandate on ${w.packageName(e.package)}: it may accept ${e.minimum}% of its best there`,
        );
      case 'text.signed':
        return line(`${name(e.by)} signs the whole text (v${e.version})`);
      case 'signature.lapsed':
        return line(`${name(e.by)}'s signature on v${e.version} lapses: the text changed`);
      case 'commitment.broken': {
        const word = e.kind === 'commitment' ? 'public commitment to' : 'declared red line against';
        const how = e.how === 'signed' ? 'signs a text that breaks its' : 'takes back its';
        return line(
          `${name(e.by)} ${how} ${word} ${w.issueName(e.issue)}: ${w.optionLabel(e.issue, e.option)} (support −${e.supportCost}, trust −${e.trustCost})`,
        );
      }
      case 'ratification.held':
        return line(
          `Ratification of v${e.version}: ${e.results
            .map(
              (r) =>
                `${name(r.party)} ${
                  r.passed
                    ? 'passes'
                    : `fails (${r.checks
                        .filter((c) => !c.passed)
                        .map((c) => c.body)
                        .join(', ')})`
                }`,
            )
            .join('; ')}`,
        );
      case 'scripted.event':
        return line(`News${e.injected ? ' (announced by the organiser)' : ''}: ${e.title}. ${e.text}`);
      case 'party.walkedAway':
        return line(`${name(e.by)} walks away from the table`);
      case 'meeting.closed':
        return line(this.closingLine(e.agreed));
      case 'game.ended':
        return line(
          `Outcome: ${OUTCOME_WORDS[e.outcome.kind] ?? 'the end'}. ${e.outcome.summary}`,
          e.outcome.results.map(
            (r) => `${name(r.party)}: utility ${r.utility}, reservation ${r.reservation}, score ${r.score}`,
          ),
        );
    }
  }

  /** What the meeting leaves agreed; when the parties present accept a package but an absent one has not yet,
   * it says so, since nothing is agreed until every party accepts. */
  private closingLine(agreed: string[]): string {
    const w = this.words;
    const head = agreed.length
      ? `Meeting closes; provisionally agreed by every party: ${listWords(agreed.map(w.packageName))}`
      : 'Meeting closes; nothing is provisionally agreed by every party yet';
    const absent = this.parties.filter((p) => !this.participants.includes(p));
    if (absent.length === 0 || this.participants.length === 0) return head;
    const byRoom = w.packageIds.filter(
      (pkg) =>
        !agreed.includes(pkg) &&
        this.participants.every((p) => this.acceptances.get(pkg)?.has(p)) &&
        this.agenda.includes(pkg),
    );
    if (byRoom.length === 0) return head;
    return `${head}. ${listWords(this.participants.map(w.party))} accept ${listWords(byRoom.map(w.packageName))}; ${listWords(absent.map(w.party))}, not at this meeting, must accept ${byRoom.length === 1 ? 'it' : 'them'} too`;
  }
}

/** 'Issue → Option; …' for an issue → option map. */
export function changesText(w: Words, options: Text): string {
  return Object.entries(options)
    .map(([i, o]) => `${w.issueName(i)} → ${w.optionLabel(i, o)}`)
    .join('; ');
}

export interface TranscriptOptions {
  /** Include private reasons (debrief and tests); views never do. */
  withPrivate?: boolean;
}

export function renderTranscript(
  scenario: Scenario,
  log: readonly GameEvent[],
  options: TranscriptOptions = {},
): string {
  const reader = new LogReader(scenarioWords(scenario));
  const lines: string[] = [];
  for (const e of log) {
    const read = reader.read(e);
    if (read === null) continue;
    let out = read.text;
    if (e.type === 'meeting.opened') out = `\n## ${out}`;
    else if (e.type === 'game.started') out = `# ${out}`;
    else if (e.type === 'game.ended') out = `\n# ${out}`;
    if (e.reason?.public) out += ` — "${e.reason.public}"`;
    lines.push(out);
    for (const d of read.details) lines.push(`    ${d}`);
    if (options.withPrivate && e.private)
      lines.push(`    (private to ${reader.words.party(e.private.party)}: ${e.private.note})`);
  }
  return `${lines.join('\n')}\n`;
}

/** One event as a line of text (the headline of `LogReader.read`, read on its own without the log's context). */
export function describe(e: GameEvent, words: Words): string | null {
  return new LogReader(words).read(e)?.text ?? null;
}
