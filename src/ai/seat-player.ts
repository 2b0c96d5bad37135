// Who plays a seat in simulations: an AI delegation at a difficulty, or a scripted student strategy.
import type { Difficulty } from './decide';

export const STUDENT_STRATEGIES = ['passive', 'logroller', 'bluffer', 'stonewaller'] as const;
export type StudentStrategy = (typeof STUDENT_STRATEGIES)[number];

export type SeatPlayer =
  | { kind: 'ai'; difficulty: Difficulty }
  | { kind: 'strategy'; strategy: StudentStrategy };
