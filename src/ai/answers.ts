// How the author of the text answers a proposal: folded when the text meets it, countered with a named trade,
// or declined with a reason that names the issue.
import type { Move } from '../engine/intents';
import type { RefusalWhy } from '../engine/said';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import { ownValue } from '../scenario/own';
import type { Text } from '../scenario/schema';
import { type Ctx, mine, reason } from './ai-context';
import { believedShare, crossesBelievedRedLine, type PartyModel } from './opponent-model';

export interface Proposal {
  seq: number;
  kind: 'amendment' | 'conditional' | 'red-line';
  by: string;
  event: GameEvent;
}

/** Proposals by others that we have not answered yet. */
export function unanswered(view: SeatView): Proposal[] {
  const answered = new Set<number>();
  for (const e of view.log) if (e.type === 'proposal.answered' && mine(view, e)) answered.add(e.ref);
  const out: Proposal[] = [];
  for (const e of view.log) {
    if (!('by' in e) || e.by === view.seat || answered.has(e.seq)) continue;
    if (e.type === 'amendment.proposed') out.push({ seq: e.seq, kind: 'amendment', by: e.by, event: e });
    else if (e.type === 'package.accepted' && e.onlyIf)
      out.push({ seq: e.seq, kind: 'conditional', by: e.by, event: e });
    else if (e.type === 'signal.sent' && e.kind === 'red-line' && e.option !== null)
      out.push({ seq: e.seq, kind: 'red-line', by: e.by, event: e });
  }
  return out;
}

