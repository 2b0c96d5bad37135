// The AI's Web Worker: AI delegations decide their moves here, off the page's main thread, answering by request id.
import { decide, newTurnMemory } from '../ai/decide';
import { AI_WORKER_PROTOCOL, type AiWorkerReply, isAiWorkerRequest } from './ai-worker-protocol';

/** The little of a dedicated worker's global scope this file uses (the project's lib is the DOM's, not WebWorker). */
interface AiWorkerScope {
  postMessage(message: AiWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  /** Decisions made in this worker, readable from a debugger or a browser test attached to the worker. */
  shuttleAiWorker?: { decisions: number };
}

const scope = self as unknown as AiWorkerScope;
const stats = { decisions: 0 };
scope.shuttleAiWorker = stats;

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (!isAiWorkerRequest(request)) {
    const id = (request as { id?: unknown } | null)?.id;
    if (typeof id === 'number') {
      scope.postMessage({ v: AI_WORKER_PROTOCOL, type: 'decide.failed', id, message: 'malformed request' });
    }
    return;
  }
  try {
    const started = performance.now();
    const memory = request.memory ?? newTurnMemory();
    const move = decide(request.view, request.cfg, memory);
    stats.decisions++;
    scope.postMessage({
      v: AI_WORKER_PROTOCOL,
      type: 'decide.answered',
      id: request.id,
      move,
      memory,
      decisions: stats.decisions,
      ms: performance.now() - started,
    });
  } catch (error) {
    scope.postMessage({
      v: AI_WORKER_PROTOCOL,
      type: 'decide.failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
