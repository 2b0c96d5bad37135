// A simulation worker thread: loads each scenario itself, plays its share of the games and posts one record each.
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { batchGames, loadScenarioFile, playRecord, type WorkerData, type WorkerMessage } from './simulate';

const port = parentPort;
if (!port) throw new Error('simulate-worker runs as a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);
const { plans, worker, workers } = workerData as WorkerData;
const scenarios = new Map<string, Scenario>();
try {
  let g = 0;
  for (const { plan, index } of batchGames(plans)) {
    if (g++ % workers !== worker) continue;
    const p = plans[plan]!;
    let scenario = scenarios.get(p.scenarioFile);
    if (!scenario) {
      const loaded = loadScenarioFile(p.scenarioFile);
      if (!loaded.ok) throw new Error(loaded.message);
      scenario = loaded.scenario;
      scenarios.set(p.scenarioFile, scenario);
    }
    post({ type: 'record', plan, index, record: playRecord(scenario, p, index) });
  }
  post({ type: 'done' });
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
