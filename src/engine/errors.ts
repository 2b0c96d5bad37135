// Typed refusals: an intent the rules do not allow is answered with one of these, never with a crash.

export type EngineErrorCode =
  | 'malformed'
  | 'game.over'
  | 'not.participant'
  | 'not.your.turn'
  | 'not.author'
  | 'unknown.package'
  | 'unknown.issue'
  | 'unknown.option'
  | 'unknown.party'
  | 'unknown.event'
  | 'off.agenda'
  | 'stale.version'
  | 'mandate'
  | 'red.line'
  | 'no.change'
  | 'not.director'
  | 'already.fired'
  | 'not.answerable'
  | 'nothing.to.retract';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
