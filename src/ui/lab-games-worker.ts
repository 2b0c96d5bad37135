// The scenario lab's games worker: plays a batch of quick all-AI games (the simulator's playGame) off the page's
// main thread and posts where each one ended, game by game.
import { aiSeats, playGame } from '../ai/ai-game';
import { utilityOf } from '../scenario/utility';
import {
  isLabGamesRequest,
  LAB_GAMES_PROTOCOL,
  type LabGame,
  type LabGamesReply,
} from './lab-games-protocol';

interface LabWorkerScope {
  postMessage(message: LabGamesReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as LabWorkerScope;
/** The batch being played: a newer request stops an older batch between two games. */
let current = 0;

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (!isLabGamesRequest(request)) return;
  current = request.batch;
  const { scenario, batch } = request;
  const seats = aiSeats(scenario, request.difficulty);
  let index = request.first;
  // One game per task, so a newer request (a message) is read between games.
  const next = () => {
    if (current !== batch || index >= request.games) return;
    try {
      const state = playGame(scenario, request.seed + index, seats);
      const outcome = state.outcome;
      const text = outcome?.kind === 'deal' ? outcome.text : null;
      const game: LabGame = {
        index,
        outcome: outcome?.kind ?? 'no-deal',
        utilities: text
          ? Object.fromEntries(
              scenario.parties.map((p) => {
                const profile = scenario.profiles[p.id];
                return [p.id, profile ? utilityOf(profile, text) : 0];
              }),
            )
          : null,
        meetings: outcome?.meetingsElapsed ?? 0,
      };
      scope.postMessage({ v: LAB_GAMES_PROTOCOL, type: 'game.played', batch, game });
      index += request.stride;
      setTimeout(next, 0);
    } catch (error) {
      scope.postMessage({
        v: LAB_GAMES_PROTOCOL,
        type: 'games.failed',
        batch,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  next();
});
