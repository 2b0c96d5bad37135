// The opponent model read incrementally, decision after decision, equals the model read from the whole log.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/ai-game';
import { LEVELS } from '../../src/ai/negotiator';
import { buildModels } from '../../src/ai/opponent-model';
import type { SeatPlayer } from '../../src/ai/seat-player';
import { viewFor } from '../../src/engine';
import { harbour, miami } from '../engine/fixtures';

describe('the opponent model', () => {
  it('is the same read incrementally as read from the whole log, at every decision of a game', () => {
    for (const sc of [miami(), harbour()]) {
      for (const level of ['easy', 'medium', 'hard'] as const) {
        const seats: Record<string, SeatPlayer> = {};
        for (const p of sc.parties) seats[p.id] = { kind: 'ai', difficulty: level };
        let checked = 0;
        playGame(sc, 11, seats, {
          onIntent: (_intent, state) => {
            for (const p of sc.parties) {
              const view = viewFor(sc, state, p.id);
              const cached = buildModels(view, LEVELS[level].model);
              const fresh = buildModels(view, LEVELS[level].model, true);
              expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
              checked++;
            }
          },
        });
        expect(checked).toBeGreaterThan(20);
      }
    }
  }, 180_000);
});
