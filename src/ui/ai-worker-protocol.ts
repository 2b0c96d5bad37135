// The messages between the page and its AI worker: a request per decision, answered (or failed) under the same id.
import type { AiConfig, TurnMemory } from '../ai/decide';
import type { Move } from '../engine/intents';
import type { SeatView } from '../engine/view';

export const AI_WORKER_PROTOCOL = 1;

export interface DecideRequested {
  v: typeof AI_WORKER_PROTOCOL;
  type: 'decide.requested';
  id: number;
  view: SeatView;
  cfg: AiConfig;
  /** null at the start of a turn: the worker starts a fresh memory. */
  memory: TurnMemory | null;
}

export interface DecideAnswered {
  v: typeof AI_WORKER_PROTOCOL;
  type: 'decide.answered';
  id: number;
  move: Move;
  memory: TurnMemory;
  /** Decisions this worker has made so far, counted where they are made. */
  decisions: number;
  /** Time the decision took inside the worker. */
  ms: number;
}

export interface DecideFailed {
  v: typeof AI_WORKER_PROTOCOL;
  type: 'decide.failed';
  id: number;
  message: string;
}

export type AiWorkerRequest = DecideRequested;
export type AiWorkerReply = DecideAnswered | DecideFailed;

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null;
}

function isEnvelope(data: unknown): data is Record<string, unknown> & { id: number } {
  return isRecord(data) && data.v === AI_WORKER_PROTOCOL && Number.isSafeInteger(data.id);
}

/** Checks the envelope a worker receives; the view itself comes from this page's own engine. */
export function isAiWorkerRequest(data: unknown): data is AiWorkerRequest {
  return (
    isEnvelope(data) &&
    data.type === 'decide.requested' &&
    isRecord(data.view) &&
    isRecord(data.cfg) &&
    (data.memory === null || isRecord(data.memory))
  );
}

/** Checks the envelope the page receives back. */
export function isAiWorkerReply(data: unknown): data is AiWorkerReply {
  if (!isEnvelope(data)) return false;
  if (data.type === 'decide.answered') {
    return (
      isRecord(data.move) &&
      typeof data.move.type === 'string' &&
      isRecord(data.memory) &&
      typeof data.decisions === 'number' &&
      typeof data.ms === 'number'
    );
  }
  return data.type === 'decide.failed' && typeof data.message === 'string';
}