export function answer(ctx: Ctx, p: Proposal): Move {
  const { view, own, words, models } = ctx;
  const e = p.event;
  const who = words.party(p.by);
  const proposerModel = models[p.by];
  if (e.type === 'amendment.proposed') {
    const met = Object.entries(e.options).every(([i, o]) => view.text[i] === o);
    if (met)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'folded',
        reason: reason(
          `Text v${view.textVersion} already holds what ${who} asked in amendment ${e.amendment}.`,
          'Met.',
          {
            drivers: ['answer'],
          },
          [{ k: 'amend-met', v: view.textVersion, who: p.by, n: e.amendment }],
          [{ k: 'n-met' }],
        ),
      };
    // Which of its options we could take, and which we cannot.
    const give: Text = {};
    const refuse: Array<{ issue: string; option: string; why: string; code: RefusalWhy; party?: string }> =
      [];
    for (const [issue, option] of Object.entries(e.options)) {
      if (view.text[issue] === option) continue;
      const t = { ...view.text, [issue]: option };
      const ev = own.evaluate(t);
      const cost = own.raw(view.text) - own.raw(t);
      const hurts = Object.values(models)
        .filter((m) => m.party !== p.by)
        .find(
          (m) =>
            crossesBelievedRedLine(m, t, true) || believedShare(m, t) < believedShare(m, view.text) - 0.04,
        );
      if (!own.valid(t) && own.valid(view.text)) {
        refuse.push({
          issue,
          option,
          why: ev.redLines.length
            ? 'it crosses our red line'
            : ev.mandateShort.length
              ? 'it takes us beyond our mandate'
              : 'it would not pass at home',
          code: ev.redLines.length ? 'red-line' : ev.mandateShort.length ? 'mandate' : 'home',
        });
      } else if (hurts) {
        refuse.push({
          issue,
          option,
          why: `it costs ${words.party(hurts.party)} more than it gives ${who}, as far as we can tell`,
          code: 'costs',
          party: hurts.party,
        });
      } else if (cost > 300) {
        refuse.push({ issue, option, why: 'it costs us too much on its own', code: 'too-much' });
      } else give[issue] = option;
    }
    // A counter: what we can give, and what we ask of the proposer in return (something it seems to value less).
    const ask = proposerModel ? cheapAsk(ctx, proposerModel, Object.keys(e.options)) : null;
    // An offer left out of the text we just wrote is only honest with a price on it: without one, what we
    // did not put in the text is declined, with the reason that the others could not sign it.
    if (!ask)
      for (const [issue, option] of Object.entries(give)) {
        delete give[issue];
        refuse.push({
          issue,
          option,
          why: 'we could not fit it into a text the others can sign',
          code: 'no-fit',
        });
      }
    if (Object.keys(give).length > 0) {
      const giveText = Object.keys(give).length
        ? words.list(Object.entries(give).map(([i, o]) => words.both(i, o)))
        : null;
      const refused = refuse.map((r) => `${words.both(r.issue, r.option)} (${r.why})`);
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'countered',
        issue: refuse[0]?.issue ?? Object.keys(e.options)[0]!,
        ...(Object.keys(give).length ? { give } : {}),
        ...(ask ? { ask: { [ask.issue]: ask.option } } : {}),
        reason: reason(
          giveText
            ? `On ${who}'s amendment ${e.amendment}: we can offer ${giveText}${ask ? ` if ${who} accepts ${words.both(ask.issue, ask.option)}` : ''}${refused.length ? `; not ${words.list(refused)}` : ''}.`
            : `On ${who}'s amendment ${e.amendment}: not ${words.list(refused)}${ask ? `; we could look again if ${who} accepts ${words.both(ask.issue, ask.option)}` : ''}.`,
          `Counter built from our own utility and believed shares.`,
          {
            drivers: ['answer', 'trade'],
            ...(Object.keys(give).length ? { conceded: give } : {}),
            ...(ask ? { asked: { [ask.issue]: ask.option } } : {}),
          },
          [
            {
              k: 'amend-counter',
              who: p.by,
              n: e.amendment,
              giveIssues: Object.keys(give),
              giveOptions: Object.values(give),
              ...(ask ? { askIssue: ask.issue, askOption: ask.option } : {}),
              refIssues: refuse.map((r) => r.issue),
              refOptions: refuse.map((r) => r.option),
              refWhy: refuse.map((r) => r.code),
              refParty: refuse.map((r) => r.party ?? ''),
            },
          ],
          [{ k: 'n-counter' }],
        ),
      };
    }
    const r: (typeof refuse)[number] = refuse[0] ?? {
      issue: Object.keys(e.options)[0]!,
      option: '',
      why: 'it does not help the table',
      code: 'no-help',
    };
    return {
      type: 'proposal.answer',
      ref: p.seq,
      verdict: 'declined',
      issue: r.issue,
      reason: reason(
        `We decline ${who}'s amendment ${e.amendment}: ${r.option ? words.both(r.issue, r.option) : words.issue(r.issue)}, because ${r.why}.`,
        'Declined.',
        { drivers: ['answer'] },
        [
          {
            k: 'amend-decline',
            who: p.by,
            n: e.amendment,
            issue: r.issue,
            ...(r.option ? { option: r.option } : {}),
            why: r.code,
            ...(r.party ? { party: r.party } : {}),
          },
        ],
        [{ k: 'n-declined' }],
      ),
    };
  }
  if (e.type === 'package.accepted' && e.onlyIf) {
    const kept = Object.entries(e.onlyIf).every(
      ([pkg, v]) => view.packages.find((x) => x.id === pkg)?.version === v,
    );
    const linked = words.list(Object.keys(e.onlyIf).map((x) => words.pkg(x)));
    if (kept)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'folded',
        reason: reason(
          `${linked} stays as it is in text v${view.textVersion}, so ${who}'s acceptance of ${words.pkg(e.package)} stands.`,
          'Kept.',
          {
            drivers: ['answer', 'link'],
          },
          [{ k: 'cond-kept', linked: Object.keys(e.onlyIf), v: view.textVersion, who: p.by, pkg: e.package }],
          [{ k: 'n-kept' }],
        ),
      };
    const moved = Object.keys(e.onlyIf).find(
      (x) =>
        view.packages.find((y) => y.id === x)?.version !== (e.onlyIf ? ownValue(e.onlyIf, x) : undefined),
    );
    return {
      type: 'proposal.answer',
      ref: p.seq,
      verdict: 'countered',
      ...(moved ? { issue: view.scenario.packages.find((x) => x.id === moved)?.issues[0]?.id ?? '' } : {}),
      reason: reason(
        `We had to change ${moved ? words.pkg(moved) : linked} to bring the others along; we ask ${who} to accept ${words.pkg(e.package)} again with text v${view.textVersion}.`,
        'The linked package changed.',
        { drivers: ['answer', 'link'] },
        [
          {
            k: 'cond-changed',
            moved: moved ? [moved] : Object.keys(e.onlyIf),
            who: p.by,
            pkg: e.package,
            v: view.textVersion,
          },
        ],
        [{ k: 'n-linked-changed' }],
      ),
    };
  }
  // A red-line signal.
  if (e.type === 'signal.sent' && e.option !== null) {
    const option = e.option;
    const believed =
      proposerModel?.redLines.find((r) => r.issue === e.issue && r.option === option)?.believed ?? true;
    if (view.text[e.issue] !== option)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'folded',
        issue: e.issue,
        reason: reason(
          `Text v${view.textVersion} does not hold ${words.both(e.issue, option)}; ${who}'s red line is respected.`,
          'Met.',
          {
            drivers: ['answer', 'red-line'],
          },
          [{ k: 'red-line-met', v: view.textVersion, issue: e.issue, option, who: p.by }],
          [{ k: 'n-met' }],
        ),
      };
    if (!believed)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'declined',
        issue: e.issue,
        reason: reason(
          `We do not take ${words.both(e.issue, option)} as a red line for ${who}: ${proposerModel && proposerModel.credibility < 1 ? `${who} has broken its public word before` : `it does not fit what ${who} is publicly known to want`}. It stays unless ${who} offers something for it.`,
          'Red line doubted: a possible bluff.',
          { drivers: ['answer', 'word'] },
          [
            {
              k: 'red-line-doubted',
              issue: e.issue,
              option,
              who: p.by,
              broken: !!proposerModel && proposerModel.credibility < 1,
            },
          ],
          [{ k: 'n-doubted' }],
        ),
      };
    const ask = proposerModel ? cheapAsk(ctx, proposerModel, [e.issue]) : null;
    return {
      type: 'proposal.answer',
      ref: p.seq,
      verdict: 'countered',
      issue: e.issue,
      ...(ask ? { ask: { [ask.issue]: ask.option } } : {}),
      reason: reason(
        `We hear ${who}'s red line on ${words.both(e.issue, option)}. Taking it out costs the others; ${ask ? `we can work on it if ${who} accepts ${words.both(ask.issue, ask.option)}` : 'we will look for a text without it that the others can also sign'}.`,
        'Red line believed; kept in the model as a wall.',
        { drivers: ['answer', 'red-line', 'trade'], ...(ask ? { asked: { [ask.issue]: ask.option } } : {}) },
        [
          {
            k: 'red-line-heard',
            issue: e.issue,
            option,
            who: p.by,
            ...(ask ? { askIssue: ask.issue, askOption: ask.option } : {}),
          },
        ],
        [{ k: 'n-believed' }],
      ),
    };
  }
  return {
    type: 'proposal.answer',
    ref: p.seq,
    verdict: 'declined',
    reason: reason('We cannot take this up.', '', { drivers: ['answer'] }, [{ k: 'cannot-take-up' }]),
  };
}

