// The title screen: content note, scenario, side, AI difficulty and mode (solo against AI, or hot seat).
import type { Difficulty } from '../ai/decide';
import { date, language, msg, onLanguageChange, t } from '../i18n';
import { localizeScenario } from '../scenario/localize';
import type { Scenario } from '../scenario/schema';
import { lazyDetails, replaceKeepingOpen } from './disclosure';
import { el, focusQuietly, screenHeading, uniqueId } from './dom';
import { languageButtons } from './language-picker';
import { printBriefHref } from './print-brief-href';
import type { CatalogueEntry } from './scenario-catalogue';
import { sourceList, sourcesIn } from './sources-panel';

export type Mode = 'solo' | 'hotseat';

export interface GameChoice {
  scenario: Scenario;
  humanSeats: string[];
  difficulty: Difficulty;
  mode: Mode;
  /** For designers testing a scenario: the AI plays every seat until this meeting (1 = the first) opens. */
  fromMeeting?: number;
}

export interface TitleOptions {
  catalogue: CatalogueEntry[];
  onStart(choice: GameChoice): void;
  /** Opens a game log file's text; resolves to an error message to show, or null when it opened. */
  onOpenLog?(text: string): Promise<string | null>;
  /** The previous game's choices, chosen again (after "Play again" or a new game). */
  initial?: { scenarioId: string; mode: Mode; humanSeats: string[]; difficulty: Difficulty };
}

const difficulties = (): Array<{ id: Difficulty; label: string; hint: string }> => {
  const m = msg().title;
  return [
    { id: 'easy', label: m.easy, hint: m.easyHint },
    { id: 'medium', label: m.medium, hint: m.mediumHint },
    { id: 'hard', label: m.hard, hint: m.hardHint },
  ];
};

