// The scenario lab (#/lab): open a bundled scenario or a file, see its validation, edit each party's numbers with
// controls, watch the exact frontier, Nash point and zone of agreement move, play quick AI games in a worker, play
// the edited scenario at once, and download the edited file with its comments and layout kept.

import { parseDocument } from 'yaml';
import type { Difficulty } from '../ai/decide';
import { DIFFICULTIES } from '../engine/difficulty';
import { initialLanguage, language, msg, num, onLanguageChange, setLanguage, t } from '../i18n';
import { type Analysis, analyseScenario } from '../scenario/analysis';
import { conditionLeaves, type EditPath, rebalance, setList, setScalar } from '../scenario/edit';
import { type Diagnostic, formatDiagnostic, type LoadResult, loadScenario } from '../scenario/load';
import { localizeScenario } from '../scenario/localize';
import type { Scenario } from '../scenario/schema';
import { el, focusQuietly, screenHeading } from './dom';
import type { LabChart } from './lab-chart';
import { isLabGamesReply, LAB_GAMES_PROTOCOL, type LabGame } from './lab-games-protocol';
import { languageBar } from './language-picker';
import { onScenarioSaved } from './scenario-hot';
import type { GameChoice } from './title-screen';
import './lab.css';

export interface LabOptions {
  /** Starts a solo game of the (edited) scenario in this page. */
  onPlay(choice: GameChoice): void;
}

