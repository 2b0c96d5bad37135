// A simulation worker thread: loads the scenario itself, plays its share of the games and posts one record each.
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarioFile, playRecord, type WorkerData, type WorkerMessage } from './simulate';

const port = parentPort;
if (!port) throw new Error('simulate-worker runs as a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);
const { plan, worker, workers } = workerData as WorkerData;
try {
  const loaded = loadScenarioFile(plan.scenarioFile);
  if (!loaded.ok) throw new Error(loaded.message);
  for (let index = worker; index < plan.games; index += workers)
    post({ type: 'record', index, record: playRecord(loaded.scenario, plan, index) });
  post({ type: 'done' });
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
