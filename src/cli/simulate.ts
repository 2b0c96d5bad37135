// `cli simulate`: plays many seeded AI-vs-AI games on a scenario and reports how the table fares.
import { playAiGame } from '../ai/ai-game';
import type { Difficulty } from '../ai/simple-negotiator';
import { renderTranscript } from '../engine/transcript';
import type { Scenario } from '../scenario/schema';

export interface SimulationReport {
  games: number;
  outcomes: Record<string, number>;
  belowReservation: number;
  distinctTranscripts: number;
  meanScore: Record<string, number>;
  meanMeetings: number;
  millis: number;
}

export function simulate(
  scenario: Scenario,
  options: { games: number; seedStart: number; difficulty: Difficulty },
  onProgress?: (done: number) => void,
): SimulationReport {
  const started = performance.now();
  const outcomes: Record<string, number> = {};
  const scoreSum: Record<string, number> = {};
  const transcripts = new Set<string>();
  let below = 0;
  let meetings = 0;
  for (let i = 0; i < options.games; i++) {
    const { state } = playAiGame(scenario, options.seedStart + i, options.difficulty);
    const outcome = state.outcome;
    if (!outcome) continue;
    outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
    meetings += outcome.meetingsElapsed;
    for (const r of outcome.results) {
      scoreSum[r.party] = (scoreSum[r.party] ?? 0) + r.score;
      if (r.utility < r.reservation) below++;
    }
    transcripts.add(renderTranscript(scenario, state.log));
    onProgress?.(i + 1);
  }
  const meanScore: Record<string, number> = {};
  for (const [party, sum] of Object.entries(scoreSum))
    meanScore[party] = Math.round(sum / Math.max(1, options.games));
  return {
    games: options.games,
    outcomes,
    belowReservation: below,
    distinctTranscripts: transcripts.size,
    meanScore,
    meanMeetings: Math.round((meetings / Math.max(1, options.games)) * 10) / 10,
    millis: Math.round(performance.now() - started),
  };
}

export function formatReport(r: SimulationReport): string {
  const pct = (n: number) => `${((n * 100) / Math.max(1, r.games)).toFixed(1)}%`;
  const lines = [
    `${r.games} games in ${(r.millis / 1000).toFixed(1)} s`,
    ...Object.entries(r.outcomes).map(
      ([kind, n]) => `  ${kind.padEnd(8)} ${String(n).padStart(6)}  ${pct(n)}`,
    ),
    `  below a reservation value: ${r.belowReservation}`,
    `  distinct transcripts: ${r.distinctTranscripts}`,
    `  mean meetings before the end: ${r.meanMeetings}`,
    `  mean score (0 = reservation, 100 = ideal): ${Object.entries(r.meanScore)
      .map(([p, s]) => `${p} ${s}`)
      .join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}
