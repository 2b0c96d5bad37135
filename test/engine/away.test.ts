// What a seat missed: the meetings held without it since it last had the floor, read from its own view.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { type GameState, replay, viewFor } from '../../src/engine';
import { missedMeetings, openMeetingSoFar } from '../../src/engine/away';
import { miami } from './fixtures';

describe('missed meetings', () => {
  const sc = miami();

  it('lists the meetings Russia was not at before its first turn, each from its opening to the next', () => {
    const game = playAiGame(sc, 3, 'medium');
    // The state at Russia's first turn.
    let state: GameState | null = null;
    for (let k = 1; k <= game.intents.length && !state; k++) {
      const s = replay(sc, 3, game.intents.slice(0, k));
      if (s.order[s.speaker] === 'ru' && s.status === 'negotiating') state = s;
    }
    if (!state) throw new Error('Russia never spoke');
    const view = viewFor(sc, state, 'ru');
    const missed = missedMeetings(view.log, 'ru', 0);
    const without = sc.calendar.slice(0, state.meeting).filter((m) => !m.participants.includes('ru'));
    expect(missed.map((m) => `${m.venue} ${m.date}`)).toEqual(without.map((m) => `${m.venue} ${m.date}`));
    for (const m of missed) {
      expect(m.events[0]?.type).toBe('meeting.opened');
      expect(m.events.some((e) => e.type === 'meeting.closed')).toBe(true);
      expect(m.participants).not.toContain('ru');
    }
    // Only what Russia's own view holds: nothing private to another seat.
    for (const m of missed)
      for (const e of m.events) expect(e.to === 'all' || e.to.includes('ru')).toBe(true);
    // Nothing missed since its own turn started, and nothing for a seat that was at every meeting so far.
    const last = view.log.at(-1)?.seq ?? 0;
    expect(missedMeetings(view.log, 'ru', last)).toEqual([]);
    expect(missedMeetings(viewFor(sc, state, 'us').log, 'us', 0)).toEqual([]);
  });

  it("tells what happened at the meeting open now before the seat's first turn, and nothing once it has the floor", () => {
    // A seat's turn after another's publication at the same meeting: the view's text version is ahead of the missed
    // meetings' last one, and the open meeting so far says how.
    for (let seed = 1; seed <= 40; seed++) {
      const game = playAiGame(sc, seed, 'medium');
      for (let k = 1; k <= game.intents.length; k++) {
        const s = replay(sc, seed, game.intents.slice(0, k));
        if (s.status !== 'negotiating' || s.order[s.speaker] !== 'ru') continue;
        const view = viewFor(sc, s, 'ru');
        const open = [...view.log].reverse().find((e) => e.type === 'meeting.opened');
        const published = view.log.filter((e) => e.type === 'text.published' && e.seq > (open?.seq ?? 0));
        if (published.length === 0) continue;
        const soFar = openMeetingSoFar(view.log, 0);
        expect(soFar?.events[0]).toBe(open);
        expect(soFar?.events.filter((e) => e.type === 'text.published')).toEqual(published);
        // Read since its last event: nothing new.
        expect(openMeetingSoFar(view.log, view.log.at(-1)?.seq ?? 0)).toBeNull();
        return;
      }
    }
    throw new Error('no game where Russia speaks after a publication at the same meeting');
  });
});