/** The scenario files bundled with the game, as text: the lab edits the file itself, comments included. */
const bundled = import.meta.glob(['/assets/scenarios/*.{yaml,yml,json}', '!**/*.schema.json'], {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

/** Larger files are refused before they are read (the loader's own bound is 500,000 characters). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Quick AI games per run. */
export const LAB_GAMES = 100;

interface LabState {
  file: string;
  text: string;
  result: LoadResult | null;
  /** The last valid version: its structure drives the controls, its analysis the chart. */
  valid: Scenario | null;
  analysis: Analysis | null;
  /** The current text's values, read for the controls (they show what the file says, valid or not). */
  values: unknown;
  party: string;
  x: string;
  y: string;
  keepTotal: boolean;
  games: LabGame[];
  gamesRunning: boolean;
  gamesError: string;
  difficulty: Difficulty;
  side: string;
  openError: string;
  /** The text as opened (or last taken from disk): the lab's edits are what differs from it. */
  opened: string;
  /** A newer version of the open file saved on disk during `npm run dev`, waiting while the lab holds edits. */
  onDisk: string | null;
  /** Says that the open file was taken in again from disk. */
  diskNote: string;
  /** The meeting a played game starts at (1: the first). */
  fromMeeting: number;
  /** Issues whose option values are unfolded (kept while the screen is drawn again after each edit). */
  openIssues: Set<string>;
}

const createGamesWorker = () =>
  new Worker(new URL('./lab-games-worker.ts', import.meta.url), {
    type: 'module',
    name: 'shuttle-lab-games',
  });

/** The own-property value at `path` (never one inherited from Object.prototype). */
function valueAt(root: unknown, path: EditPath): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function numberAt(root: unknown, path: EditPath): number | null {
  const v = valueAt(root, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

export async function startLab(root: HTMLElement, options: LabOptions): Promise<() => void> {
  await setLanguage(initialLanguage(window.location.search), false);
  const main = root.closest('main');
  if (main?.parentElement && !document.getElementById('language-select')) {
    main.parentElement.insertBefore(
      languageBar(() => undefined),
      main,
    );
  }
  root.dataset.screen = 'lab';
  const files = Object.keys(bundled).sort((a, b) => {
    const isDefault = (f: string) => (f.includes('miami-2025') ? 0 : 1);
    return isDefault(a) - isDefault(b) || a.localeCompare(b);
  });
  const state: LabState = {
    file: '',
    text: '',
    result: null,
    valid: null,
    analysis: null,
    values: null,
    party: '',
    x: '',
    y: '',
    keepTotal: true,
    games: [],
    gamesRunning: false,
    gamesError: '',
    difficulty: 'medium',
    side: '',
    openError: '',
    opened: '',
    onDisk: null,
    diskNote: '',
    fromMeeting: 1,
    openIssues: new Set(),
  };
  let chart: LabChart | null = null;
  let workers: Worker[] = [];
  let batch = 0;

  const stopGames = () => {
    batch++;
    for (const w of workers) w.terminate();
    workers = [];
    state.gamesRunning = false;
  };

  /** Validates the current text with the game's own loader; keeps the last valid version for the controls. */
  const check = () => {
    let result: LoadResult;
    try {
      result = loadScenario(state.text, state.file);
    } catch (error) {
      result = {
        ok: false,
        errors: [
          {
            file: state.file,
            line: 1,
            col: 1,
            message: t(msg().lab.internal, { error: error instanceof Error ? error.message : String(error) }),
            path: [],
          },
        ],
        warnings: [],
      };
    }
    state.result = result;
    if (result.ok) {
      state.valid = result.scenario;
      state.analysis = analyseScenario(result.scenario);
      state.values = result.scenario;
    } else {
      // The controls keep the last valid version's shape and show the current file's numbers.
      try {
        // Only a file that was valid before (edited here) is read again: a new broken file may be hostile.
        state.values = state.valid ? readValues(state.text) : null;
      } catch {
        state.values = null;
      }
    }
    const parties = state.valid?.parties.map((p) => p.id) ?? [];
    if (!parties.includes(state.party)) state.party = parties[0] ?? '';
    if (!parties.includes(state.x)) state.x = parties[0] ?? '';
    if (!parties.includes(state.y) || state.y === state.x) state.y = parties.find((p) => p !== state.x) ?? '';
    if (!parties.includes(state.side)) state.side = parties[0] ?? '';
  };

  const open = (file: string, text: string, diskNote = '') => {
    stopGames();
    state.file = file;
    state.text = text;
    state.opened = text;
    state.onDisk = null;
    state.diskNote = diskNote;
    state.valid = null;
    state.analysis = null;
    state.games = [];
    state.gamesError = '';
    state.openError = '';
    check();
    render('lab-status');
  };

  /** An edit from a control: the new text, validated and analysed, then the screen again (focus kept). */
  const commit = (text: string, focusId: string) => {
    stopGames();
    state.text = text;
    state.diskNote = '';
    state.games = [];
    state.gamesError = '';
    check();
    // Focus stays where it was (a slider stepped with the arrow keys keeps it); its id is the same after drawing.
    const active = (document.activeElement as HTMLElement | null)?.id;
    render(active?.startsWith('lab-') ? active : focusId);
  };
  const json = () => /\.json$/i.test(state.file);

  const edit = (path: EditPath, value: number, focusId: string) => {
    if (!Number.isFinite(value)) return;
    commit(setScalar(state.text, path, Math.round(value), { json: json() }), focusId);
  };

  const editWeight = (issues: string[], at: number, value: number, focusId: string) => {
    const party = state.party;
    const path = (issue: string): EditPath => ['profiles', party, 'preferences', issue, 'weight'];
    if (!state.keepTotal) return edit(path(issues[at] as string), value, focusId);
    const weights = issues.map((issue) => numberAt(state.values, path(issue)) ?? 0);
    const next = rebalance(weights, at, value, 100);
    let text = state.text;
    next.forEach((w, i) => {
      if (w !== weights[i]) text = setScalar(text, path(issues[i] as string), w, { json: json() });
    });
    commit(text, focusId);
  };

  const runGames = () => {
    const scenario = state.valid;
    if (!scenario || !state.result?.ok) return;
    stopGames();
    state.games = [];
    state.gamesError = '';
    state.gamesRunning = true;
    const mine = batch;
    // One worker per core (at most 4; the page itself waits meanwhile): worker k plays games k, k + n, k + 2n, …
    const n = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    const fail = (message: string) => {
      if (batch !== mine) return;
      state.gamesError = message;
      stopGames();
      updateGames();
    };
    for (let k = 0; k < n; k++) {
      let worker: Worker;
      try {
        worker = createGamesWorker();
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
        return;
      }
      workers.push(worker);
      worker.addEventListener('message', (event: MessageEvent<unknown>) => {
        const reply = event.data;
        if (!isLabGamesReply(reply) || reply.batch !== mine || batch !== mine) return;
        if (reply.type === 'games.failed') return fail(reply.message);
        state.games.push(reply.game);
        if (state.games.length >= LAB_GAMES) stopGames();
        updateGames();
      });
      worker.addEventListener('error', (event) => fail(event.message || msg().lab.gamesFailed));
      worker.postMessage({
        v: LAB_GAMES_PROTOCOL,
        type: 'games.requested',
        batch: mine,
        scenario,
        first: k,
        stride: n,
        games: LAB_GAMES,
        seed: 1,
        difficulty: state.difficulty,
      });
    }
    updateGames();
  };

  const download = () => {
    const blob = new Blob([state.text], {
      type: /\.json$/i.test(state.file) ? 'application/json' : 'application/yaml',
    });
    const url = URL.createObjectURL(blob);
    const a = el('a', { attrs: { href: url, download: baseName(state.file) } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const readFile = (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      state.openError = t(msg().lab.tooBig, { name: file.name, mb: 5 });
      render('lab-file');
      return;
    }
    void file
      .text()
      .then((text) => open(file.name, text))
      .catch((error: unknown) => {
        state.openError = t(msg().lab.unreadable, {
          name: file.name,
          error: error instanceof Error ? error.message : String(error),
        });
        render('lab-file');
      });
  };

  // ------------------------------------------------------------------ the screen
  const page = el('div', { className: 'screen lab-screen' });
  const gamesBox = el('div', { className: 'lab-games-result' });

  const render = (focusId?: string) => {
    const active = focusId ?? (document.activeElement as HTMLElement | null)?.id;
    const m = msg().lab;
    document.title = `${m.title} · ${msg().app.name}`;
    const shown = state.valid ? localizeScenario(state.valid, language()) : null;
    page.replaceChildren(
      el(
        'header',
        { className: 'lab-header' },
        screenHeading(m.title),
        el('p', { className: 'tagline' }, m.intro),
        el('p', {}, el('a', { id: 'lab-back', attrs: { href: '#/' } }, m.back)),
      ),
      openSection(),
      validationSection(),
      ...(shown ? [workSection(shown)] : []),
    );
    if (shown && state.analysis) drawChart(shown, state.analysis);
    else {
      chart?.destroy();
      chart = null;
    }
    if (active) focusQuietly(document.getElementById(active));
  };

  const openSection = () => {
    const m = msg().lab;
    const select = el(
      'select',
      { id: 'lab-bundled' },
      ...files.map((f) =>
        el('option', { attrs: { value: f, selected: `/${state.file}` === f } }, baseName(f)),
      ),
    );
    const input = el('input', {
      id: 'lab-file',
      attrs: { type: 'file', accept: '.yaml,.yml,.json,application/yaml,application/json,text/yaml' },
      on: {
        change: () => {
          const file = input.files?.[0];
          if (file) readFile(file);
        },
      },
    });
    const section = el(
      'section',
      { className: 'panel lab-open', attrs: { 'aria-labelledby': 'lab-open-heading' } },
      el('h2', { id: 'lab-open-heading' }, m.openHeading),
      el(
        'div',
        { className: 'lab-row' },
        el('label', { attrs: { for: 'lab-bundled' } }, m.bundled),
        select,
        el(
          'button',
          {
            id: 'lab-open-bundled',
            attrs: { type: 'button' },
            on: {
              click: () => {
                const f = select.value;
                const load = bundled[f];
                if (load) void load().then((text) => open(f.replace(/^\//, ''), text));
              },
            },
          },
          m.open,
        ),
      ),
      el(
        'div',
        { className: 'lab-row lab-drop' },
        el('label', { attrs: { for: 'lab-file' } }, t(m.chooseFile, { formats: 'YAML, JSON' })),
        input,
        el('p', { className: 'hint' }, m.dropHint),
      ),
      el('p', { id: 'lab-open-error', className: 'form-error', attrs: { role: 'alert' } }, state.openError),
    );
    return section;
  };

  const validationSection = () => {
    const m = msg().lab;
    const r = state.result;
    const section = el(
      'section',
      { className: 'panel lab-validation', attrs: { 'aria-labelledby': 'lab-validation-heading' } },
      el('h2', { id: 'lab-validation-heading' }, m.validation),
    );
    const status = el('p', { id: 'lab-status', attrs: { role: 'status', tabindex: -1 } });
    section.append(status);
    if (state.onDisk !== null) {
      const waiting = state.onDisk;
      section.append(
        el(
          'div',
          { id: 'lab-disk', className: 'notice', attrs: { role: 'status' } },
          el('p', {}, t(m.savedOnDisk, { file: state.file })),
          el(
            'button',
            {
              id: 'lab-disk-load',
              attrs: { type: 'button' },
              on: { click: () => open(state.file, waiting, t(m.tookFromDisk, { file: state.file })) },
            },
            m.loadFromDisk,
          ),
        ),
      );
    } else if (state.diskNote)
      section.append(el('p', { id: 'lab-disk', className: 'notice' }, state.diskNote));
    if (!r) {
      status.textContent = m.nothingOpen;
      return section;
    }
    if (!r.ok) {
      status.textContent = t(m.errors, { n: r.errors.length, file: state.file });
      section.append(diagnosticList('lab-errors', r.errors));
      if (state.valid) section.append(el('p', { className: 'hint' }, m.lastValid));
    } else {
      status.textContent =
        r.warnings.length === 0
          ? t(m.valid, { file: state.file })
          : t(m.validWarnings, { file: state.file, n: r.warnings.length });
    }
    if (r.warnings.length > 0) {
      section.append(
        el('h3', {}, m.warnings),
        el('p', { className: 'hint' }, m.warningsHint),
        diagnosticList('lab-warnings', r.warnings, 'warning'),
      );
    }
    return section;
  };

  const diagnosticList = (id: string, list: Diagnostic[], severity?: 'warning') =>
    el(
      'ul',
      { id, className: 'lab-diagnostics' },
      ...list.slice(0, 200).map((d) => el('li', {}, formatDiagnostic(d, severity))),
    );

  // ------------------------------------------------------------------ editing, chart, games, play, download
  const workSection = (s: Scenario) => {
    const wrap = el('div', { className: 'lab-work' });
    wrap.append(
      editSection(s),
      el('div', { className: 'lab-side' }, chartSection(s), gamesSection(), playSection(s)),
    );
    return wrap;
  };

  const partyName = (s: Scenario, id: string) => s.parties.find((p) => p.id === id)?.name ?? id;

  const chartSection = (s: Scenario) => {
    const m = msg().lab;
    const a = state.analysis;
    const axisSelect = (id: string, value: string, label: string, onPick: (v: string) => void) =>
      el(
        'div',
        { className: 'lab-field' },
        el('label', { attrs: { for: id } }, label),
        el(
          'select',
          {
            id,
            on: { change: (e) => onPick((e.target as HTMLSelectElement).value) },
          },
          ...s.parties.map((p) => el('option', { attrs: { value: p.id, selected: p.id === value } }, p.name)),
        ),
      );
    const section = el(
      'section',
      { className: 'panel lab-chart-panel', attrs: { 'aria-labelledby': 'lab-chart-heading' } },
      el('h2', { id: 'lab-chart-heading' }, m.chartHeading),
      el(
        'div',
        { className: 'lab-row' },
        axisSelect('lab-x', state.x, m.xAxis, (v) => {
          if (v === state.y) state.y = state.x;
          state.x = v;
          render('lab-x');
        }),
        axisSelect('lab-y', state.y, m.yAxis, (v) => {
          if (v === state.x) state.x = state.y;
          state.y = v;
          render('lab-y');
        }),
      ),
    );
    if (!a) return section;
    const nash = a.nash;
    section.append(
      el(
        'p',
        { id: 'lab-axes-text', className: 'hint' },
        t(m.axesText, {
          x: partyName(s, state.x),
          y: partyName(s, state.y),
          rx: num(a.reservation[state.x] ?? 0),
          ry: num(a.reservation[state.y] ?? 0),
        }),
        s.parties.length > 2 ? ` ${m.projection}` : '',
      ),
      el(
        'figure',
        {
          id: 'lab-chart',
          className: 'lab-chart',
          attrs: {
            'data-frontier': a.frontier
              .map((f) => `${f.utilities[state.x] ?? 0},${f.utilities[state.y] ?? 0}`)
              .join(' '),
            'data-nash': nash ? `${nash.utilities[state.x] ?? 0},${nash.utilities[state.y] ?? 0}` : '',
            'data-games': String(state.games.length),
          },
        },
        el(
          'div',
          { className: 'lab-canvas-box' },
          el('canvas', {
            id: 'lab-canvas',
            attrs: {
              role: 'img',
              'aria-label': t(m.chartLabel, { x: partyName(s, state.x), y: partyName(s, state.y) }),
            },
          }),
        ),
        el('figcaption', { className: 'hint' }, m.chartCaption),
      ),
      figuresList(s, a),
      frontierTable(s, a),
    );
    return section;
  };

  const figuresList = (s: Scenario, a: Analysis) => {
    const m = msg().lab;
    const pct = (x: number) => `${num(Math.round(x * 1000) / 10)}%`;
    const zone = a.zone.exists
      ? t(a.zone.exact ? m.zoneExact : m.zoneAbout, {
          n: num(Math.round(a.zone.estimate)),
          texts: num(a.texts),
          share: pct(a.zone.share),
        })
      : m.noZone;
    const nash = a.nash
      ? s.parties.map((p) => `${p.name} ${num(a.nash?.utilities[p.id] ?? 0)}`).join(', ')
      : m.noNash;
    return el(
      'dl',
      { id: 'lab-figures', className: 'lab-figures' },
      el('dt', {}, m.frontier),
      el(
        'dd',
        { id: 'lab-frontier-figure' },
        t(m.frontierFigure, { n: a.frontier.length, deals: a.frontier.filter((f) => f.deal).length }),
      ),
      el('dt', {}, m.zone),
      el('dd', { id: 'lab-zone-figure' }, zone),
      el('dt', {}, m.nash),
      el('dd', { id: 'lab-nash-figure' }, nash),
      el('dt', {}, m.reservations),
      el('dd', {}, s.parties.map((p) => `${p.name} ${num(a.reservation[p.id] ?? 0)}`).join(', ')),
    );
  };

  /** Every frontier point as text, for screen readers and anyone who reads numbers better than dots. */
  const frontierTable = (s: Scenario, a: Analysis) => {
    const m = msg().lab;
    const rows = a.frontier.slice(0, 300);
    return el(
      'details',
      { className: 'lab-frontier-table' },
      el('summary', {}, t(m.frontierTable, { n: a.frontier.length })),
      el(
        'table',
        {},
        el('caption', {}, m.frontierCaption),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...s.parties.map((p) => el('th', { attrs: { scope: 'col' } }, p.shortName)),
            el('th', { attrs: { scope: 'col' } }, m.dealColumn),
            el('th', { attrs: { scope: 'col' } }, m.textsColumn),
          ),
        ),
        el(
          'tbody',
          {},
          ...rows.map((f) =>
            el(
              'tr',
              {},
              ...s.parties.map((p) => el('td', {}, num(f.utilities[p.id] ?? 0))),
              el('td', {}, f === a.nash ? m.nashMark : f.deal ? m.yes : m.no),
              el('td', {}, num(f.count)),
            ),
          ),
        ),
      ),
    );
  };

  const drawChart = (s: Scenario, a: Analysis) => {
    const canvas = document.getElementById('lab-canvas') as HTMLCanvasElement | null;
    if (!canvas) return;
    chart?.destroy();
    chart = null;
    const x = s.parties.find((p) => p.id === state.x);
    const y = s.parties.find((p) => p.id === state.y);
    if (!x || !y) return;
    const m = msg().lab;
    const input = {
      canvas,
      analysis: a,
      x: { id: x.id, name: x.name },
      y: { id: y.id, name: y.name },
      games: state.games,
      words: {
        frontier: m.legendFrontier,
        deals: m.legendDeals,
        nash: m.legendNash,
        zone: m.legendZone,
        games: m.legendGames,
      },
    };
    void import('./lab-chart').then(({ drawLabChart }) => {
      if (!canvas.isConnected) return;
      chart?.destroy();
      chart = drawLabChart(input);
    });
  };

  const editSection = (s: Scenario) => {
    const m = msg().lab;
    const party = state.party;
    const section = el(
      'section',
      { className: 'panel lab-edit', attrs: { 'aria-labelledby': 'lab-edit-heading' } },
      el('h2', { id: 'lab-edit-heading' }, m.editHeading),
      el(
        'div',
        { className: 'lab-field' },
        el('label', { attrs: { for: 'lab-party' } }, m.party),
        el(
          'select',
          {
            id: 'lab-party',
            on: {
              change: (e) => {
                state.party = (e.target as HTMLSelectElement).value;
                render('lab-party');
              },
            },
          },
          ...s.parties.map((p) => el('option', { attrs: { value: p.id, selected: p.id === party } }, p.name)),
        ),
      ),
    );
    const profile = s.profiles[party];
    if (!profile) return section;
    const base: EditPath = ['profiles', party];

    // Reservation value
    const reservationPath = [...base, 'reservation', 'value'];
    section.append(
      numberControl({
        id: 'lab-reservation',
        label: m.reservation,
        hint: m.reservationHint,
        value: numberAt(state.values, reservationPath),
        min: 0,
        max: 10_000,
        step: 50,
        onCommit: (v) => edit(reservationPath, v, 'lab-reservation'),
      }),
    );

    // Weights and option values, issue by issue
    const issues = s.packages
      .flatMap((p) => p.issues)
      .filter((i) => Object.hasOwn(profile.preferences, i.id));
    const weightPath = (issue: string): EditPath => [...base, 'preferences', issue, 'weight'];
    const total = issues.reduce((sum, i) => sum + (numberAt(state.values, weightPath(i.id)) ?? 0), 0);
    const weights = el(
      'fieldset',
      { className: 'lab-weights' },
      el('legend', {}, m.weights),
      el(
        'p',
        { id: 'lab-weight-total', className: total === 100 ? 'hint' : 'form-error' },
        t(m.weightTotal, { n: total }),
      ),
      el(
        'div',
        { className: 'radio-row' },
        el('input', {
          id: 'lab-keep-total',
          attrs: { type: 'checkbox', checked: state.keepTotal },
          on: {
            change: (e) => {
              state.keepTotal = (e.target as HTMLInputElement).checked;
            },
          },
        }),
        el('label', { attrs: { for: 'lab-keep-total' } }, m.keepTotal),
      ),
    );
    issues.forEach((issue, i) => {
      const id = `lab-weight-${issue.id}`;
      weights.append(
        numberControl({
          id,
          label: t(m.weightOf, { issue: issue.name }),
          value: numberAt(state.values, weightPath(issue.id)),
          min: 0,
          max: 100,
          step: 1,
          onCommit: (v) =>
            editWeight(
              issues.map((x) => x.id),
              i,
              v,
              id,
            ),
        }),
      );
    });
    section.append(weights);

    const values = el(
      'div',
      { className: 'lab-values' },
      el('h3', {}, m.values),
      el('p', { className: 'hint' }, m.valuesHint),
    );
    for (const issue of issues) {
      const set = el('fieldset', { className: 'lab-issue' }, el('legend', {}, issue.name));
      const box = el(
        'details',
        {
          className: 'lab-issue-values',
          attrs: { open: state.openIssues.has(issue.id) },
          on: {
            toggle: () => {
              if (box.open) state.openIssues.add(issue.id);
              else state.openIssues.delete(issue.id);
            },
          },
        },
        el('summary', {}, issue.name),
        set,
      );
      for (const option of issue.options) {
        const path: EditPath = [...base, 'preferences', issue.id, 'values', option.id];
        const id = `lab-value-${issue.id}-${option.id}`;
        set.append(
          numberControl({
            id,
            label: option.label,
            value: numberAt(state.values, path),
            min: 0,
            max: 100,
            step: 5,
            onCommit: (v) => edit(path, v, id),
          }),
        );
      }
      values.append(box);
    }
    section.append(values);

    // Red lines: which options each of their tests names
    const redLines = el('div', { className: 'lab-red-lines' }, el('h3', {}, m.redLines));
    if (profile.redLines.length === 0) redLines.append(el('p', { className: 'hint' }, m.noRedLines));
    else redLines.append(el('p', { className: 'hint' }, m.redLinesHint));
    profile.redLines.forEach((line, r) => {
      const set = el('fieldset', { className: 'lab-red-line' }, el('legend', {}, line.description));
      const leaves = conditionLeaves(line.when, [...base, 'redLines', r, 'when']);
      leaves.forEach((leaf, l) => {
        const issue = s.packages.flatMap((p) => p.issues).find((i) => i.id === leaf.issue);
        if (!issue) return;
        const current = valueAt(state.values, leaf.path);
        const chosen = Array.isArray(current)
          ? current.filter((c): c is string => typeof c === 'string')
          : leaf.in;
        const group = el(
          'fieldset',
          { className: 'lab-leaf' },
          el('legend', {}, t(leaf.negated ? m.leafNot : m.leaf, { issue: issue.name })),
        );
        for (const option of issue.options) {
          const id = `lab-red-${r}-${l}-${option.id}`;
          group.append(
            el(
              'div',
              { className: 'radio-row' },
              el('input', {
                id,
                attrs: { type: 'checkbox', checked: chosen.includes(option.id) },
                on: {
                  change: (e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const next = issue.options
                      .map((o) => o.id)
                      .filter((o) => (o === option.id ? on : chosen.includes(o)));
                    commit(setList(state.text, leaf.path, next, { json: json() }), id);
                  },
                },
              }),
              el('label', { attrs: { for: id } }, option.label),
            ),
          );
        }
        set.append(group);
      });
      redLines.append(set);
    });
    section.append(redLines);
    return section;
  };

  const gamesSection = () => {
    const m = msg().lab;
    const valid = state.result?.ok === true;
    const section = el(
      'section',
      { className: 'panel lab-games', attrs: { 'aria-labelledby': 'lab-games-heading' } },
      el('h2', { id: 'lab-games-heading' }, t(m.gamesHeading, { n: LAB_GAMES })),
      el('p', { className: 'hint' }, m.gamesHint),
      el(
        'div',
        { className: 'lab-row' },
        difficultySelect('lab-games-difficulty'),
        el(
          'button',
          {
            id: 'lab-run-games',
            attrs: { type: 'button', disabled: !valid || state.gamesRunning },
            on: { click: runGames },
          },
          t(m.runGames, { n: LAB_GAMES }),
        ),
      ),
      gamesBox,
    );
    updateGames();
    return section;
  };

  const difficultySelect = (id: string) => {
    const tm = msg().title;
    return el(
      'div',
      { className: 'lab-field' },
      el('label', { attrs: { for: id } }, tm.difficulty),
      el(
        'select',
        {
          id,
          on: {
            change: (e) => {
              state.difficulty = (e.target as HTMLSelectElement).value as Difficulty;
            },
          },
        },
        ...DIFFICULTIES.map((d) =>
          el('option', { attrs: { value: d, selected: d === state.difficulty } }, tm[d]),
        ),
      ),
    );
  };

  /** The games' progress and result, and their dots on the chart, without redrawing the rest of the screen. */
  const updateGames = () => {
    const m = msg().lab;
    const played = state.games.length;
    const deals = state.games.filter((g) => g.outcome === 'deal').length;
    const lines: Array<HTMLElement> = [];
    lines.push(
      el(
        'p',
        { id: 'lab-games-status', attrs: { role: 'status' } },
        state.gamesRunning
          ? t(m.gamesProgress, { n: played, total: LAB_GAMES })
          : played === 0
            ? m.noGames
            : t(m.gamesDone, {
                n: played,
                deals,
                share: `${num(Math.round((deals / played) * 100))}%`,
              }),
      ),
    );
    if (played > 0) {
      const meetings = state.games.reduce((sum, g) => sum + g.meetings, 0) / played;
      lines.push(
        el(
          'p',
          { id: 'lab-games-detail' },
          t(m.gamesDetail, {
            walkouts: state.games.filter((g) => g.outcome === 'walkout').length,
            none: state.games.filter((g) => g.outcome === 'no-deal').length,
            meetings: num(Math.round(meetings * 10) / 10),
          }),
        ),
      );
    }
    const a = state.analysis;
    const dealt = state.games.flatMap((g) => (g.utilities ? [g.utilities] : []));
    if (a && dealt.length > 0) {
      const parties = a.parties;
      const same = (u: Record<string, number>, v: Record<string, number>) =>
        parties.every((p) => u[p] === v[p]);
      const nash = a.nash;
      lines.push(
        el(
          'p',
          { id: 'lab-games-where' },
          t(m.gamesWhere, {
            nash: dealt.filter((u) => nash && same(u, nash.utilities)).length,
            frontier: dealt.filter((u) => a.frontier.some((f) => same(u, f.utilities))).length,
          }),
        ),
      );
    }
    if (state.gamesError) {
      lines.push(
        el(
          'p',
          { className: 'form-error', attrs: { role: 'alert' } },
          t(m.gamesError, { error: state.gamesError }),
        ),
      );
    }
    gamesBox.replaceChildren(...lines);
    const button = document.getElementById('lab-run-games') as HTMLButtonElement | null;
    if (button) button.disabled = state.result?.ok !== true || state.gamesRunning;
    const figure = document.getElementById('lab-chart');
    if (figure) figure.dataset.games = String(played);
    chart?.setGames(state.games);
  };

  const playSection = (s: Scenario) => {
    const m = msg().lab;
    const valid = state.result?.ok === true;
    return el(
      'section',
      { className: 'panel lab-play', attrs: { 'aria-labelledby': 'lab-play-heading' } },
      el('h2', { id: 'lab-play-heading' }, m.playHeading),
      el(
        'div',
        { className: 'lab-row' },
        el(
          'div',
          { className: 'lab-field' },
          el('label', { attrs: { for: 'lab-side' } }, msg().title.pickSide),
          el(
            'select',
            {
              id: 'lab-side',
              on: {
                change: (e) => {
                  state.side = (e.target as HTMLSelectElement).value;
                },
              },
            },
            ...s.parties.map((p) =>
              el('option', { attrs: { value: p.id, selected: p.id === state.side } }, p.name),
            ),
          ),
        ),
        difficultySelect('lab-play-difficulty'),
        el(
          'div',
          { className: 'lab-field' },
          el('label', { attrs: { for: 'lab-from-meeting' } }, m.fromMeeting),
          el('input', {
            id: 'lab-from-meeting',
            attrs: {
              type: 'number',
              min: 1,
              max: s.calendar.length,
              step: 1,
              value: String(Math.min(state.fromMeeting, s.calendar.length)),
              'aria-describedby': 'lab-from-meeting-hint',
            },
            on: {
              change: (e) => {
                const v = Math.round(Number((e.target as HTMLInputElement).value));
                state.fromMeeting = Number.isFinite(v) ? Math.max(1, Math.min(s.calendar.length, v)) : 1;
                (e.target as HTMLInputElement).value = String(state.fromMeeting);
              },
            },
          }),
        ),
      ),
      el(
        'p',
        { id: 'lab-from-meeting-hint', className: 'hint' },
        t(m.fromMeetingHint, { total: s.calendar.length }),
      ),
      el('p', { className: 'hint' }, valid ? m.playHint : m.playInvalid),
      el(
        'div',
        { className: 'actions-row' },
        el(
          'button',
          {
            id: 'lab-play',
            className: 'primary',
            attrs: { type: 'button', disabled: !valid },
            on: {
              click: () => {
                const r = state.result;
                if (!r?.ok) return;
                dispose();
                options.onPlay({
                  scenario: r.scenario,
                  humanSeats: [state.side || (r.scenario.parties[0]?.id ?? '')],
                  difficulty: state.difficulty,
                  mode: 'solo',
                  fromMeeting: Math.min(state.fromMeeting, r.scenario.calendar.length),
                });
              },
            },
          },
          m.play,
        ),
        el(
          'button',
          { id: 'lab-download', attrs: { type: 'button' }, on: { click: download } },
          t(m.download, { file: baseName(state.file) }),
        ),
      ),
      el('p', { className: 'hint' }, t(m.downloadHint, { folder: 'assets/scenarios/' })),
    );
  };

  const numberControl = (c: {
    id: string;
    label: string;
    hint?: string;
    value: number | null;
    min: number;
    max: number;
    step: number;
    onCommit(value: number): void;
  }) => {
    const hintId = c.hint ? `${c.id}-hint` : undefined;
    const number = el('input', {
      id: c.id,
      className: 'lab-number',
      attrs: {
        type: 'number',
        inputmode: 'numeric',
        min: c.min,
        max: c.max,
        step: 1,
        value: c.value ?? '',
        'aria-describedby': hintId,
      },
      on: {
        change: () => {
          if (number.value.trim() === '') return;
          const v = Number(number.value);
          if (Number.isFinite(v)) c.onCommit(Math.max(c.min, Math.min(c.max, v)));
        },
      },
    });
    const range = el('input', {
      id: `${c.id}-range`,
      className: 'lab-range',
      attrs: {
        type: 'range',
        min: c.min,
        max: c.max,
        step: c.step,
        value: c.value ?? c.min,
        'aria-label': c.label,
        'aria-describedby': hintId,
      },
      on: {
        input: () => {
          number.value = range.value;
        },
        // The slider's step keeps keyboard steps coarse; the number beside it takes any whole value.
        change: () => c.onCommit(Number(range.value)),
      },
    });
    return el(
      'div',
      { className: 'lab-control' },
      el('label', { attrs: { for: c.id } }, c.label),
      el('div', { className: 'lab-inputs' }, range, number),
      c.hint ? el('p', { id: hintId, className: 'hint' }, c.hint) : null,
    );
  };

  // Files dropped anywhere on the lab open like chosen ones.
  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    readFile(file);
  };
  page.addEventListener('dragover', onDragOver);
  page.addEventListener('drop', onDrop);

  root.replaceChildren(page);
  const off = onLanguageChange(() => render());
  // During `npm run dev`, the open file saved on disk comes in at once, or waits while the lab holds edits of it.
  const offDisk = onScenarioSaved((update) => {
    if (update.file !== state.file || update.text === state.text) return;
    if (state.text === state.opened)
      open(update.file, update.text, t(msg().lab.tookFromDisk, { file: update.file }));
    else {
      state.onDisk = update.text;
      render();
    }
  });
  const dispose = () => {
    off();
    offDisk();
    stopGames();
    chart?.destroy();
    chart = null;
    page.removeEventListener('dragover', onDragOver);
    page.removeEventListener('drop', onDrop);
    root.replaceChildren();
  };
  // `?open=three-islands.yaml` opens that bundled file first; otherwise the default scenario.
  const asked = new URLSearchParams(window.location.search).get('open');
  const first = files.find((f) => baseName(f) === asked) ?? files[0];
  const load = first ? bundled[first] : undefined;
  if (first && load) open(first.replace(/^\//, ''), await load());
  else render();
  focusQuietly(page.querySelector<HTMLElement>('h1'));
  return dispose;
}

/** The current text's values when it does not validate (so the controls still show what it says). */
function readValues(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return null;
  return doc.toJS({ maxAliasCount: 100 });
}
