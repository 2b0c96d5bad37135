// What every AI decision shares: difficulty levels, the turn's memory, the decision context, and plain words.
import type { Difficulty } from '../engine/difficulty';
import type { ReasonBasis, ReasonDriver } from '../engine/intents';
import { type NotePhrase, type ReasonPhrase, saidParts } from '../engine/said';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import type { Text } from '../scenario/schema';
import type { ModelSettings, OpponentModels } from './opponent-model';
import type { Evaluation, OwnPosition } from './own-position';

export { DIFFICULTIES, type Difficulty } from '../engine/difficulty';

export interface AiConfig {
  difficulty: Difficulty;
  /** Seeds the AI's own tie-breaking; same seed, same moves. */
  seed: number;
}

/** What the AI remembers within one turn: what it has done, and the plan it made at the turn's start. */
export interface TurnMemory {
  done: string[];
  plan: Plan | null;
}

export interface Plan {
  /** Issue → option changes to publish, or null to keep the text. */
  publish: Text | null;
  folds: number[];
  why: string;
  said: ReasonPhrase[];
  privateSaid: NotePhrase[];
  basis: ReasonBasis;
  privateNote: string;
}

/** How many of its heaviest issues an AI names, one a turn, most important first. */
export const PRIORITIES_TOLD = 4;

export function newTurnMemory(): TurnMemory {
  return { done: [], plan: null };
}

export interface Level {
  /** Concession exponent: above 1 concedes early (conceder), below 1 holds out (Boulware). */
  exponent: number;
  model: ModelSettings;
  /** How much an author weighs its own gain against the others' in its drafts. */
  selfWeight: number;
  /** Share of the others' concessions it mirrors (reciprocity). */
  reciprocity: number;
  /** The least share of the way from its reservation value to its best it will sign for, even at the end. */
  walkAway: number;
  /** Whether, as the author, it keeps giving ground in the last meeting to a spoiler (a side that rejects
   * everything and says nothing) by undoing what the others accepted, rather than hold their text. */
  yieldsToSpoiler: boolean;
}

export const LEVELS: Record<Difficulty, Level> = {
  easy: {
    exponent: 2.4,
    model: { learning: 0.8, bluffBelief: 'always', startThreshold: 0.35 },
    selfWeight: 0.7,
    reciprocity: 0.6,
    walkAway: 0,
    yieldsToSpoiler: true,
  },
  medium: {
    exponent: 1.1,
    model: { learning: 1, bluffBelief: 'credible', startThreshold: 0.4 },
    selfWeight: 1,
    reciprocity: 0.4,
    walkAway: 0,
    yieldsToSpoiler: false,
  },
  hard: {
    exponent: 0.5,
    model: { learning: 1.2, bluffBelief: 'proven', startThreshold: 0.45 },
    selfWeight: 1.6,
    reciprocity: 0.25,
    walkAway: 0.1,
    yieldsToSpoiler: false,
  },
};

/** hardliner, pragmatist or conceder, from the scenario's toughness. */
export function temperament(toughness: number): 'hardliner' | 'pragmatist' | 'conceder' {
  return toughness >= 60 ? 'hardliner' : toughness <= 35 ? 'conceder' : 'pragmatist';
}

/** How far through the calendar the table is, 0 at the first turn to 1 at the last. */
export function progress(view: SeatView): number {
  const total = view.meetingsElapsed + view.meetingsLeft + 1;
  const within = view.round / Math.max(1, view.meeting.turns);
  return Math.min(1, (view.meetingsElapsed + within) / Math.max(1, total - 0.5));
}

/** Names and labels for plain-word reasons: never ids. */
export class Words {
  constructor(private readonly view: SeatView) {}
  party(id: string): string {
    return this.view.scenario.parties.find((p) => p.id === id)?.name ?? id;
  }
  issue(id: string): string {
    for (const p of this.view.scenario.packages) for (const i of p.issues) if (i.id === id) return i.name;
    return id;
  }
  option(issue: string, option: string): string {
    for (const p of this.view.scenario.packages)
      for (const i of p.issues)
        if (i.id === issue) return i.options.find((o) => o.id === option)?.label ?? option;
    return option;
  }
  both(issue: string, option: string): string {
    return `‘${this.issue(issue)}: ${this.option(issue, option)}’`;
  }
  pkg(id: string): string {
    return this.view.scenario.packages.find((p) => p.id === id)?.name ?? id;
  }
  list(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join('; ')} and ${items.at(-1)}`;
  }
}

export interface Ctx {
  /** Whether another party has declared it can never sign this option (and we believe it). */
  forbidden: (issue: string, option: string) => boolean;
  view: SeatView;
  cfg: AiConfig;
  level: Level;
  own: OwnPosition;
  models: OpponentModels;
  words: Words;
  now: Evaluation;
  target: number;
  /** The least utility it signs for, even at the last chance (its reservation value on easy and medium). */
  walkAway: number;
  finalChance: boolean;
  drivers: ReasonDriver[];
  /** Our own concerns and red lines not taken back, read once per decision. */
  standing: Array<{ issue: string; option: string; kind: 'concern' | 'red-line' }>;
}

/** A move's reason: its public words, its private note, what drove it, and the words in structured form (for
 * an interface in another language). */
export function reason(
  pub: string,
  priv: string,
  basis: ReasonBasis,
  said: readonly ReasonPhrase[],
  privateSaid: readonly NotePhrase[] = [],
) {
  return {
    public: clip(pub, 590),
    private: clip(priv, 1990),
    basis,
    said: saidParts(said),
    ...(privateSaid.length ? { privateSaid: saidParts(privateSaid) } : {}),
  };
}

export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Texts by version, rebuilt from the log this seat saw; only the versions asked for, when some are (a decision
 * reads two of them: it need not copy every version on every move). */
export function textsByVersion(log: readonly GameEvent[], only?: readonly number[]): Map<number, Text> {
  const out = new Map<number, Text>();
  const text: Text = {};
  for (const e of log) {
    if (e.type !== 'text.published') continue;
    Object.assign(text, e.changed);
    if (!only || only.includes(e.version)) out.set(e.version, { ...text });
  }
  return out;
}

/** The least discounted utility this AI will settle for now: time-dependent, mirrored by reciprocity. */

export function mine(view: SeatView, e: GameEvent): boolean {
  return 'by' in e && e.by === view.seat;
}

/** Our standing objections (concerns and red lines not retracted), by issue and option. */
export function standingObjections(
  view: SeatView,
): Array<{ issue: string; option: string; kind: 'concern' | 'red-line' }> {
  const standing = new Map<string, { issue: string; option: string; kind: 'concern' | 'red-line' }>();
  for (const e of view.log) {
    if (e.type !== 'signal.sent' || !mine(view, e) || e.option === null) continue;
    const key = `${e.issue}=${e.option}`;
    if (e.kind === 'concern' || e.kind === 'red-line')
      standing.set(key, { issue: e.issue, option: e.option, kind: e.kind });
    else if (e.kind === 'retract') standing.delete(key);
  }
  return [...standing.values()];
}

/** Signals that keep our words true: priorities once, red lines and blockers when the text holds them, and a
 * public retraction before we could sign a text holding an option we said we could not sign. */
