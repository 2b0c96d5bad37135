// The AI's levels, from the easiest to the hardest: one list for the engine's game files, the AI, the CLI, the
// protocol and every screen that offers a choice. No imports, so any layer (and the first screen) can read it.
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Whether a string names one of the levels. */
export function isDifficulty(value: string): value is Difficulty {
  return (DIFFICULTIES as readonly string[]).includes(value);
}
