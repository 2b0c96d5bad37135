// The simulator's measures on hand-built logs: answered proposals, broken words, and their aggregate.
import { describe, expect, it } from 'vitest';
import { aiSeats, playGame } from '../../src/ai/ai-game';
import {
  aggregate,
  analyseDeal,
  brokenWords,
  type GameRecord,
  gameRecord,
  tallyProposals,
} from '../../src/cli/sim-metrics';
import type { GameEvent } from '../../src/engine';
import { miami } from '../engine/fixtures';

type Fields = Record<string, unknown> & { type: GameEvent['type'] };

/** A log from bare event fields: seq numbers follow the order given. */
function log(...events: Fields[]): GameEvent[] {
  return events.map((e, i) => ({ seq: i + 1, meeting: 0, to: 'all', ...e }) as unknown as GameEvent);
}

const started = (party: string): Fields => ({ type: 'turn.started', party, round: 0 });
const ended = (party: string): Fields => ({ type: 'turn.ended', party, timedOut: false });
const amend = (by: string): Fields => ({
  type: 'amendment.proposed',
  by,
  amendment: 1,
  package: 'p',
  options: { a: 'a2' },
  version: 1,
});
const conditional = (by: string, onlyIf: Record<string, number> | null = { q: 1 }): Fields => ({
  type: 'package.accepted',
  by,
  package: 'p',
  version: 1,
  onlyIf,
});
const signal = (by: string, kind: string, issue: string, option: string | null): Fields => ({
  type: 'signal.sent',
  by,
  kind,
  issue,
  option,
  recipients: 'all',
  message: null,
});
const answer = (by: string, ref: number, verdict = 'declined'): Fields => ({
  type: 'proposal.answered',
  by,
  ref,
  refKind: 'amendment',
  proposer: 'ua',
  verdict,
  issue: null,
  give: null,
  ask: null,
});
const published = (version: number, changed: Record<string, string>): Fields => ({
  type: 'text.published',
  by: 'us',
  version,
  changed,
  changedPackages: ['p'],
  folds: [],
});
const signed = (by: string, version: number): Fields => ({ type: 'text.signed', by, version });

describe('answered proposals', () => {
  const students = new Set(['ua']);

  it("counts a student's amendment, conditional acceptance and red-line signal, answered within the mediator's next turn", () => {
    const events = log(
      started('us'), //                   1
      ended('us'), //                     2
      started('ua'), //                   3
      amend('ua'), //                     4: answered in time
      conditional('ua'), //               5: answered in time
      signal('ua', 'red-line', 'a', 'a1'), // 6: answered too late
      conditional('ua', null), //         7: a plain acceptance is no proposal
      signal('ua', 'concern', 'a', 'a1'), // 8: a concern is no proposal
      ended('ua'), //                     9
      started('us'), //                   10
      answer('us', 4, 'folded'), //       11
      answer('us', 5), //                 12
      ended('us'), //                     13
      started('us'), //                   14
      answer('us', 6), //                 15: after the end of the first turn that started after it
      ended('us'), //                     16
    );
    expect(tallyProposals({ mediator: 'us' }, events, students)).toEqual({ proposals: 3, answered: 2 });
  });

  it('leaves out proposals after which the mediator never has a turn, and those of AI seats', () => {
    const events = log(
      started('ru'),
      amend('ru'), // an AI's proposal
      ended('ru'),
      started('ua'),
      amend('ua'), // the game ends before the mediator speaks again
      { type: 'game.ended', outcome: null },
    );
    expect(tallyProposals({ mediator: 'us' }, events, students)).toEqual({ proposals: 0, answered: 0 });
  });

  it("leaves out the mediator's own proposals when a student holds the mediator's seat", () => {
    const events = log(
      started('us'),
      signal('us', 'red-line', 'a', 'a1'),
      ended('us'),
      started('us'),
      ended('us'),
    );
    expect(tallyProposals({ mediator: 'us' }, events, new Set(['us']))).toEqual({
      proposals: 0,
      answered: 0,
    });
  });

  it('counts an answer only from the mediator and only for the proposal it names', () => {
    const events = log(
      started('ua'),
      amend('ua'), // 2
      ended('ua'),
      started('us'),
      answer('ru', 2), // not the mediator
      answer('us', 99), // another proposal
      ended('us'),
    );
    expect(tallyProposals({ mediator: 'us' }, events, students)).toEqual({ proposals: 1, answered: 0 });
  });

  it('counts an answer given in a turn that the game ends before it closes', () => {
    const events = log(started('ua'), amend('ua'), ended('ua'), started('us'), answer('us', 2));
    expect(tallyProposals({ mediator: 'us' }, events, students)).toEqual({ proposals: 1, answered: 1 });
  });

  it('without a mediator, the next other party to speak answers', () => {
    const events = log(
      started('north'),
      amend('north'), // 2: answered by south in its next turn
      ended('north'),
      started('north'), // the proposer's own turn does not count
      ended('north'),
      started('south'),
      answer('south', 2),
      ended('south'),
      started('north'),
      amend('north'), // 10: south's next turn passes without an answer
      ended('north'),
      started('south'),
      ended('south'),
      answer('south', 10),
    );
    expect(tallyProposals({ mediator: null }, events, new Set(['north']))).toEqual({
      proposals: 2,
      answered: 1,
    });
  });
});

