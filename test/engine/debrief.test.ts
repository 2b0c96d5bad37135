import { describe, expect, it } from 'vitest';
import { playAiGame, playGame } from '../../src/ai/ai-game';
import { buildDebrief, type Debrief } from '../../src/engine/debrief';
import { eventsOf, type GameState } from '../../src/engine/state';
import { formatDate } from '../../src/engine/transcript';
import { analyseScenario } from '../../src/scenario/analysis';
import { discounted } from '../../src/scenario/utility';
import { idLeaks } from '../support/id-leaks';
import { harbour, loadFixture, miami } from './fixtures';

const scenario = miami();
const deal = playAiGame(scenario, 1).state;
/** The US mediator as a stonewaller never publishes a text worth signing: the game ends without a deal. */
const noDeal = playGame(scenario, 1, { us: { kind: 'strategy', strategy: 'stonewaller' } });

function words(d: Debrief): string {
  return [
    d.title,
    d.headline,
    d.signed.words,
    ...d.issues.map((i) => `${i.issueName} ${i.optionLabel} ${i.words}`),
    ...d.blockers.flatMap((b) => b.reasons),
    ...d.tradesMade.logrolls,
    ...d.tradesMade.moves.map((m) => `${m.issueName} ${m.from} ${m.to}`),
    ...(d.tradesMissed?.changes.map((c) => `${c.issueName} ${c.from} ${c.to}`) ?? []),
    ...d.privateReasons.map((r) => `${r.move} ${r.public ?? ''} ${r.note}`),
    ...d.blockers.map((b) => `${b.lastPublic ?? ''} ${b.lastPrivate ?? ''}`),
    ...d.priorities.flatMap((p) => p.issues.map((i) => `${i.issueName} ${i.favourite}`)),
    ...d.events.map((e) => `${e.title} ${e.text} ${e.explanation ?? ''} ${e.meetingVenue}`),
  ].join('\n');
}

/** Meetings held before the one where the game ended: the time cost a deal signed there would carry. */
function heldBefore(state: GameState): number {
  return eventsOf(state).filter((e) => e.type === 'meeting.closed' && e.meeting !== state.meeting).length;
}

