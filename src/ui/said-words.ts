// The AI delegations' public reasons and the engine's refusals in the interface's language. A reason's words are
// English; its structured form (engine/said) says the same with ids and numbers, and is put into words here with the
// scenario's names in the language shown. English keeps the words as the delegation wrote them.
import type { EngineErrorCode } from '../engine/errors';
import type { NotePhrase, ReasonPhrase, RefusalWhy, SaidPart } from '../engine/said';
import type { GameEvent } from '../engine/state';
import { type Agreement, decimal, language, list, msg, type Named, named, t } from '../i18n';
import type { ErrorCode } from '../protocol';

/** A scenario's names (a scenario, a seat's view's, or the names a teacher's debrief comes with); its events too when
 * known, for the options they add (a seat's view has them in its packages already). */
export interface Names {
  parties: ReadonlyArray<{ id: string; name: string; shortName: string; agreement?: Agreement | undefined }>;
  packages: ReadonlyArray<{
    id: string;
    name: string;
    issues: ReadonlyArray<{
      id: string;
      name: string;
      options: ReadonlyArray<{ id: string; label: string }>;
    }>;
  }>;
  events?: ReadonlyArray<{ effects: ReadonlyArray<{ type: string; issue?: string; option?: unknown }> }>;
}

/** Names and labels of a scenario (as shown, so in its translation), or null when an id is unknown. */
class Lookup {
  constructor(private readonly s: Names) {}
  party(id: string): string | null {
    return this.s.parties.find((p) => p.id === id)?.name ?? null;
  }
  /** The name with how words agree with it ("США предложили"). */
  named(id: string): Named | null {
    const p = this.s.parties.find((x) => x.id === id);
    return p ? named(p) : null;
  }
  shortName(id: string): string | null {
    return this.s.parties.find((p) => p.id === id)?.shortName ?? null;
  }
  pkg(id: string): string | null {
    return this.s.packages.find((p) => p.id === id)?.name ?? null;
  }
  issue(id: string): string | null {
    for (const p of this.s.packages) for (const i of p.issues) if (i.id === id) return i.name;
    return null;
  }
  option(issue: string, option: string): string | null {
    for (const p of this.s.packages)
      for (const i of p.issues) {
        if (i.id !== issue) continue;
        const found = i.options.find((o) => o.id === option)?.label;
        if (found) return found;
      }
    for (const ev of this.s.events ?? [])
      for (const eff of ev.effects)
        if (eff.type === 'addOption' && eff.issue === issue) {
          const added = eff.option as { id: string; label: string };
          if (added.id === option) return added.label;
        }
    return null;
  }
}

/** Thrown when a sentence names something the scenario does not know: the reason's own words are shown then. */
class Unknown extends Error {}

function need<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Unknown();
  return v;
}

