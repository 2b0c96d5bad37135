// A seeded AI-vs-AI game as a readable transcript (snapshot), and an exact replay from its JSON intent log.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { renderTranscript, replay } from '../../src/engine';
import { harbour, miami } from './fixtures';

describe('transcripts and replay', () => {
  it('renders seed 42 on the default scenario as the snapshot transcript', async () => {
    const sc = miami();
    const { state } = playAiGame(sc, 42);
    await expect(renderTranscript(sc, state.log, { withPrivate: true })).toMatchFileSnapshot(
      '__snapshots__/miami-2025-seed-42.txt',
    );
  });

  it('rebuilds the final state byte for byte from the intent log after a JSON round trip', () => {
    for (const sc of [miami(), harbour()]) {
      const { state, intents } = playAiGame(sc, 42);
      const wire = JSON.parse(JSON.stringify(intents));
      expect(JSON.stringify(replay(sc, 42, wire))).toBe(JSON.stringify(state));
    }
  });

  it('renders the two-party scenario too', async () => {
    const sc = harbour();
    const { state } = playAiGame(sc, 42);
    await expect(renderTranscript(sc, state.log, { withPrivate: true })).toMatchFileSnapshot(
      '__snapshots__/harbour-seed-42.txt',
    );
  });
});