describe('the debrief of a deal', () => {
  const d = buildDebrief(scenario, deal);

  it('scores each side against its best at the meeting where the game ended, after the time cost', () => {
    expect(d.kind).toBe('deal');
    const a = analyseScenario(scenario, { firedEvents: deal.firedEvents, meetingsElapsed: heldBefore(deal) });
    for (const p of d.parties) {
      const result = deal.outcome?.results.find((r) => r.party === p.id);
      expect(p.utility).toBe(result?.utility);
      expect(p.best).toBe(discounted(a.best[p.id] ?? 0, scenario.discountPerMeeting, heldBefore(deal)));
      // The deal's utility is reachable: it is never above the discounted best, so 100% can be reached.
      expect(p.utility).toBeLessThanOrEqual(p.best);
      expect(p.score).toBe(Math.floor(((p.utility - p.reservation) * 100) / (p.best - p.reservation)));
      expect(p.beatReservation).toBe(p.utility > p.reservation);
    }
  });

  it('says where and when the game ended and what time had cost', () => {
    const meeting = scenario.calendar[deal.meeting];
    expect(d.ended.venue).toBe(meeting?.venue);
    expect(d.ended.date).toBe(formatDate(meeting?.date ?? ''));
    expect(d.ended.heldBefore).toBe(heldBefore(deal));
    expect(d.ended.costPercent).toBe(
      Math.round((10_000 - discounted(10_000, scenario.discountPerMeeting, heldBefore(deal))) / 100),
    );
  });

  it('has one row per issue with each side’s value of the chosen option against its best there', () => {
    const issues = scenario.packages.flatMap((p) => p.issues);
    expect(d.issues.map((i) => i.issue)).toEqual(issues.map((i) => i.id));
    for (const row of d.issues) {
      expect(row.option).toBe(deal.outcome?.text?.[row.issue]);
      for (const s of row.stakes) {
        expect(s.value).toBeLessThanOrEqual(s.bestValue);
        expect(s.points).toBe(s.weight * s.value);
      }
    }
  });

  it('puts the outcome, the Nash point and the frontier on the chart, after the time cost', () => {
    const c = d.chart;
    expect(c.outcome.utilities).toEqual(Object.fromEntries(d.parties.map((p) => [p.id, p.utility])));
    expect(c.nash).not.toBeNull();
    expect(c.lastText).toBeNull();
    // The Nash point is the frontier deal with the largest product of gains over the reservation values.
    const product = (u: Record<string, number>) =>
      d.parties.reduce((n, p) => n * BigInt((u[p.id] ?? 0) - (c.reservation[p.id] ?? 0)), 1n);
    for (const f of c.frontier.filter((x) => x.deal))
      expect(product(f.utilities) <= product(c.nash?.utilities ?? {})).toBe(true);
    // No frontier text is better for every side than the best point a party could reach.
    for (const f of c.frontier)
      for (const p of d.parties) expect(f.utilities[p.id] ?? 0).toBeLessThanOrEqual(c.best[p.id] ?? 0);
    expect(c.zone.exists).toBe(true);
    expect(c.zone.count).toBeGreaterThan(0);
  });

  it('says every side signed, and blames no one', () => {
    expect(d.signed.by.sort()).toEqual(scenario.parties.map((p) => p.id).sort());
    expect(d.blockers).toEqual([]);
    expect(d.ratification.every((r) => r.passed)).toBe(true);
  });

  it('finds a missed trade only in a frontier text that is better for every side', () => {
    const m = d.tradesMissed;
    if (m) {
      for (const p of d.parties) expect(m.utilities[p.id] ?? 0).toBeGreaterThanOrEqual(p.utility);
      expect(d.parties.some((p) => (m.utilities[p.id] ?? 0) > p.utility)).toBe(true);
      expect(m.changes.length).toBeGreaterThan(0);
    }
  });

  it('charts every version published after the opening text and every amendment, scored by true utility', () => {
    const events = eventsOf(deal);
    const offers = d.offers.flatMap((s) => s.offers);
    expect(offers.filter((o) => o.kind === 'text')).toHaveLength(
      events.filter((e) => e.type === 'text.published' && e.version > 1).length,
    );
    expect(offers.filter((o) => o.kind === 'amendment')).toHaveLength(
      events.filter((e) => e.type === 'amendment.proposed').length,
    );
  });

  it('reveals the private notes and every side’s true priorities after the game', () => {
    expect(d.privateReasons.length).toBe(eventsOf(deal).filter((e) => e.private).length);
    for (const pr of d.priorities) expect(pr.packages.reduce((n, p) => n + p.weight, 0)).toBe(100);
    expect(d.epilogue.text).toBe(scenario.epilogue.text);
    expect(d.epilogue.sources).toHaveLength(scenario.epilogue.sources.length);
  });

  it('speaks in names and labels, never ids', () => {
    expect(idLeaks(scenario, words(d))).toEqual([]);
  });
});

describe('the debrief of a game without a deal', () => {
  const d = buildDebrief(scenario, noDeal);

  it('shows the last text on the table and what it would have given each side', () => {
    expect(d.kind).toBe('no-deal');
    expect(d.finalText.version).toBe(noDeal.textVersion);
    const shown = Object.fromEntries(d.issues.map((i) => [i.issue, i.option]));
    expect(shown).toEqual(noDeal.text);
    expect(d.chart.lastText?.version).toBe(noDeal.textVersion);
    for (const p of d.parties) expect(p.utility).toBe(p.reservation);
  });

  it('names who signed and who blocked, with reasons from the rules and the log', () => {
    const signers = scenario.parties
      .map((p) => p.id)
      .filter((p) => noDeal.signatures[p] === noDeal.textVersion);
    expect(d.signed.by).toEqual(signers);
    const blockers = d.blockers.map((b) => b.party);
    for (const p of scenario.parties) if (!signers.includes(p.id)) expect(blockers).toContain(p.id);
    for (const b of d.blockers) {
      expect(b.reasons.length).toBeGreaterThan(0);
      expect(b.facts.length).toBe(b.reasons.length);
    }
    // "closed without a signed text" must not hide the sides that did sign.
    if (signers.length > 0) expect(d.headline).toContain('signed');
  });

  it('offers a text every side would have preferred to no deal, when a deal was possible', () => {
    expect(d.chart.zone.exists).toBe(true);
    const m = d.tradesMissed;
    expect(m).not.toBeNull();
    for (const p of d.parties) expect(m?.utilities[p.id] ?? 0).toBeGreaterThan(p.reservation);
  });

  it('speaks in names and labels, never ids', () => {
    expect(idLeaks(scenario, words(d))).toEqual([]);
  });
});

