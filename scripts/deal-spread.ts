// Where seeded games end, deal by deal: for tuning a scenario against the AI.
// usage: npx tsx scripts/deal-spread.ts FILE [GAMES] [seat=player ...]   (player: easy|medium|hard or a strategy)
// Prints each distinct outcome with how many games reached it, the meeting, the utilities, the distance to the
// Nash point and to the frontier (normalised, as `npm run bench` measures them), whether a valid text dominates
// it and, for the first game of each, what the nearest dominating text changes.
import { aiSeats, playGame } from '../src/ai/ai-game';
import type { SeatPlayer } from '../src/ai/seat-player';
import { loadScenarioFile } from '../src/cli/simulate';
import { liveProfile } from '../src/engine/live';
import {
  type Analysis,
  analyseScenario,
  distanceToFrontier,
  distanceToNash,
  isDominated,
} from '../src/scenario/analysis';
import { utilityOf } from '../src/scenario/utility';

const [file, gamesArg, ...seatArgs] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx scripts/deal-spread.ts FILE [GAMES] [seat=player ...]\n');
  process.exit(2);
}
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const sc = loaded.scenario;
const games = Number(gamesArg ?? 50);
const seats: Record<string, SeatPlayer> = { ...aiSeats(sc, 'medium') };
for (const a of seatArgs) {
  const [party, player] = a.split('=');
  if (!party || !player) continue;
  seats[party] =
    player === 'easy' || player === 'medium' || player === 'hard'
      ? { kind: 'ai', difficulty: player }
      : ({ kind: 'strategy', strategy: player } as SeatPlayer);
}
const analyses = new Map<string, Analysis>();
const rows = new Map<string, { n: number; line: string }>();
let noDeal = 0;
for (let seed = 1; seed <= games; seed++) {
  const state = playGame(sc, seed, seats);
  const out = state.outcome;
  if (out?.kind !== 'deal' || !out.text) {
    noDeal++;
    continue;
  }
  const key = state.firedEvents.join(',');
  let a = analyses.get(key);
  if (!a) {
    a = analyseScenario(sc, { firedEvents: state.firedEvents });
    analyses.set(key, a);
  }
  const text = out.text;
  const u: Record<string, number> = {};
  for (const p of sc.parties) u[p.id] = utilityOf(liveProfile(sc, state, p.id), text);
  const id = `${JSON.stringify(u)} meeting ${out.meetingsElapsed + 1}`;
  const row = rows.get(id);
  if (row) {
    row.n++;
    continue;
  }
  const d = isDominated(a, u);
  const changes = d.by
    ? Object.entries(d.by.text)
        .filter(([i, o]) => text[i] !== o)
        .map(([i, o]) => `${i}: ${text[i]} -> ${o}`)
        .join('; ')
    : '';
  rows.set(id, {
    n: 1,
    line: `${id}  nash ${distanceToNash(a, u).toFixed(3)}  frontier ${distanceToFrontier(a, u).toFixed(3)}${d.dominated ? `  DOMINATED by ${JSON.stringify(d.by?.utilities)} (${changes})` : ''}  (first seed ${seed})`,
  });
}
process.stdout.write(`${games} games, ${noDeal} without a deal\n`);
for (const { n, line } of [...rows.values()].sort((x, y) => y.n - x.n))
  process.stdout.write(`${n}× ${line}\n`);
