// What a seat missed: the meetings held without it since it last had the floor, read from its own view.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { type GameState, replay, viewFor } from '../../src/engine';
import { missedMeetings } from '../../src/engine/away';
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
});
