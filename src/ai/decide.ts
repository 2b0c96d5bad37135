// The one entry point drivers call for an AI delegation's next move: same view, config and memory, same move.
export { type AiConfig, type Difficulty, decide, newTurnMemory, type TurnMemory } from './negotiator';