/** One sentence in the interface's language. */
function sentence(p: ReasonPhrase, n: Lookup): string {
  const S = msg().said;
  const party = (id: string) => need(n.party(id));
  const subject = (id: string) => need(n.named(id));
  const pkg = (id: string) => need(n.pkg(id));
  const issue = (id: string) => need(n.issue(id));
  const both = (i: string, o: string) => t(S.both, { issue: issue(i), option: need(n.option(i, o)) });
  const why = (w: RefusalWhy, who: string, costs?: string) =>
    t(S.why[w], { who: party(who), party: costs ? party(costs) : '' });
  switch (p.k) {
    case 'amend-met':
      return t(S.amendMet, { v: p.v, who: party(p.who), n: p.n });
    case 'amend-counter': {
      const refused = p.refIssues.map((i, x) =>
        t(S.refused, {
          option: both(i, need(p.refOptions[x])),
          why: why(need(p.refWhy[x]), p.who, p.refParty[x] || undefined),
        }),
      );
      const give = p.giveIssues.map((i, x) => both(i, need(p.giveOptions[x])));
      const askBoth = p.askIssue && p.askOption ? both(p.askIssue, p.askOption) : null;
      if (give.length)
        return t(S.counter, {
          who: party(p.who),
          n: p.n,
          give: list(give),
          ask: askBoth ? t(S.counterAsk, { who: party(p.who), option: askBoth }) : '',
          refused: refused.length ? t(S.counterNot, { items: list(refused) }) : '',
        });
      return t(S.counterNone, {
        who: party(p.who),
        n: p.n,
        items: list(refused),
        ask: askBoth ? t(S.counterNoneAsk, { who: party(p.who), option: askBoth }) : '',
      });
    }
    case 'amend-decline':
      return t(S.decline, {
        who: party(p.who),
        n: p.n,
        option: p.option ? both(p.issue, p.option) : issue(p.issue),
        why: why(p.why, p.who, p.party),
      });
    case 'cond-kept':
      return t(S.condKept, { linked: list(p.linked.map(pkg)), v: p.v, who: party(p.who), pkg: pkg(p.pkg) });
    case 'cond-changed':
      return t(S.condChanged, { moved: list(p.moved.map(pkg)), who: party(p.who), pkg: pkg(p.pkg), v: p.v });
    case 'red-line-met':
      return t(S.redLineMet, { v: p.v, option: both(p.issue, p.option), who: party(p.who) });
    case 'red-line-doubted':
      return t(p.broken ? S.redLineBroken : S.redLineUnfit, {
        option: both(p.issue, p.option),
        who: party(p.who),
      });
    case 'red-line-heard':
      return p.askIssue && p.askOption
        ? t(S.redLineHeardAsk, {
            who: party(p.who),
            option: both(p.issue, p.option),
            ask: both(p.askIssue, p.askOption),
          })
        : t(S.redLineHeard, { who: party(p.who), option: both(p.issue, p.option) });
    case 'cannot-take-up':
      return S.cannotTakeUp;
    case 'priority':
      return p.option
        ? t(S.priorityWant, { issue: issue(p.issue), option: need(n.option(p.issue, p.option)) })
        : t(S.priority, { issue: issue(p.issue) });
    case 'never-sign':
      return t(S.neverSign, { option: both(p.issue, p.option) });
    case 'concern':
      return p.pkg
        ? t(S.concernMandate, { option: both(p.issue, p.option), pkg: pkg(p.pkg) })
        : t(S.concernHome, { option: both(p.issue, p.option) });
    case 'retract':
      return t(
        p.how === 'widened' ? S.retractWidened : p.how === 'in-text' ? S.retractInText : S.retractNotInText,
        { option: both(p.issue, p.option), v: p.v },
      );
    case 'consult':
      return t(S.consult, { v: p.v, pkg: pkg(p.pkg) });
    case 'accept':
      return t(S.accept, { pkg: pkg(p.pkg), v: p.v });
    case 'sign':
      return t(p.last ? S.signLast : S.sign, { v: p.v });
    case 'ask':
      return p.giveIssue && p.giveOption && p.party
        ? t(p.alsoOurs ? S.askAlso : S.askGive, {
            option: both(p.issue, p.option),
            give: both(p.giveIssue, p.giveOption),
            party: party(p.party),
          })
        : t(S.ask, { option: both(p.issue, p.option) });
    case 'reject':
      return t(S.reject, { pkg: pkg(p.pkg), option: both(p.issue, p.option) });
    case 'accept-if':
      return t(S.acceptIf, { pkg: pkg(p.pkg), v: p.v, anchor: pkg(p.anchor) });
    case 'signed-wait':
      return t(S.signedWait, { v: p.v, parties: list(p.waiting.map(party)) });
    case 'signed':
      return S.signed;
    case 'cannot-sign':
      return p.issue && p.option
        ? t(S.cannotSignWhile, { v: p.v, option: both(p.issue, p.option) })
        : t(S.cannotSign, { v: p.v });
    case 'not-enough':
      return p.issue && p.option
        ? t(S.notEnoughWorst, { v: p.v, option: both(p.issue, p.option) })
        : t(S.notEnough, { v: p.v });
    case 'wait-concerns':
      return S.waitConcerns;
    case 'wait-others':
      return S.waitOthers;
    case 'spoiler':
      return t(S.spoiler, { party: subject(p.party) });
    case 'publish':
      return t(S.publish, {
        v: p.v,
        items: list(
          p.issues.map((i, x) => {
            const option = both(i, need(p.options[x]));
            const whom = p.for[x] ?? '';
            if (whom === 'us') return t(S.changeForUs, { option });
            return whom ? t(S.changeFor, { option, party: party(whom) }) : option;
          }),
        ),
      });
    case 'probe':
      return t(p.said ? S.probeSaid : S.probeSilent, { party: subject(p.party) });
    case 'folds':
      return t(S.folds, {
        items: list(
          p.amendments.map((a, x) =>
            p.by[x] ? t(S.foldedOf, { n: a, party: party(need(p.by[x])) }) : t(S.foldedAnon, { n: a }),
          ),
        ),
      });
    case 'answers':
      return t(S.answers, { parties: list(p.parties.map(party)) });
    case 'trade':
      return p.both ? S.tradeBoth : S.tradeGive;
    default:
      throw new Unknown();
  }
}

