// A readable text transcript of a game's log: who did what, and why (public and, for the debrief, private reasons).
import type { Scenario } from '../scenario/schema';
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

export interface TranscriptOptions {
  /** Include private reasons (debrief and tests); views never do. */
  withPrivate?: boolean;
}

export function renderTranscript(
  scenario: Scenario,
  log: readonly GameEvent[],
  options: TranscriptOptions = {},
): string {
  const name = (id: string) => scenario.parties.find((p) => p.id === id)?.shortName ?? id;
  const labels = new Map<string, string>();
  for (const p of scenario.packages) {
    for (const i of p.issues)
      for (const o of i.options) labels.set(`${i.id}=${o.id}`, `${i.name}: ${o.label}`);
  }
  for (const ev of scenario.events) {
    for (const eff of ev.effects)
      if (eff.type === 'addOption') labels.set(`${eff.issue}=${eff.option.id}`, eff.option.label);
  }
  const label = (issue: string, option: string) => labels.get(`${issue}=${option}`) ?? `${issue}=${option}`;
  const lines: string[] = [];
  for (const e of log) {
    const line = describe(e, name, label);
    if (line === null) continue;
    let out = line;
    if (e.reason?.public) out += ` — "${e.reason.public}"`;
    lines.push(out);
    if (options.withPrivate && e.private)
      lines.push(`    (private to ${name(e.private.party)}: ${e.private.note})`);
  }
  return `${lines.join('\n')}\n`;
}

type Label = (issue: string, option: string) => string;

function optionsText(options: Record<string, string>, label: Label): string {
  return Object.entries(options)
    .map(([i, o]) => label(i, o))
    .join('; ');
}

/** One event as a line of text; `label` names an issue's option (ids by default). */
export function describe(
  e: GameEvent,
  name: (id: string) => string,
  label: Label = (issue, option) => `${issue}=${option}`,
): string | null {
  switch (e.type) {
    case 'game.started':
      return `# Game started (seed ${e.seed}) with ${e.parties.map(name).join(', ')}`;
    case 'meeting.opened':
      return `\n## ${e.venue}, ${e.date}: ${e.participants.map(name).join(' + ')}; agenda ${e.agenda.join(', ')}`;
    case 'turn.started':
      return null;
    case 'turn.ended':
      if (e.timedOut) return `${name(e.party)}'s time ran out`;
      return e.reason ? `${name(e.party)} ends its turn` : null;
    case 'text.published':
      return `${name(e.by)} publishes text v${e.version}: ${optionsText(e.changed, label)}${e.folds.length ? ` (folds amendment ${e.folds.join(', ')})` : ''}`;
    case 'package.accepted':
      return `${name(e.by)} accepts ${e.package} at v${e.version}${
        e.onlyIf
          ? ` only if ${Object.entries(e.onlyIf)
              .map(([p, v]) => `${p} stays at v${v}`)
              .join(' and ')}`
          : ''
      }`;
    case 'package.rejected':
      return `${name(e.by)} rejects ${e.package} at v${e.version}`;
    case 'acceptance.lapsed':
      return `${name(e.by)}'s acceptance of ${e.package} lapses: ${e.because}`;
    case 'amendment.proposed':
      return `${name(e.by)} proposes amendment ${e.amendment} to ${e.package}: ${optionsText(e.options, label)}`;
    case 'signal.sent':
      return `${name(e.by)} signals a ${e.kind} on ${e.option ? label(e.issue, e.option) : e.issue} to ${
        e.recipients === 'all'
          ? 'all'
          : e.recipients
              .filter((r) => r !== e.by)
              .map(name)
              .join(', ')
      }${e.message ? `: ${e.message}` : ''}`;
    case 'amendment.lapsed':
      return `${name(e.by)}'s amendment ${e.amendment} to ${e.package} lapses: the meeting closed before it was folded into a text`;
    case 'proposal.answered': {
      const what = PROPOSAL_NAMES[e.refKind];
      const verb = VERDICT_VERBS[e.verdict];
      const trade =
        e.verdict === 'countered' && (e.give || e.ask)
          ? `: offers ${e.give ? optionsText(e.give, label) : 'nothing more'}${e.ask ? `, asks ${optionsText(e.ask, label)}` : ''}`
          : '';
      return `${name(e.by)} ${verb} ${name(e.proposer)}'s ${what}${trade}`;
    }
    case 'capital.consulted':
      return `${name(e.by)} consults its capital on ${e.package}`;
    case 'capital.replied':
      return `${name(e.party)}'s capital ${e.widened ? 'widens' : 'keeps'} the mandate on ${e.package} (minimum ${e.minimum}%)`;
    case 'text.signed':
      return `${name(e.by)} signs text v${e.version}`;
    case 'signature.lapsed':
      return `${name(e.by)}'s signature on v${e.version} lapses`;
    case 'commitment.broken': {
      const word = e.kind === 'commitment' ? 'public commitment to' : 'declared red line against';
      const how = e.how === 'signed' ? 'signs a text that breaks its' : 'takes back its';
      return `${name(e.by)} ${how} ${word} ${label(e.issue, e.option)} (support −${e.supportCost}, trust −${e.trustCost})`;
    }
    case 'ratification.held':
      return `Ratification of v${e.version}: ${e.results
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
        .join('; ')}`;
    case 'scripted.event':
      return `EVENT${e.injected ? ' (injected)' : ''}: ${e.title}. ${e.text}`;
    case 'party.walkedAway':
      return `${name(e.by)} walks away from the table`;
    case 'meeting.closed':
      return `Meeting closes; provisionally agreed: ${e.agreed.length ? e.agreed.join(', ') : 'nothing'}`;
    case 'game.ended':
      return `\n# Outcome: ${e.outcome.kind}. ${e.outcome.summary}\n${e.outcome.results.map((r) => `  ${name(r.party)}: utility ${r.utility}, reservation ${r.reservation}, score ${r.score}`).join('\n')}`;
  }
}
