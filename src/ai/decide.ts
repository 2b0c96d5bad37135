// The one entry point drivers call for an AI delegation's next move: same view, config and memory, same move.
export {
  type Difficulty,
  type NegotiatorConfig as AiConfig,
  newTurnMemory,
  nextMove as decide,
  type TurnMemory,
} from './simple-negotiator';
