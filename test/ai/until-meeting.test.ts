// Starting a game at a later meeting: the AI plays every seat until that meeting opens; the moves replay to the same
// state, and the game is still on at the first turn of that meeting.
import { describe, expect, it } from 'vitest';
import { playAiGame, playUntilMeeting } from '../../src/ai/ai-game';
import { replay } from '../../src/engine/game';
import { harbour as harbourFile, miami as miamiFile } from '../engine/fixtures';

const miami = miamiFile();
const harbour = harbourFile();

describe('playUntilMeeting', () => {
  for (const [name, sc] of [
    ['miami-2025', miami],
    ['harbour', harbour],
  ] as const) {
    it(`${name}: stops as the asked meeting opens, its moves replay to the same state`, () => {
      const last = sc.calendar.length - 1;
      for (const meeting of [0, 1, Math.min(2, last)]) {
        const { state, intents } = playUntilMeeting(sc, 11, meeting);
        expect(state.status).toBe('negotiating');
        expect(state.meeting).toBe(meeting);
        expect(replay(sc, 11, intents)).toEqual(state);
        if (meeting === 0) expect(intents).toEqual([]);
        else {
          // The same opening as a whole AI game's: nothing but the stop differs.
          const whole = playAiGame(sc, 11);
          expect(whole.intents.slice(0, intents.length)).toEqual(intents);
          expect(intents.length).toBeGreaterThan(0);
        }
      }
    });
  }

  it('stops at the end when the game ends before the meeting', () => {
    const whole = playAiGame(miami, 3);
    const { state, intents } = playUntilMeeting(miami, 3, miami.calendar.length + 5);
    expect(state.status).toBe('ended');
    expect(intents).toEqual(whole.intents);
  });
});
