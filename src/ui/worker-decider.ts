// The page's side of the AI worker: one worker for all of a session's AI seats, each answer matched to its request.
import type { AiDecider, AiDecision } from '../ai/ai-driver';
import { AI_WORKER_PROTOCOL, type AiWorkerRequest, isAiWorkerReply } from './ai-worker-protocol';

/** How many decisions were made in one place, and how long they took there. */
export interface DecisionStats {
  decisions: number;
  totalMs: number;
  longestMs: number;
}

export function newDecisionStats(): DecisionStats {
  return { decisions: 0, totalMs: 0, longestMs: 0 };
}

export function recordDecision(stats: DecisionStats, ms: number): void {
  stats.decisions++;
  stats.totalMs += ms;
  stats.longestMs = Math.max(stats.longestMs, ms);
}

export interface WorkerDecider {
  /** Decides in the worker; rejects if the worker fails, times out or is closed (the driver then falls back). */
  decide: AiDecider;
  /** The decisions the worker reports having made, as it timed them. */
  stats(): DecisionStats;
  close(): void;
}

export interface WorkerDeciderOptions {
  /** A request with no answer after this long fails, so a hung worker never stalls the table. */
  timeoutMs?: number;
  /** Makes the worker; tests may hand in another. */
  create?: () => Worker;
}

interface Pending {
  resolve: (decision: AiDecision) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

// Written out in full so Vite finds the worker and bundles it as its own chunk.
const createAiWorker = () =>
  new Worker(new URL('./ai-worker.ts', import.meta.url), { type: 'module', name: 'shuttle-ai' });

export function createWorkerDecider(options: WorkerDeciderOptions = {}): WorkerDecider {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const stats = newDecisionStats();
  /** Why the worker cannot be used any more (it failed to load or crashed, or the session closed). */
  let broken: Error | null = null;
  let worker: Worker | null = null;

  const failAll = (error: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };

  const stop = (error: Error) => {
    broken ??= error;
    worker?.terminate();
    worker = null;
    failAll(broken);
  };

  try {
    worker = (options.create ?? createAiWorker)();
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (!isAiWorkerReply(reply)) return;
      const p = pending.get(reply.id);
      if (!p) return; // timed out already: a late answer is dropped
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.type === 'decide.answered') {
        recordDecision(stats, reply.ms);
        p.resolve({ move: reply.move, memory: reply.memory });
      } else {
        p.reject(new Error(`AI worker: ${reply.message}`));
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      stop(new Error(`AI worker failed: ${event.message || 'it could not be loaded'}`));
    });
    worker.addEventListener('messageerror', () => stop(new Error('AI worker: an answer could not be read')));
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
  }

  const decide: AiDecider = (view, cfg, memory) =>
    new Promise<AiDecision>((resolve, reject) => {
      const w = worker;
      if (!w) {
        reject(broken ?? new Error('AI worker: not running'));
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`AI worker: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      const request: AiWorkerRequest = {
        v: AI_WORKER_PROTOCOL,
        type: 'decide.requested',
        id,
        view,
        cfg,
        memory: memory ?? null,
      };
      try {
        w.postMessage(request);
      } catch (error) {
        pending.delete(id);
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  return {
    decide,
    stats: () => ({ ...stats }),
    close: () => stop(new Error('AI worker: the session closed')),
  };
}
