// A simulation worker thread: takes games of the batch one at a time and posts one record each.
import { parentPort, workerData } from 'node:worker_threads';
import { playRecord, takeGame, type WorkerData, type WorkerMessage } from './simulate-play';

const port = parentPort;
if (!port) throw new Error('simulate-worker runs as a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);
const { plans, scenarios, taken } = workerData as WorkerData;
const count = new Int32Array(taken);
try {
  for (let game = takeGame(plans, count); game; game = takeGame(plans, count)) {
    const p = plans[game.plan]!;
    const scenario = scenarios[p.scenarioFile];
    if (!scenario) throw new Error(`no scenario for ${p.scenarioFile}`);
    post({ type: 'record', plan: game.plan, index: game.index, record: playRecord(scenario, p, game.index) });
  }
  post({ type: 'done' });
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
