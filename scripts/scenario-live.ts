// Live scenario checks during `npm run dev`: a Vite plugin that validates every scenario file in
// assets/scenarios when the dev server starts and whenever one is saved. A file with errors shows them in Vite's
// error overlay as `file:line:col: message` (the first one located, so the overlay links to it) and the page
// keeps the last good version; saving a valid file sends it to the open pages, which take it in without a reload
// (src/ui/scenario-hot.ts) and clear the overlay.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { type Diagnostic, formatDiagnostic, loadScenario } from '../src/scenario/load';
import { SCENARIO_EVENT, type ScenarioUpdate } from '../src/ui/scenario-hot-event';
import { scenarioModule } from './scenario-modules';

export interface ScenarioLiveOptions {
  /** The project root (default: the dev server's root). */
  root?: string;
  /** Where scenario files live, relative to the root. */
  dir?: string;
}

/** What the overlay shows for a broken file: Vite's error payload. */
export interface OverlayError {
  message: string;
  stack: string;
  id: string;
  plugin: string;
  loc: { file: string; line: number; column: number };
}

export function isScenarioFile(file: string, dir: string): boolean {
  const inside = relative(dir, file);
  return (
    !inside.startsWith('..') &&
    !inside.includes(sep) &&
    /\.(ya?ml|json)$/i.test(inside) &&
    !inside.endsWith('.schema.json')
  );
}

/** The overlay's error for a file's diagnostics (paths relative to the root, as the terminal shows them). */
export function overlayError(root: string, file: string, errors: Diagnostic[]): OverlayError {
  const first = errors[0] as Diagnostic;
  const lines = errors.map((e) => formatDiagnostic(e));
  return {
    message: `${relative(root, file)}: ${errors.length} error${errors.length === 1 ? '' : 's'} in the scenario file\n${lines.join('\n')}`,
    stack: '',
    id: file,
    plugin: 'scenario-live',
    loc: { file, line: first.line, column: first.col },
  };
}

export function scenarioLive(options: ScenarioLiveOptions = {}): Plugin {
  let root = options.root ?? process.cwd();
  let dir = resolve(root, options.dir ?? 'assets/scenarios');
  /** File → its current errors (absent when it validates). */
  const broken = new Map<string, OverlayError>();
  let server: ViteDevServer | null = null;

  const check = (file: string, text: string): OverlayError | null => {
    const result = loadScenario(text, relative(root, file));
    if (result.ok) {
      broken.delete(file);
      return null;
    }
    const error = overlayError(root, file, result.errors);
    broken.set(file, error);
    return error;
  };
  const report = (error: OverlayError) => {
    server?.config.logger.error(error.message, { timestamp: true });
    server?.ws.send({ type: 'error', err: error });
  };

  return {
    name: 'scenario-live',
    apply: 'serve',
    configResolved(config) {
      root = options.root ?? config.root;
      dir = resolve(root, options.dir ?? 'assets/scenarios');
    },
    configureServer(s) {
      server = s;
      let files: string[] = [];
      try {
        files = readdirSync(dir).map((f) => join(dir, f));
      } catch {
        files = [];
      }
      for (const file of files.filter((f) => isScenarioFile(f, dir))) {
        const error = check(file, readFileSync(file, 'utf8'));
        if (error) s.config.logger.error(error.message, { timestamp: true });
      }
      // A page that connects while a file is broken sees its errors at once.
      s.ws.on('connection', () => {
        for (const error of broken.values()) s.ws.send({ type: 'error', err: error });
      });
    },
    async handleHotUpdate(ctx) {
      if (!isScenarioFile(ctx.file, dir)) return undefined;
      const error = check(ctx.file, await ctx.read());
      if (error) {
        report(error);
        // Keep the page on the last good version: no reload with a broken file.
        return [];
      }
      // Valid: the page gets the new version as it is (no reload; the game, the title screen and the lab take it in,
      // see src/ui/scenario-hot.ts), and the overlay clears (unless another file is still broken).
      const file = relative(root, ctx.file).split(sep).join('/');
      // The next import of the file's modules (a reload, a new tab) builds them again.
      for (const mod of ctx.modules) ctx.server.moduleGraph.invalidateModule(mod);
      const text = await ctx.read();
      const update: ScenarioUpdate = { file, text, built: scenarioModule(text, file) };
      ctx.server.config.logger.info(`${file}: valid, sent to the open pages`, { timestamp: true });
      const other = [...broken.values()][0];
      // The page clears the overlay when the update comes in; another broken file puts it back.
      ctx.server.ws.send({ type: 'custom', event: SCENARIO_EVENT, data: update });
      if (other) report(other);
      return [];
    },
  };
}
