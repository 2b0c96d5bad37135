// A scenario file saved during `npm run dev` reaches the open page without a reload: the title screen's list, the lab
// (when it shows that file) and a running game (which offers to start again with the edit) each take the new version.
// In a built game there is no dev server: nothing here runs.
import { SCENARIO_EVENT, type ScenarioUpdate } from './scenario-hot-event';

type Listener = (update: ScenarioUpdate) => void;
const listeners = new Set<Listener>();

if (import.meta.hot) {
  import.meta.hot.on(SCENARIO_EVENT, (update: ScenarioUpdate) => {
    // The file is valid again: the error overlay a broken save put up goes (the server shows it again if another file
    // is still broken).
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    for (const l of [...listeners]) l(update);
  });
}

/** Calls `listener` with every valid scenario file saved from now on; answers how to stop. */
export function onScenarioSaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