export function renderTitleScreen(root: HTMLElement, options: TitleOptions): () => void {
  // The scenarios in the interface's language (re-read when the language changes).
  let playable = options.catalogue.flatMap((e) => (e.ok ? [localizeScenario(e.scenario, language())] : []));
  const broken = options.catalogue.flatMap((e) => (e.ok ? [] : [e]));
  const initial = options.initial;
  const remembered = initial && playable.some((s) => s.meta.id === initial.scenarioId) ? initial : undefined;
  const state = {
    scenarioId: remembered?.scenarioId ?? playable[0]?.meta.id ?? '',
    mode: remembered?.mode ?? ('solo' as Mode),
    side: (remembered?.mode === 'solo' ? remembered.humanSeats[0] : undefined) ?? '',
    hotSeats: remembered?.mode === 'hotseat' ? [...remembered.humanSeats] : ([] as string[]),
    difficulty: remembered?.difficulty ?? ('medium' as Difficulty),
    error: '',
    logError: '',
  };
  const scenario = () => playable.find((s) => s.meta.id === state.scenarioId);

  const render = (focusId?: string) => {
    const active = focusId ?? (document.activeElement as HTMLElement | null)?.id;
    const current = scenario();
    const m = msg().title;
    const main = el('div', { className: 'screen title-screen' });
    const heading = screenHeading(msg().app.name);
    main.append(
      el(
        'header',
        { className: 'title-header' },
        heading,
        el('p', { className: 'tagline' }, m.tagline),
        languageButtons(() => undefined),
        el(
          'nav',
          { className: 'class-links', attrs: { 'aria-label': m.classSessions } },
          el('a', { id: 'join-class', attrs: { href: '?class=join' } }, m.joinClass),
          ' · ',
          el('a', { id: 'run-class', attrs: { href: '?class=teacher' } }, m.runClass),
          ' · ',
          el('a', { id: 'open-lab', attrs: { href: '#/lab' } }, msg().lab.link),
        ),
      ),
    );
    if (!current) {
      main.append(el('p', { attrs: { role: 'alert' } }, m.noScenario), brokenList(broken));
      root.replaceChildren(main);
      return;
    }

    main.append(
      el(
        'section',
        { className: 'content-note', attrs: { 'aria-labelledby': 'content-note-heading' } },
        el('h2', { id: 'content-note-heading' }, m.contentNote),
        el('p', {}, current.meta.contentNote),
      ),
    );

    const form = el('form', {
      className: 'setup',
      attrs: { 'aria-label': m.setUp, novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          start();
        },
      },
    });

    // Scenario
    const scenarioSet = el('fieldset', { className: 'choice-group' }, el('legend', {}, m.scenario));
    for (const s of playable) {
      const id = `scenario-${s.meta.id}`;
      scenarioSet.append(
        el(
          'div',
          { className: 'radio-row' },
          el('input', {
            id,
            attrs: {
              type: 'radio',
              name: 'scenario',
              value: s.meta.id,
              checked: s.meta.id === state.scenarioId,
            },
            on: {
              change: () => {
                state.scenarioId = s.meta.id;
                state.side = '';
                state.hotSeats = [];
                state.error = '';
                render(id);
              },
            },
          }),
          el('label', { attrs: { for: id } }, s.meta.title),
        ),
      );
    }
    scenarioSet.append(
      el('p', { className: 'scenario-summary' }, current.meta.summary),
      el('p', { className: 'hint' }, t(m.startsOn, { date: date(current.meta.asOf, true) })),
      ...balanceNote(options.catalogue, current.meta.id),
    );
    if (broken.length) scenarioSet.append(brokenList(broken));
    form.append(scenarioSet);

    // Mode
    const modeSet = el('fieldset', { className: 'choice-group' }, el('legend', {}, m.mode));
    const modes: Array<{ id: Mode; label: string; hint: string }> = [
      { id: 'solo', label: m.solo, hint: m.soloHint },
      { id: 'hotseat', label: m.hotseat, hint: m.hotseatHint },
    ];
    for (const m of modes) {
      const id = `mode-${m.id}`;
      modeSet.append(
        el(
          'div',
          { className: 'radio-row' },
          el('input', {
            id,
            attrs: { type: 'radio', name: 'mode', value: m.id, checked: state.mode === m.id },
            on: {
              change: () => {
                state.mode = m.id;
                state.error = '';
                render(id);
              },
            },
          }),
          el('label', { attrs: { for: id } }, m.label, el('span', { className: 'hint-inline' }, m.hint)),
        ),
      );
    }
    form.append(modeSet);

    // Sides
    if (state.mode === 'solo') {
      const sideSet = el(
        'fieldset',
        { className: 'choice-group sides' },
        el('legend', {}, m.pickSide),
        el('p', { className: 'hint' }, m.pickSideHint),
      );
      const grid = el('div', { className: 'side-grid' });
      for (const p of current.parties) {
        const id = `side-${p.id}`;
        const pressed = state.side === p.id;
        grid.append(
          el(
            'button',
            {
              id,
              className: `side-button${pressed ? ' selected' : ''}`,
              attrs: { type: 'button', 'aria-pressed': pressed ? 'true' : 'false' },
              on: {
                click: () => {
                  state.side = p.id;
                  state.error = '';
                  render(id);
                },
              },
            },
            el('span', {
              className: 'swatch',
              attrs: { 'aria-hidden': 'true', style: `background:${p.color}` },
            }),
            el('span', { className: 'side-name' }, p.name),
            el('span', { className: 'side-roles' }, p.delegation.map((d) => d.role).join(', ')),
            current.mediator === p.id ? el('span', { className: 'side-tag' }, m.mediator) : null,
          ),
        );
      }
      sideSet.append(grid);
      form.append(sideSet);
    } else {
      const max = Math.min(3, current.parties.length);
      const seatSet = el(
        'fieldset',
        { className: 'choice-group' },
        el('legend', {}, m.whoHuman),
        el('p', { className: 'hint' }, max > 2 ? t(m.chooseTwoOrMore, { max }) : m.chooseTwo),
      );
      for (const p of current.parties) {
        const id = `human-${p.id}`;
        seatSet.append(
          el(
            'div',
            { className: 'radio-row' },
            el('input', {
              id,
              attrs: { type: 'checkbox', value: p.id, checked: state.hotSeats.includes(p.id) },
              on: {
                change: (event) => {
                  const checked = (event.target as HTMLInputElement).checked;
                  state.hotSeats = checked
                    ? [...state.hotSeats.filter((s) => s !== p.id), p.id]
                    : state.hotSeats.filter((s) => s !== p.id);
                  state.error = '';
                  render(id);
                },
              },
            }),
            el(
              'label',
              { attrs: { for: id } },
              p.name,
              el('span', { className: 'hint-inline' }, p.delegation.map((d) => d.role).join(', ')),
            ),
          ),
        );
      }
      form.append(seatSet);
    }

    // Difficulty
    const difficultySet = el('fieldset', { className: 'choice-group' }, el('legend', {}, m.difficulty));
    for (const d of difficulties()) {
      const id = `difficulty-${d.id}`;
      difficultySet.append(
        el(
          'div',
          { className: 'radio-row' },
          el('input', {
            id,
            attrs: { type: 'radio', name: 'difficulty', value: d.id, checked: state.difficulty === d.id },
            on: {
              change: () => {
                state.difficulty = d.id;
                render(id);
              },
            },
          }),
          el('label', { attrs: { for: id } }, d.label, el('span', { className: 'hint-inline' }, d.hint)),
        ),
      );
    }
    form.append(difficultySet);

    const errorId = uniqueId('setup-error');
    form.append(
      el('p', { id: errorId, className: 'form-error', attrs: { role: 'alert' } }, state.error),
      el(
        'div',
        { className: 'actions-row' },
        el(
          'button',
          { id: 'start-game', className: 'primary', attrs: { type: 'submit' } },
          state.mode === 'solo' ? m.readBrief : m.startHotseat,
        ),
      ),
    );
    main.append(form);
    if (options.onOpenLog) main.append(replaySection());
    main.append(teachersSection(current));
    replaceKeepingOpen(root, main);
    if (active) focusQuietly(document.getElementById(active));
  };

  /** Replay a game: open a log exported from this game (a file never leaves the browser). */
  const replaySection = () => {
    const input = el('input', {
      id: 'open-game-log',
      attrs: { type: 'file', accept: '.json,application/json' },
      on: {
        change: () => {
          const file = input.files?.[0];
          if (!file || !options.onOpenLog) return;
          void file
            .text()
            .then((text) => options.onOpenLog?.(text) ?? null)
            .catch((e: unknown) =>
              t(msg().title.fileUnreadable, { error: e instanceof Error ? e.message : String(e) }),
            )
            .then((message) => {
              if (message === null) return;
              state.logError = message;
              render('open-game-log');
            });
        },
      },
    });
    return el(
      'section',
      { className: 'panel replay-open', attrs: { 'aria-labelledby': 'replay-heading' } },
      el('h2', { id: 'replay-heading' }, msg().title.replay),
      el('p', { className: 'hint' }, msg().title.replayHint),
      el('label', { attrs: { for: 'open-game-log' } }, msg().title.openLog),
      input,
      el('p', { id: 'game-log-error', className: 'form-error', attrs: { role: 'alert' } }, state.logError),
    );
  };

  const start = () => {
    const current = scenario();
    if (!current) return;
    let humans: string[];
    if (state.mode === 'solo') {
      if (!state.side) {
        state.error = msg().title.pickSideFirst;
        render('start-game');
        return;
      }
      humans = [state.side];
    } else {
      const max = Math.min(3, current.parties.length);
      if (state.hotSeats.length < 2 || state.hotSeats.length > max) {
        state.error = max > 2 ? t(msg().title.needTwoOrMore, { max }) : msg().title.needTwo;
        render('start-game');
        return;
      }
      // Seats in the scenario's order, so the device passes round predictably.
      humans = current.parties.map((p) => p.id).filter((id) => state.hotSeats.includes(id));
    }
    options.onStart({
      scenario: current,
      humanSeats: humans,
      difficulty: state.difficulty,
      mode: state.mode,
    });
  };

  render();
  focusQuietly(root.querySelector<HTMLElement>('h1'));
  // A new language: the scenarios' texts and every word of the screen again, the choices kept.
  const off = onLanguageChange(() => {
    playable = options.catalogue.flatMap((e) => (e.ok ? [localizeScenario(e.scenario, language())] : []));
    render(`language-${language()}`);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}

/** For teachers, outside the students' path: the scenario's notes on sensitive points and every source it cites. */
function teachersSection(scenario: Scenario): HTMLElement {
  const notes = scenario.meta.teacherNotes ?? [];
  const m = msg().title;
  const all = sourcesIn(
    scenario.meta.sources,
    scenario.meta.sources.map((s) => s.id),
  );
  return el(
    'section',
    { className: 'panel teachers', attrs: { 'aria-labelledby': 'teachers-heading' } },
    el('h2', { id: 'teachers-heading' }, m.teachers),
    el('p', { className: 'hint' }, t(m.teachersHint, { title: scenario.meta.title })),
    el(
      'ul',
      { className: 'pack-links' },
      el(
        'li',
        {},
        el('a', { id: 'print-briefs', attrs: { href: printBriefHref(scenario.meta.id) } }, msg().pack.briefs),
      ),
      el('li', {}, el('a', { id: 'teacher-pack', attrs: { href: '/teachers/' } }, msg().pack.all)),
    ),
    lazyDetails({
      key: `teacher-notes-${scenario.meta.id}`,
      className: 'teacher-notes',
      summary: [notes.length ? t(m.teacherNotesCount, { n: notes.length }) : m.teacherNotes],
      build: () =>
        notes.length
          ? notes.map((n, i) =>
              el(
                'article',
                { className: 'teacher-note', attrs: { 'aria-labelledby': `teacher-note-${i}` } },
                el('h3', { id: `teacher-note-${i}` }, n.topic),
                el('p', {}, n.text),
                el('p', { className: 'sources-heading' }, m.sources),
                sourceList(sourcesIn(scenario.meta.sources, n.sources), m.noteNoSource),
              ),
            )
          : [el('p', {}, m.noTeacherNotes)],
    }),
    lazyDetails({
      key: `teacher-sources-${scenario.meta.id}`,
      className: 'teacher-sources',
      summary: [t(m.everySource, { n: all.length })],
      build: () => [
        el('p', { className: 'hint' }, t(m.teacherStarts, { date: date(scenario.meta.asOf, true) })),
        sourceList(all),
      ],
    }),
  );
}

/** For designers: the scenario's balance warnings and figures, as `cli validate` gives them. */
function balanceNote(catalogue: CatalogueEntry[], id: string): HTMLElement[] {
  const entry = catalogue.find((e) => e.ok && e.scenario.meta.id === id);
  if (!entry?.ok) return [];
  const m = msg().lab;
  return [
    el(
      'details',
      { className: 'scenario-balance' },
      el('summary', {}, entry.warnings.length ? t(m.balance, { n: entry.warnings.length }) : m.balanceNone),
      el('p', { className: 'hint' }, t(m.balanceHint, { figures: entry.figures })),
      entry.warnings.length ? el('ul', {}, ...entry.warnings.map((w) => el('li', {}, w))) : null,
    ),
  ];
}

function brokenList(broken: Array<{ file: string; errors: string[] }>): HTMLElement {
  return el(
    'details',
    { className: 'broken-scenarios' },
    el('summary', {}, t(msg().title.broken, { n: broken.length })),
    ...broken.map((b) =>
      el('div', {}, el('p', {}, b.file), el('ul', {}, ...b.errors.slice(0, 20).map((e) => el('li', {}, e)))),
    ),
  );
}