describe('broken words', () => {
  const ai = new Set(['ru', 'us']);

  it('counts an AI signature on a text holding an option it called a concern or red line and never retracted', () => {
    const events = log(
      published(1, { a: 'a1', b: 'b1' }),
      signal('ru', 'concern', 'a', 'a1'),
      signed('ru', 1), // broken: a1 is in v1
      signal('ru', 'retract', 'a', 'a1'),
      published(2, { b: 'b2' }),
      signed('ru', 2), // kept: the concern on a1 was retracted
      signal('ru', 'red-line', 'b', 'b2'),
      signed('ru', 2), // broken: b2 is in v2
      signal('ua', 'red-line', 'a', 'a1'),
      signed('ua', 2), // a student's word is not counted
      signal('us', 'concern', 'b', null),
      signal('us', 'priority', 'a', 'a1'),
      signed('us', 2), // a concern naming no option, a priority: nothing to break
      signal('us', 'concern', 'a', 'a9'),
      signed('us', 2), // the option is not in the text
    );
    expect(brokenWords(events, ai)).toBe(2);
  });

  it('reads the text at the signed version', () => {
    const events = log(
      published(1, { a: 'a1' }),
      published(2, { a: 'a2' }),
      signal('ru', 'concern', 'a', 'a1'),
      signed('ru', 2),
    );
    expect(brokenWords(events, ai)).toBe(0);
  });
});

describe('aggregate', () => {
  const record = (over: Partial<GameRecord>): GameRecord => ({
    seed: 1,
    outcome: 'no-deal',
    allSigned: false,
    ratified: false,
    deal: null,
    belowReservation: false,
    redLineViolations: 0,
    brokenWords: 0,
    nashDistance: null,
    frontierDistance: null,
    dominated: null,
    scores: { a: 0, b: 0 },
    proposals: 0,
    answered: 0,
    meetings: 5,
    ...over,
  });
  const deal = (nash: number, frontier: number, dominated: boolean, scores: Record<string, number>) =>
    record({
      outcome: 'deal',
      allSigned: true,
      ratified: true,
      deal: 'a=a1 b=b1',
      nashDistance: nash,
      frontierDistance: frontier,
      dominated,
      scores,
      meetings: 3,
    });

  it('reports rates over games and closeness to Nash and the frontier over deals', () => {
    const a = aggregate(
      [
        deal(0.05, 0, false, { a: 60, b: 40 }),
        deal(0.2, 0.03, true, { a: 50, b: 50 }),
        record({ allSigned: true, proposals: 3, answered: 2 }),
        record({ belowReservation: true, brokenWords: 1, proposals: 1, answered: 1 }),
      ],
      ['a', 'b'],
    );
    expect(a).toMatchObject({
      games: 4,
      deals: 2,
      distinctDeals: 1,
      agreementRate: 0.75,
      ratifiedRate: 0.5,
      belowReservation: 1,
      brokenWords: 1,
      meanNashDistance: 0.125,
      shareWithinNash010: 0.5,
      shareWithinPareto002: 0.5,
      dominatedDeals: 1,
      dominatedShare: 0.5,
      meanScore: { a: 27.5, b: 22.5 },
      answeredShare: 0.75,
      outcomes: { deal: 2, 'no-deal': 2 },
    });
  });

  it('answers 1 when there was nothing to answer, and no Nash figures without deals', () => {
    const a = aggregate([record({})], ['a', 'b']);
    expect(a.answeredShare).toBe(1);
    expect(a.meanNashDistance).toBeNull();
    expect(a.shareWithinPareto002).toBeNull();
  });
});

describe('game records', () => {
  const sc = miami();

  it('place a deal against the exact analysis: nearer the frontier than the Nash point, within [0, 1]', () => {
    const seats = aiSeats(sc, 'medium');
    for (const seed of [1, 2, 3]) {
      const r = gameRecord(sc, seed, playGame(sc, seed, seats), seats, analyseDeal);
      if (!r.ratified) continue;
      expect(r.nashDistance).not.toBeNull();
      expect(r.frontierDistance).not.toBeNull();
      expect(r.frontierDistance!).toBeGreaterThanOrEqual(0);
      expect(r.frontierDistance!).toBeLessThanOrEqual(r.nashDistance!);
      expect(r.nashDistance!).toBeLessThanOrEqual(1);
      expect(typeof r.dominated).toBe('boolean');
      expect(r.redLineViolations).toBe(0);
      expect(Object.keys(r.scores).sort()).toEqual(['ru', 'ua', 'us']);
    }
  }, 120_000);

  it('give no distances for a game without a deal', () => {
    // A mediator who never drafts a text: nothing to sign, no deal.
    const seats = { ...aiSeats(sc, 'medium'), us: { kind: 'strategy', strategy: 'passive' } as const };
    const r = gameRecord(sc, 4, playGame(sc, 4, seats), seats, analyseDeal);
    expect(r.ratified).toBe(false);
    expect([r.nashDistance, r.frontierDistance, r.dominated]).toEqual([null, null, null]);
    expect(Object.values(r.scores)).toEqual([0, 0, 0]);
  }, 120_000);
});