/** One private note in the interface's language. */
function note(p: NotePhrase, n: Lookup): string {
  const N = msg().notes;
  const S = msg().said;
  const pkg = (id: string) => need(n.pkg(id));
  const issue = (id: string) => need(n.issue(id));
  const both = (i: string, o: string) => t(S.both, { issue: issue(i), option: need(n.option(i, o)) });
  const shortName = (id: string) => n.shortName(id) ?? id;
  switch (p.k) {
    case 'n-met':
      return N.met;
    case 'n-counter':
      return N.counter;
    case 'n-declined':
      return N.declined;
    case 'n-kept':
      return N.kept;
    case 'n-linked-changed':
      return N.linkedChanged;
    case 'n-doubted':
      return N.doubted;
    case 'n-believed':
      return N.believed;
    case 'n-weight':
      return t(N.weight, { weight: p.weight, issue: issue(p.issue) });
    case 'n-blocker':
      return t(N.blocker[p.rule], { option: both(p.issue, p.option) });
    case 'n-concern-gone':
      return t(N.concernGone, { option: both(p.issue, p.option), v: p.v });
    case 'n-consult':
      return t(N.consult, { utility: p.utility, target: p.target, pkg: pkg(p.pkg) });
    case 'n-accept':
      return t(N.accept, { utility: p.utility, target: p.target, pkg: pkg(p.pkg), share: p.share });
    case 'n-sign':
      return t(N.sign, { utility: p.utility, target: p.target, reservation: p.reservation });
    case 'n-amend':
      return p.giveIssue !== undefined
        ? t(N.amendGive, {
            utility: p.utility,
            target: p.target,
            issue: issue(p.issue),
            loss: p.loss,
            give: issue(p.giveIssue),
            cost: p.giveCost ?? 0,
          })
        : t(N.amend, { utility: p.utility, target: p.target, issue: issue(p.issue), loss: p.loss });
    case 'n-reject':
      return t(N.reject, { loss: p.loss, ideal: p.ideal, utility: p.utility, target: p.target });
    case 'n-accept-if':
      return t(N.acceptIf, {
        pkg: pkg(p.pkg),
        share: p.share,
        anchor: pkg(p.anchor),
        anchorShare: p.anchorShare,
      });
    case 'n-turn':
      return t(N.turn, {
        utility: p.utility,
        raw: p.raw,
        target: p.target,
        reservation: p.reservation,
        temperament: need(N.temperaments[p.temperament]),
        difficulty: need(N.difficulties[p.difficulty]),
      });
    case 'n-plan': {
      const shares = (pcts: number[]) =>
        p.parties.map((party, i) => t(N.share, { party: shortName(party), pct: pcts[i] ?? 0 })).join(', ');
      return t(N.plan, {
        ownBefore: p.ownBefore,
        ownAfter: p.ownAfter,
        before: shares(p.before),
        after: shares(p.after),
        target: p.target,
        needs: p.parties
          .map((party, i) => t(N.needs, { party: shortName(party), pct: p.needs[i] ?? 0 }))
          .join(', '),
        from: decimal(p.x100Before / 100, 2),
        to: decimal(p.x100After / 100, 2),
      });
    }
    default:
      throw new Unknown();
  }
}

/** An AI's private note in the interface's language: as `reasonWords`, for the notes the debrief reveals. */
export function noteWords(
  scenario: Names,
  words: string,
  said: readonly SaidPart[] | null | undefined,
): string {
  if (language() === 'en' || !said || said.length === 0) return words;
  return notesInWords(scenario, said) ?? words;
}

/** Structured private notes in the interface's language, or null when one names what is not known. */
export function notesInWords(scenario: Names, said: readonly SaidPart[]): string | null {
  const n = new Lookup(scenario);
  try {
    return said.map((p) => note(p as unknown as NotePhrase, n)).join(' ');
  } catch (e) {
    if (e instanceof Unknown) return null;
    throw e;
  }
}

/**
 * A public reason in the interface's language: its structured form put into words, or its own (English) words when
 * the interface is in English, when it has no structured form (an older game log) or names what the scenario does
 * not know.
 */
export function reasonWords(
  scenario: Names,
  words: string,
  said: readonly SaidPart[] | null | undefined,
): string {
  if (language() === 'en' || !said || said.length === 0) return words;
  return saidInWords(scenario, said) ?? words;
}

/** A structured reason in the interface's language (English too), or null when it names a sentence, a party, a
 * package, an issue or an option this interface or scenario does not know. */
export function saidInWords(scenario: Names, said: readonly SaidPart[]): string | null {
  const n = new Lookup(scenario);
  try {
    return said.map((p) => sentence(p as unknown as ReasonPhrase, n)).join(' ');
  } catch (e) {
    if (e instanceof Unknown) return null;
    throw e;
  }
}

/** An event's public reason in the interface's language, or null when it gives none. */
export function eventReason(scenario: Names, e: GameEvent): string | null {
  if (!e.reason?.public) return null;
  return reasonWords(scenario, e.reason.public, e.reason.said);
}

/** Why the table or the class server refused something, in the interface's language (English keeps the engine's
 * or the server's own, more exact words). */
export function refusalWords(error: { code?: string; message: string }): string {
  if (language() === 'en') return error.message;
  const R = msg().refusals as Record<EngineErrorCode | ErrorCode | 'other', string>;
  return (error.code && R[error.code as EngineErrorCode | ErrorCode]) || R.other;
}
