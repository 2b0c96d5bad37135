// Game logs in the browser: export the game on this page to a file, and read a file the student picks.
import { type GameLog, gameLogOf, type SeatPlayerName, serialiseGameLog } from '../engine/game-log';
import type { GameSession } from './game-session';

/** A file name a student recognises: the scenario, the seed and the day it was saved. */
export function gameLogFileName(log: GameLog, day = new Date().toISOString().slice(0, 10)): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z-]+/g, '-').slice(0, 60);
  return `shuttle-diplomacy-${safe(log.scenario.id)}-seed-${safe(log.seed)}-${day}.json`;
}

/** The log of the game running in this page; the AI's private notes only once the game is over. */
export function sessionLog(session: GameSession): GameLog {
  const { setup } = session;
  const seats: Record<string, SeatPlayerName> = {};
  for (const p of setup.scenario.parties) seats[p.id] = session.isHuman(p.id) ? 'human' : setup.difficulty;
  return gameLogOf({
    scenario: setup.scenario,
    seed: setup.seed,
    seats,
    intents: session.table.intents(),
    keepPrivate: session.table.state().status === 'ended',
  });
}

/** Offers a text file for download (the browser saves it where the student's downloads go). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadGameLog(log: GameLog): void {
  downloadText(gameLogFileName(log), serialiseGameLog(log));
}
