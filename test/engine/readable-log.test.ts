// The log reads in names and labels: no package, issue or option id reaches a reader, a new text says what
// changed, a fold says what the amendment was, and a closing meeting says who still has to accept.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import {
  applyIntent,
  createGame,
  type GameState,
  LogReader,
  renderTranscript,
  scenarioWords,
  viewFor,
} from '../../src/engine';
import { changeWorth, liveBrief, meetingPosition, textVersions } from '../../src/engine/seat-figures';
import { idLeaks } from '../support/id-leaks';
import { harbour, miami } from './fixtures';

function play(state: GameState, sc: ReturnType<typeof miami>, intent: object): GameState {
  const r = applyIntent(sc, state, { v: 1, ...intent });
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('the readable log', () => {
  it('flags the ids the old log printed (the check is not vacuous)', () => {
    const sc = miami();
    expect(idLeaks(sc, 'Ukraine accepts security at v3')).toEqual(['security']);
    expect(idLeaks(sc, 'Miami, 2025-12-06: US + Ukraine; agenda sovereignty, territory, security')).toEqual([
      'sovereignty',
      'territory',
      'security',
    ]);
    expect(idLeaks(harbour(), 'North proposes amendment 1 to pier: owner=south-owns')).toEqual([
      'pier',
      'owner',
      'south-owns',
    ]);
    // A name or label that happens to hold an id's word is not a leak.
    expect(idLeaks(sc, 'Ukraine accepts European security as in text v3')).toEqual([]);
  });

  for (const [name, scenario] of [
    ['the default scenario', miami],
    ['the two-party scenario', harbour],
  ] as const) {
    it(`holds no id in any public line of whole AI games on ${name}`, () => {
      const sc = scenario();
      for (const seed of [1, 7, 42]) {
        const { state } = playAiGame(sc, seed);
        const text = renderTranscript(sc, state.log);
        expect(idLeaks(sc, text), `seed ${seed}`).toEqual([]);
        for (const p of sc.parties) {
          const view = viewFor(sc, state, p.id);
          const seatText = renderTranscript(sc, view.log);
          expect(idLeaks(sc, seatText), `seed ${seed} as ${p.id}`).toEqual([]);
        }
      }
    });
  }

  it('names the opening text by package, not as one wall of issues', () => {
    const sc = miami();
    const reader = new LogReader(scenarioWords(sc));
    const state = createGame(sc, 1);
    const opening = state.log.find((e) => e.type === 'text.published');
    const line = opening && reader.read(opening);
    expect(line?.text).toBe('US puts the opening text (v1) on the table: 21 issues in 5 packages');
    expect(line?.details).toHaveLength(5);
    expect(line?.details[0]).toMatch(/^Sovereignty: Army size cap: /);
  });

  it('says what an amendment folded into a text asked for, and what each change was', () => {
    const sc = miami();
    let state = createGame(sc, 1);
    // Miami: US then Ukraine. The US ends its turn; Ukraine proposes; the US folds it into v2.
    state = play(state, sc, { seat: 'us', type: 'turn.end' });
    state = play(state, sc, {
      seat: 'ua',
      type: 'amendment.propose',
      package: 'sovereignty',
      options: { 'army-cap': 'cap-800k' },
    });
    state = play(state, sc, { seat: 'ua', type: 'turn.end' });
    state = play(state, sc, {
      seat: 'us',
      type: 'text.publish',
      text: { 'army-cap': 'cap-800k' },
      folds: [1],
    });
    const text = renderTranscript(sc, state.log);
    expect(text).toContain(
      "US publishes text v2, changing Sovereignty; it takes in Ukraine's amendment 1 (Army size cap → Capped at 800,000)",
    );
    expect(text).toContain('    Army size cap: Capped at 600,000 → Capped at 800,000');
    expect(text).not.toMatch(/folds amendment \d/);
    // The diff, for Ukraine: its own value of each option before and after.
    const ua = viewFor(sc, state, 'ua');
    const v2 = textVersions(ua.log).at(-1);
    expect(v2?.version).toBe(2);
    const worth = ua.me && v2 ? changeWorth(ua.me, v2.changed[0]!) : null;
    const pref = sc.profiles.ua?.preferences['army-cap'];
    expect(worth).toEqual({
      from: pref?.values['cap-600k'],
      to: pref?.values['cap-800k'],
      points: (pref?.weight ?? 0) * ((pref?.values['cap-800k'] ?? 0) - (pref?.values['cap-600k'] ?? 0)),
    });
  });

  it('credits an amendment a later text adopts without folding it by name', () => {
    const sc = miami();
    let state = createGame(sc, 1);
    state = play(state, sc, { seat: 'us', type: 'turn.end' });
    state = play(state, sc, {
      seat: 'ua',
      type: 'amendment.propose',
      package: 'sovereignty',
      options: { 'army-cap': 'no-cap' },
    });
    state = play(state, sc, { seat: 'ua', type: 'turn.end' });
    state = play(state, sc, { seat: 'us', type: 'text.publish', text: { 'army-cap': 'no-cap' } });
    expect(renderTranscript(sc, state.log)).toContain(
      "it now gives what Ukraine's amendment 1 (Army size cap → No cap) from Miami asked for",
    );
  });

  it('says the absent party must accept too when everyone present accepts', () => {
    const sc = miami();
    let state = createGame(sc, 1);
    const agenda = sc.calendar[0]?.agenda ?? [];
    const turns = sc.calendar[0]?.turns ?? 1;
    // A text inside everyone's zone of agreement (as the solo browser test publishes), on this meeting's agenda.
    const zone: Record<string, string> = {
      'army-cap': 'cap-800k',
      elections: 'elections-100-days',
      recognition: 'not-recognised',
      donetsk: 'freeze-line',
      guarantees: 'european-led',
      enlargement: 'no-enlargement',
    };
    state = play(state, sc, { seat: 'us', type: 'text.publish', text: zone });
    const v = state.textVersion;
    for (let round = 0; round < turns; round++) {
      for (const seat of ['us', 'ua']) {
        for (const pkg of agenda) {
          const r = applyIntent(sc, state, { v: 1, seat, type: 'package.accept', package: pkg, version: v });
          if (r.ok) state = r.state;
        }
        state = play(state, sc, { seat, type: 'turn.end' });
      }
    }
    const closed = state.log.find((e) => e.type === 'meeting.closed');
    expect(closed).toBeDefined();
    const text = renderTranscript(sc, state.log);
    const line = text.split('\n').find((l) => l.startsWith('Meeting closes'));
    expect(line).toMatch(
      /^Meeting closes; nothing is provisionally agreed by every party yet\. US and Ukraine accept .+; Russia, not at this meeting, must accept/,
    );
  });

  it('counts meetings the same way everywhere: meeting 1 of 5 has 4 after it', () => {
    const sc = miami();
    const view = viewFor(sc, createGame(sc, 1), 'ua');
    const pos = meetingPosition(view);
    expect(pos).toEqual({ number: 1, total: sc.calendar.length, after: sc.calendar.length - 1, last: false });
    expect(pos.after).toBe(view.meetingsLeft);
  });

  it("tells each seat the news of an event with its own changes only, never another party's", () => {
    const sc = miami();
    const { state } = playAiGame(sc, 7);
    const freeze = (seat: string) =>
      viewFor(sc, state, seat).news.find(
        (n) => n.title === "The EU keeps Russia's assets frozen indefinitely",
      );
    // The event lowers Russia's reservation value: Russia hears of it, the others hear the news alone.
    expect(freeze('ru')?.reservation).toBe(-200);
    expect(freeze('ua')?.reservation).toBe(0);
    expect(freeze('us')?.reservation).toBe(0);
    const zone = viewFor(sc, state, 'ua').news.find((n) => n.addedOptions.length > 0);
    expect(zone?.addedOptions).toEqual([{ issue: 'donetsk', option: 'free-economic-zone' }]);
  });

  it("gives the live brief the engine's own figures for the seat", () => {
    const sc = miami();
    const { state } = playAiGame(sc, 7);
    for (const p of sc.parties) {
      const view = viewFor(sc, state, p.id);
      const live = liveBrief(view);
      expect(live?.reservation).toBe(view.me?.reservation);
      expect(live?.value).toBe(view.score?.utility);
      expect(live?.mandate.map((m) => m.shareNow)).toEqual(view.me?.mandate.map((m) => m.shareNow));
    }
  });
});
