// The engine's public surface: pure rules, seeded, one view per seat.
export * from './errors';
export * from './game';
export * from './game-log';
export * from './intents';
export * from './live';
export { proposalKind } from './public-words';
export * from './rng';
export * from './state';
export * from './transcript';
export * from './view';