/** Something to ask of a party in return: an option good for us that it seems to value little. */
function cheapAsk(ctx: Ctx, m: PartyModel, skip: string[]): { issue: string; option: string } | null {
  const { view, own } = ctx;
  const agenda = new Set(view.meeting.agenda);
  let best: { issue: string; option: string; score: number } | null = null;
  for (const issue of own.issues) {
    if (skip.includes(issue.id) || !agenda.has(own.issuePackage.get(issue.id) ?? '')) continue;
    for (const o of issue.options) {
      if (view.text[issue.id] === o.id) continue;
      const t = { ...view.text, [issue.id]: o.id };
      if (!own.valid(t)) continue;
      const ownGain = own.raw(t) - own.raw(view.text);
      if (ownGain <= 0) continue;
      const theirLoss = (believedShare(m, view.text) - believedShare(m, t)) * 10000;
      // Never ask for what any side has declared it can never sign.
      if (Object.values(ctx.models).some((x) => crossesBelievedRedLine(x, t, false))) continue;
      // Nor for what the proposer itself wants: that would be no price.
      if (believedShare(m, t) >= believedShare(m, view.text)) continue;
      const score = ownGain - theirLoss;
      if (!best || score > best.score) best = { issue: issue.id, option: o.id, score };
    }
  }
  return best ? { issue: best.issue, option: best.option } : null;
}
