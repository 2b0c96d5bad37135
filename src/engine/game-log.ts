// A game's log as a file: what replays it exactly (scenario, seed, who played each seat, every accepted intent),
// with a checksum, so a student can export a game, import it again, step through it and fork from any move.
// The checksum catches a file changed by hand or damaged in transit; it is not a signature.
import { z } from 'zod';
import { sourceOf } from '../scenario/localize';
import type { Scenario } from '../scenario/schema';
import { DIFFICULTIES } from './difficulty';
import { applyIntent, createGame } from './game';
import { type Intent, IntentSchema } from './intents';
import type { GameState } from './state';

export const GAME_LOG_FORMAT = 'shuttle-diplomacy.game-log';
/** The largest file we read: a long game is a few hundred kilobytes. */
export const GAME_LOG_MAX_BYTES = 5_000_000;

/** Who played a seat: a person, or the AI at a difficulty. */
export const SeatPlayerSchema = z.enum(['human', ...DIFFICULTIES]);
export type SeatPlayerName = z.infer<typeof SeatPlayerSchema>;

export const GameLogSchema = z.strictObject({
  format: z.literal(GAME_LOG_FORMAT),
  v: z.literal(1),
  scenario: z.strictObject({
    id: z.string().min(1).max(200),
    title: z.string().max(500),
    /** A digest of the scenario file's content: a changed scenario cannot replay the game exactly. */
    digest: z.string().regex(/^[0-9a-f]{8}$/),
  }),
  seed: z.string().min(1).max(100),
  seats: z.record(z.string(), SeatPlayerSchema),
  intents: z.array(IntentSchema).max(20_000),
  /** FNV-1a over the fields above, as written. */
  checksum: z.string().regex(/^[0-9a-f]{8}$/),
});
export type GameLog = z.infer<typeof GameLogSchema>;

/** FNV-1a (32 bits) of a string, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A digest of a scenario's content (its parsed form), so a log names the exact version it was played on. */
export function scenarioDigest(scenario: Scenario): string {
  // A scenario shown in another of its languages is still the scenario as written; its texts in other languages
  // play no part in a game (and a browser loads them only when a player picks a language), so they are left out.
  const { translations: _words, ...game } = sourceOf(scenario);
  return fnv1a(JSON.stringify(game));
}

function checksumOf(log: Omit<GameLog, 'checksum'>): string {
  return fnv1a(
    JSON.stringify([log.format, log.v, log.scenario, log.seed, log.seats, log.intents.map(canonicalIntent)]),
  );
}

/** An intent with its keys in a fixed order, so the checksum does not depend on how it was built. */
function canonicalIntent(intent: Intent): unknown {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
      );
    return value;
  };
  return sort(intent);
}

/** Drops an AI's private note from each reason: kept in a finished game's log (the debrief shows it), not mid-game. */
export function withoutPrivateNotes(intents: readonly Intent[]): Intent[] {
  return intents.map((intent) => {
    if (!intent.reason?.private) return intent;
    const { private: _hidden, ...reason } = intent.reason;
    return { ...intent, reason } as Intent;
  });
}

export interface GameLogInput {
  scenario: Scenario;
  seed: string;
  seats: Record<string, SeatPlayerName>;
  intents: readonly Intent[];
  /** Keep the AI's private notes (only once the game is over). */
  keepPrivate: boolean;
}

export function gameLogOf(input: GameLogInput): GameLog {
  const body = {
    format: GAME_LOG_FORMAT,
    v: 1 as const,
    scenario: {
      id: input.scenario.meta.id,
      title: input.scenario.meta.title,
      digest: scenarioDigest(input.scenario),
    },
    seed: input.seed,
    seats: Object.fromEntries(input.scenario.parties.map((p) => [p.id, input.seats[p.id] ?? 'medium'])),
    // Written as the schema reads them (its key order), so a file read back writes back to the same bytes.
    intents: (input.keepPrivate ? [...input.intents] : withoutPrivateNotes(input.intents)).map((i) =>
      IntentSchema.parse(i),
    ),
  } satisfies Omit<GameLog, 'checksum'>;
  return { ...body, checksum: checksumOf(body) };
}

/** The file's text: the same game always gives the same bytes. */
export function serialiseGameLog(log: GameLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

export type ReadLog =
  | { ok: true; log: GameLog; scenario: Scenario; states: GameState[] }
  | { ok: false; message: string };

function describeIntent(scenario: Scenario, intent: Intent): string {
  const party = scenario.parties.find((p) => p.id === intent.seat)?.name ?? intent.seat;
  return `${party}: ${intent.type}`;
}

/**
 * Reads a game log file and replays it. `findScenario` gives the scenario a log names (or undefined). Every way a
 * file can be wrong ends in one plain sentence: not JSON, not a game log, a scenario we do not have or that changed,
 * a file changed after export, or a move the rules refuse at its point in the game.
 */
export function readGameLog(text: string, findScenario: (id: string) => Scenario | undefined): ReadLog {
  if (text.length > GAME_LOG_MAX_BYTES)
    return {
      ok: false,
      message: `This file is too large to be a game log (over ${GAME_LOG_MAX_BYTES / 1e6} MB).`,
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      message: `This file is not a game log: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== GAME_LOG_FORMAT)
    return { ok: false, message: 'This file is not a Shuttle Diplomacy game log.' };
  const parsed = GameLogSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { ok: false, message: `This game log is damaged${where}: ${first?.message ?? 'invalid'}.` };
  }
  const log = parsed.data;
  const { checksum, ...body } = log;
  if (checksumOf(body) !== checksum)
    return {
      ok: false,
      message:
        'This game log was changed after it was exported (its checksum does not match), so it cannot be trusted to replay the game.',
    };
  const scenario = findScenario(log.scenario.id);
  if (!scenario)
    return {
      ok: false,
      message: `This game was played on the scenario "${log.scenario.title}", which this copy of the game does not have.`,
    };
  if (scenarioDigest(scenario) !== log.scenario.digest)
    return {
      ok: false,
      message: `This game was played on another version of "${scenario.meta.title}"; it cannot be replayed exactly here.`,
    };
  const seats = scenario.parties.map((p) => p.id);
  if (Object.keys(log.seats).length !== seats.length || !seats.every((s) => log.seats[s]))
    return { ok: false, message: 'This game log does not say who played each seat of its scenario.' };
  const states: GameState[] = [createGame(scenario, log.seed)];
  for (const [i, intent] of log.intents.entries()) {
    const r = applyIntent(scenario, states[states.length - 1] as GameState, intent);
    if (!r.ok)
      return {
        ok: false,
        message: `Move ${i + 1} of this game log (${describeIntent(scenario, intent)}) cannot be replayed: ${r.error.message}.`,
      };
    states.push(r.state);
  }
  return { ok: true, log, scenario, states };
}