describe('the events of the game in the debrief', () => {
  const s = loadFixture('test/fixtures/lighthouse-sources.yaml');
  // A side that stonewalls keeps the talks going to the second meeting, where the gale is scripted.
  const state = playGame(s, 1, { west: { kind: 'strategy', strategy: 'stonewaller' } });
  const fired = eventsOf(state).flatMap((e) => (e.type === 'scripted.event' ? [e] : []));

  it('lists every event that fired, where, with its explanation for the debrief and its sources', () => {
    const gale = s.events.find((e) => e.id === 'gale')!;
    expect(gale.debrief).toBeDefined();
    expect(fired.map((e) => e.eventId)).toEqual(['gale']);
    const d = buildDebrief(s, state);
    const meeting = s.calendar.find((m) => m.id === gale.at)!;
    expect(d.events).toEqual([
      {
        title: gale.title,
        text: gale.text,
        meetingVenue: meeting.venue,
        meetingDate: formatDate(meeting.date, true),
        meetingIso: meeting.date,
        injected: false,
        explanation: gale.debrief,
        sources: [
          {
            publisher: 'Westhaven Gazette',
            title: 'A gale breaks the lamp',
            date: '9 May 2024',
            url: 'https://example.org/westhaven/gale',
            kind: 'press',
          },
        ],
        sourceIds: ['gale-report'],
      },
    ]);
    expect(idLeaks(s, words(d))).toEqual([]);
  });

  it('has no explanation where the scenario gives none, and keeps a source’s kind and note', () => {
    const bare = structuredClone(s);
    const gale = bare.events.find((e) => e.id === 'gale')!;
    delete gale.debrief;
    gale.sources = ['survey', 'gale-report', 'survey'];
    const [shown] = buildDebrief(bare, state).events;
    expect(shown?.explanation).toBeNull();
    expect(shown?.sources.map((x) => x.publisher)).toEqual(['Harbour Institute', 'Westhaven Gazette']);
    expect(shown?.sources[0]).toMatchObject({
      kind: 'research',
      note: 'A small survey; its sample is the fishing fleet only.',
      date: '3 March 2024',
    });
  });
});

describe('the debrief of a two-party scenario', () => {
  const s = harbour();
  const state = playAiGame(s, 7).state;
  const d = buildDebrief(s, state);

  it('charts two sides and keeps every figure in range', () => {
    expect(d.chart.parties).toHaveLength(2);
    for (const f of d.chart.frontier)
      for (const u of Object.values(f.utilities)) expect(u >= 0 && u <= 10_000).toBe(true);
    expect(idLeaks(s, words(d))).toEqual([]);
  });
});

describe('the debrief of any game', () => {
  const players = ['passive', 'logroller', 'bluffer', 'stonewaller'] as const;

  it('keeps its figures consistent whoever plays each side and however the game ends', () => {
    for (const party of scenario.parties)
      for (const [n, strategy] of players.entries()) {
        const state = playGame(scenario, 10 + n, { [party.id]: { kind: 'strategy', strategy } });
        const d = buildDebrief(scenario, state);
        const where = `${party.id} as ${strategy}: ${d.kind}`;
        for (const p of d.parties) {
          // No result is worth more than the best text at that meeting, so 100% is always within reach.
          expect(p.utility, where).toBeLessThanOrEqual(Math.max(p.best, p.reservation));
          if (p.score !== null) expect(p.score, where).toBeLessThanOrEqual(100);
          if (d.kind !== 'deal') expect(p.score === null || p.score === 0, where).toBe(true);
        }
        // A missed trade is a frontier deal at least as good for every side and better for one.
        const m = d.tradesMissed;
        if (m) {
          for (const p of d.parties) expect(m.utilities[p.id] ?? 0, where).toBeGreaterThanOrEqual(p.utility);
          expect(
            d.parties.some((p) => (m.utilities[p.id] ?? 0) > p.utility),
            where,
          ).toBe(true);
        }
        // Every side that did not sign the last text is named with a reason; no deal means someone blocked.
        if (d.kind !== 'deal') expect(d.blockers.length, where).toBeGreaterThan(0);
        for (const b of d.blockers) expect(b.reasons.length, where).toBeGreaterThan(0);
        expect(idLeaks(scenario, words(d)), where).toEqual([]);
      }
  });
});
