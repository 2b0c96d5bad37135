// The debrief's headline words (how a game ended, who signed and who stopped it), in the interface's language, from
// the debrief's data: shared by the debrief screen and the class teacher's debrief of a table.
import type { BlockerFact, Debrief, MoveAct } from '../engine/debrief';
import { list as listWords, msg, type Named, t } from '../i18n';
import { formatPoints } from './dom';

const W = () => msg().debrief;

/** The debrief's title for how the game ended ("Deal", "No deal", …). */
export function debriefTitle(d: Pick<Debrief, 'kind'>): string {
  return W().titles[d.kind];
}

/** A party's name by id; with `subject`, the name with how words agree with it ("США подписали"). */
export interface PartyNames {
  (id: string): string;
  subject?: (id: string) => Named;
}

/** Who signed, in words (the debrief's data, put in the interface's language). */
export function signedWords(d: Debrief, name: PartyNames): string {
  const s = d.signed;
  const version = s.version ?? d.finalText.version;
  switch (s.detail.k) {
    case 'all':
      return t(W().signedAll, { version, parties: listWords(s.by.map(name)) });
    case 'failed-ratification':
      return t(W().signedFailedHome, { version });
    case 'some':
      return t(W().signedSome, {
        version,
        parties: listWords(s.by.map(name)),
        missing: listWords(s.detail.missing.map(name)),
      });
    case 'none':
      return W().signedNone;
    case 'lapsed':
      return t(W().signedLapsed, {
        n: s.detail.earlier.length,
        version: d.finalText.version,
        earlier: listWords(
          s.detail.earlier.map((x) =>
            t(W().signedEarlier, { party: name.subject?.(x.party) ?? name(x.party), version: x.version }),
          ),
        ),
      });
  }
}

/** The debrief's first sentence: how the game ended and who stopped it. */
export function debriefHeadline(d: Debrief, name: PartyNames): string {
  if (d.kind === 'deal') return t(W().headlineDeal, { version: d.finalText.version });
  if (d.kind === 'walkout') return t(W().headlineWalkout, { party: name(d.walkedAwayBy ?? '') });
  const blockers = listWords(d.blockers.map((b) => name(b.party)));
  const signed = signedWords(d, name);
  if (d.ratified) return t(W().headlineHome, { signed, parties: blockers });
  return t(W().headlineNoDeal, { signed }) + (blockers ? t(W().headlineBlocking, { parties: blockers }) : '');
}

/** One thing that kept a side from the deal, in words. */
export function factWords(f: BlockerFact): string {
  const F = W().facts;
  switch (f.k) {
    case 'walked':
      return F.walked;
    case 'mediator-silent':
      return F.mediatorSilent;
    case 'ratification-failed':
      return t(F.ratificationFailed, { bodies: listWords(f.bodies) });
    case 'red-line':
      return t(F.redLine, { on: listWords(f.on.map((x) => `${x.issue}: ${x.option}`)) });
    case 'mandate':
      return t(F.mandate, { package: f.pkg, share: f.share, minimum: f.minimum });
    case 'worth':
      return t(F.worth, { worth: formatPoints(f.worth), reservation: formatPoints(f.reservation) });
    case 'home-support':
      return t(F.homeSupport, { body: f.body, threshold: f.threshold, support: f.support });
    case 'home-consent':
      return t(F.homeConsent, { body: f.body });
    case 'rejected':
      return t(F.rejected, { package: f.pkg, version: f.version });
    case 'said-red-line':
      return t(F.saidRedLine, { issue: f.issue, option: f.option });
    case 'said-concern':
      return t(F.saidConcern, { issue: f.issue, option: f.option });
    case 'chose':
      return F.chose;
  }
}

/** What a party did, after its name: the verb agrees with `party` ("США предложили поправку"). */
export function moveWords(a: MoveAct, party: Named | string): string {
  const M = W().moves;
  switch (a.type) {
    case 'text.published':
      return t(M.published, { party, version: a.version ?? 0 });
    case 'package.accepted':
      return t(a.conditional ? M.acceptedIf : M.accepted, { party, package: a.pkg ?? '' });
    case 'package.rejected':
      return t(M.rejected, { party, package: a.pkg ?? '' });
    case 'amendment.proposed':
      return t(M.amended, { party, package: a.pkg ?? '' });
    case 'signal.sent': {
      const what = a.option ? `${a.issue}: ${a.option}` : (a.issue ?? '');
      return t((M.signal as Record<string, string>)[a.signal ?? ''] ?? M.other, { party, what });
    }
    case 'proposal.answered':
      return t((M.answered as Record<string, string>)[a.verdict ?? ''] ?? M.other, { party });
    case 'capital.consulted':
      return t(M.consulted, { party, package: a.pkg ?? '' });
    case 'text.signed':
      return t(M.signed, { party, version: a.version ?? 0 });
    case 'party.walkedAway':
      return t(M.walked, { party });
    case 'turn.ended':
      return t(M.ended, { party });
    default:
      return t(M.other, { party });
  }
}
