// The app: title → brief → table → outcome, for solo play and hot seat; resumes a saved game after a reload.
import './access.css';
import { missedMeetings, openMeetingSoFar } from '../engine/away';
import { DIFFICULTIES, isDifficulty } from '../engine/difficulty';
import type { GameLog } from '../engine/game-log';
import type { Intent } from '../engine/intents';
import type { GameState } from '../engine/state';
import type { SeatView } from '../engine/view';
import {
  beforeLanguageChange,
  initialLanguage,
  language,
  msg,
  onLanguageChange,
  setLanguage,
  t,
} from '../i18n';
import { localizeScenario } from '../scenario/localize';
import type { Scenario } from '../scenario/schema';
import { renderAwayScreen } from './away-screen';
import { renderBriefScreen } from './brief-screen';
import { el, screenHeading } from './dom';
import type { GameSession } from './game-session';
import { languageBar } from './language-picker';
import { renderPassScreen } from './pass-device-screen';
import { printBriefHref } from './print-brief-href';
import {
  clearSavedGame,
  forgetSavedGames,
  gameHolder,
  holdGame,
  loadSavedGame,
  newGameId,
  SAVE_KEYS,
} from './saved-game';
import {
  applySaved,
  type CatalogueEntry,
  DEFAULT_SCENARIO_ID,
  findScenario,
  loadCatalogue,
  loadTranslations,
} from './scenario-catalogue';
import { onScenarioSaved } from './scenario-hot';
import type { TableLoader } from './table-mount';
import { renderTableScreen } from './table-screen';
import { type GameChoice, renderTitleScreen } from './title-screen';

/** The class seat a student's browser keeps (src/ui/class-student.ts): forgotten with the game on a shared computer. */
const CLASS_SEAT_KEY = 'shuttle.class.student';

/** Whether this device keeps a game for someone: a class seat, or a damaged save set aside. */
function somethingStored(): boolean {
  try {
    return localStorage.getItem(CLASS_SEAT_KEY) !== null || localStorage.getItem(SAVE_KEYS.damaged) !== null;
  } catch {
    return false;
  }
}

export interface AppOptions {
  loadTable: TableLoader;
  location: Pick<Location, 'search'>;
  /** A game to start at once instead of the title screen (the scenario lab's "Play this scenario"); not saved. */
  start?: GameChoice;
}

interface Settings {
  test: boolean;
  seed: string | null;
  /** A designer's test game asked for by the address: `?scenario=ID&side=ID&meeting=N` (and `&difficulty=`). */
  start: { scenario: string; side: string; meeting: string; difficulty: string } | null;
}

function readSettings(location: Pick<Location, 'search'>): Settings {
  const params = new URLSearchParams(location.search);
  const seed = params.get('seed');
  return {
    test: params.get('test') === '1',
    seed: seed && /^[0-9A-Za-z-]{1,40}$/.test(seed) ? seed : null,
    start:
      params.has('side') || params.has('meeting')
        ? {
            scenario: params.get('scenario') ?? '',
            side: params.get('side') ?? '',
            meeting: params.get('meeting') ?? '1',
            difficulty: params.get('difficulty') ?? 'medium',
          }
        : null,
  };
}

/** The game a designer's address asks for, or why it cannot start (the message names what would be accepted). */
function startFromAddress(
  asked: NonNullable<Settings['start']>,
  catalogue: CatalogueEntry[],
): { ok: true; choice: GameChoice } | { ok: false; reason: string } {
  const m = msg().app.start;
  const ok = catalogue.flatMap((e) => (e.ok ? [e.scenario] : []));
  const scenario = ok.find((s) => s.meta.id === (asked.scenario || DEFAULT_SCENARIO_ID));
  if (!scenario)
    return {
      ok: false,
      reason: t(m.scenario, { id: asked.scenario, ids: ok.map((s) => s.meta.id).join(', ') }),
    };
  const side = scenario.parties.find((p) => p.id === asked.side);
  if (!side)
    return {
      ok: false,
      reason: t(m.side, { id: asked.side, ids: scenario.parties.map((p) => p.id).join(', ') }),
    };
  const total = scenario.calendar.length;
  const meeting = /^\d{1,3}$/.test(asked.meeting) ? Number(asked.meeting) : Number.NaN;
  if (!(meeting >= 1 && meeting <= total))
    return { ok: false, reason: t(m.meeting, { value: asked.meeting, total }) };
  const difficulty = asked.difficulty;
  if (!isDifficulty(difficulty))
    return { ok: false, reason: t(m.difficulty, { value: difficulty, values: DIFFICULTIES.join(', ') }) };
  return {
    ok: true,
    choice: { scenario, humanSeats: [side.id], difficulty, mode: 'solo', fromMeeting: meeting },
  };
}

/** A fresh random seed for a new game (the UI layer may use the platform's randomness). */
function randomSeed(): string {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return String(buf[0] ?? 1);
}

export async function startApp(root: HTMLElement, options: AppOptions): Promise<void> {
  const settings = readSettings(options.location);
  /** This tab, among the browser's tabs that may hold the same saved game. */
  const tab = newGameId();
  /** The game this tab holds (and saves), if any. */
  let holding: string | null = null;
  /** A message for the next screen shown (a damaged save, a forgotten game). */
  let pendingNotice: string | null = null;
  await setLanguage(initialLanguage(options.location.search), false);
  const catalogue: CatalogueEntry[] = await loadCatalogue({
    includeTestScenarios: settings.test,
    lang: language(),
  });
  // A scenario's texts in another language load with that language's dictionary.
  beforeLanguageChange((l) => loadTranslations(catalogue, l));
  let cleanup: (() => void) | null = null;
  let session: GameSession | null = null;
  let offRouting: (() => void) | null = null;
  /** The human seat whose screen is showing (hot seat: only ever one at a time). */
  let shown: string | null = null;
  let screenName = '';
  const briefed = new Set<string>();
  /** Seats the AI played at the meetings before a designer's later start: told what it did, once. */
  const playedFor = new Set<string>();
  /** Seat → the last event it has seen at the table: what it missed since is told before it moves again. */
  const seen = new Map<string, number>();
  /** Hot seat: the seats still to read their briefs before the first meeting (one pass round at the start). */
  let briefingRound: string[] = [];
  /** Hot seat: the outcome has been passed to everyone. */
  let endPassed = false;
  /** A game of a scenario edited in the lab: it is not saved (a reload would replay it on the bundled file). */
  let unsaved = options.start !== undefined;

  // The language control above every screen. The title screen re-renders itself; a running game is reloaded
  // from its save in this browser, so every word (the scenario's too) comes back in the new language.
  const main = root.closest('main');
  if (main?.parentElement && !document.getElementById('language-select')) {
    main.parentElement.insertBefore(
      languageBar(() => undefined),
      main,
    );
  }
  onLanguageChange(() => {
    const skip = document.querySelector('.skip-link');
    if (skip) skip.textContent = msg().app.skip;
    if (screenName === 'title') {
      document.title = `${msg().app.titles.title} · ${msg().app.name}`;
      return;
    }
    const url = new URL(window.location.href);
    url.searchParams.delete('lang');
    window.history.replaceState(null, '', url);
    window.location.reload();
  });
  {
    const skip = document.querySelector('.skip-link');
    if (skip) skip.textContent = msg().app.skip;
  }

  const show = (name: string, title: string, render: () => () => void) => {
    cleanup?.();
    cleanup = null;
    screenName = name;
    root.dataset.screen = name;
    document.title = `${title} · ${msg().app.name}`;
    window.scrollTo(0, 0);
    cleanup = render();
    if (pendingNotice) {
      root.prepend(el('p', { className: 'notice', attrs: { role: 'status' } }, pendingNotice));
      pendingNotice = null;
    }
    // A running game can be exported from the table and from its end, to replay it or play on from any move.
    if ((name === 'table' || name === 'outcome') && session) root.append(gameTools(session));
  };

  const gameTools = (s: GameSession) =>
    el(
      'div',
      { className: 'game-tools' },
      el(
        'button',
        {
          id: 'export-game-log',
          attrs: { type: 'button' },
          on: {
            click: () => void import('./game-log-io').then((io) => io.downloadGameLog(io.sessionLog(s))),
          },
        },
        msg().app.exportLog,
      ),
      el(
        'button',
        { id: 'forget-game', attrs: { type: 'button' }, on: { click: () => forgetGame() } },
        msg().forget.button,
      ),
    );

  /** Shared computers: the game ends and this device keeps nothing of it (nor a class seat), after a confirmation. */
  const forgetGame = () => {
    if (!window.confirm(msg().forget.confirm)) return;
    endSession();
    forgetSavedGames(localStorage, tab);
    try {
      localStorage.removeItem(CLASS_SEAT_KEY);
      sessionStorage.clear();
    } catch {
      // nothing stored
    }
    lastChoice = null;
    pendingNotice = msg().forget.done;
    showTitle();
  };

  /** Another tab took this game or moved it on: this one stops (and so never overwrites its moves) and says so. */
  const showElsewhere = () => {
    session?.stopSaving();
    const mine = holding;
    holding = null;
    const holder = gameHolder();
    const replaced = holder !== null && holder.game !== mine;
    const live = ['table', 'brief', 'pass', 'away', 'pass-end'].includes(screenName);
    if (!live) return;
    endSession();
    show('elsewhere', msg().saves.elsewhere, () => {
      const heading = screenHeading(msg().saves.elsewhere);
      root.replaceChildren(
        el(
          'div',
          { className: 'screen elsewhere-screen' },
          heading,
          el('p', {}, replaced ? msg().saves.replaced : msg().saves.elsewhereText),
          el(
            'div',
            { className: 'actions-row' },
            el(
              'button',
              {
                id: 'play-here',
                className: 'primary',
                attrs: { type: 'button' },
                on: {
                  click: () =>
                    void resume().then((ok) => {
                      if (!ok) showTitle();
                    }),
                },
              },
              msg().saves.playHere,
            ),
          ),
        ),
      );
      heading.focus();
      return () => root.replaceChildren();
    });
  };

  // Other tabs' writes arrive as storage events: a tab that took this game, or saved it since, wins.
  window.addEventListener('storage', (e) => {
    if (!holding || !session) return;
    if (e.storageArea !== localStorage) return;
    if (e.key === null) return showElsewhere();
    if (e.key === SAVE_KEYS.holder) {
      const holder = gameHolder();
      if (!holder || holder.tab !== tab) showElsewhere();
    } else if (e.key === SAVE_KEYS.rev && e.newValue !== null) showElsewhere();
  });

  const endSession = () => {
    holding = null;
    offRouting?.();
    offRouting = null;
    session?.close();
    session = null;
    shown = null;
    briefed.clear();
    seen.clear();
    playedFor.clear();
    briefingRound = [];
    endPassed = false;
  };

  const lastSeq = (view: SeatView) => view.log.at(-1)?.seq ?? 0;

  /** Before a seat moves again: if meetings went by without it, tell it what happened first. */
  const showTableOrAway = (seat: string, force = false) => {
    const s = session;
    if (!s) return;
    const view = s.connection(seat).view();
    if (view.status === 'negotiating' && view.speaker === seat) {
      const playedByAi = playedFor.delete(seat);
      const since = seen.get(seat) ?? 0;
      const missed = missedMeetings(view.log, seat, since, { withSeat: playedByAi });
      seen.set(seat, lastSeq(view));
      if (missed.length > 0) {
        shown = seat;
        show('away', msg().app.titles.away, () =>
          renderAwayScreen(root, {
            scenario: s.setup.scenario,
            view,
            missed,
            // What happened at this meeting before the seat's turn (a new version, say) comes last.
            current: openMeetingSoFar(view.log, since),
            playedByAi,
            onContinue: () => showTable(seat),
          }),
        );
        return;
      }
      if (force || screenName !== 'table' || shown !== seat) showTable(seat);
      return;
    }
    showTable(seat);
  };

  const partyOf = (scenario: Scenario, seat: string) => scenario.parties.find((p) => p.id === seat);

  /** The last game's choices, so that "Play again" keeps the side, the seats and the difficulty. */
  let lastChoice: GameChoice | null = null;

  const showTitle = () => {
    endSession();
    unsaved = false;
    show('title', msg().app.titles.title, () =>
      renderTitleScreen(root, {
        catalogue,
        onStart: (choice) => void begin(choice),
        onOpenLog: openLog,
        ...(lastChoice
          ? {
              initial: {
                scenarioId: lastChoice.scenario.meta.id,
                mode: lastChoice.mode,
                humanSeats: lastChoice.humanSeats,
                difficulty: lastChoice.difficulty,
              },
            }
          : {}),
      }),
    );
    // A shared computer may still keep the last student's class seat (or a damaged save): it can be forgotten here.
    if (somethingStored()) {
      root.append(
        el(
          'section',
          { className: 'panel forget-panel', attrs: { 'aria-labelledby': 'forget-heading' } },
          el('h2', { id: 'forget-heading' }, msg().forget.button),
          el('p', { className: 'hint' }, msg().forget.hint),
          el(
            'button',
            { id: 'forget-game', attrs: { type: 'button' }, on: { click: () => forgetGame() } },
            msg().forget.button,
          ),
        ),
      );
    }
  };

  /** Reads a game log and shows its replay; resolves to the message to show when the file is refused. */
  const openLog = async (text: string): Promise<string | null> => {
    const { readGameLog } = await import('../engine/game-log');
    const read = readGameLog(text, (id) => {
      const found = findScenario(catalogue, id);
      return found && localizeScenario(found, language());
    });
    if (!read.ok) return read.message;
    const { renderReplayScreen } = await import('./replay-screen');
    endSession();
    show('replay', msg().app.titles.replay, () =>
      renderReplayScreen(root, {
        log: read.log,
        scenario: read.scenario,
        states: read.states,
        onFork: (moves) => void playOn(read.log, read.scenario, moves),
        onExport: () => void import('./game-log-io').then((io) => io.downloadGameLog(read.log)),
        onClose: showTitle,
      }),
    );
    return null;
  };

  /** A fork: a new game that starts from a replayed game's first `moves` moves, with the same players. */
  const playOn = async (log: GameLog, scenario: Scenario, moves: number) => {
    const humans = scenario.parties.map((p) => p.id).filter((p) => log.seats[p] === 'human');
    const humanSeats = humans.length > 0 ? humans : [scenario.parties[0]?.id ?? ''];
    const ai = Object.values(log.seats).find((v) => v !== 'human');
    const difficulty = ai === 'easy' || ai === 'hard' ? ai : 'medium';
    clearSavedGame(localStorage, tab);
    const s = await launch({ scenario, humanSeats, difficulty }, log.seed, log.intents.slice(0, moves));
    for (const h of humanSeats) {
      briefed.add(h);
      s.connection(h).acknowledgeBrief();
      seen.set(h, lastSeq(s.connection(h).view()));
    }
    const first = humanSeats[0] ?? '';
    const view = s.connection(first).view();
    if (humanSeats.length === 1) showTable(first, t(msg().app.playOn, { n: moves }));
    else showPass(view.speaker && s.isHuman(view.speaker) ? view.speaker : first);
  };

  const newGame = () => {
    endSession();
    clearSavedGame(localStorage, tab);
    showTitle();
  };

  const showOutcome = (s: GameSession) => {
    show('outcome', msg().app.titles.outcome, () => {
      let live = true;
      let dispose: (() => void) | null = null;
      // The debrief fills its own box, so the game tools that `show` adds after it stay on the page.
      const holder = el(
        'div',
        {},
        el('p', { className: 'loading', attrs: { role: 'status' } }, msg().app.preparingDebrief),
      );
      root.replaceChildren(holder);
      // The debrief and its charts load only when a game ends, keeping the first screen's script small.
      void import('./debrief-screen').then(({ renderDebriefScreen }) => {
        if (!live) return;
        dispose = renderDebriefScreen(holder, {
          scenario: s.setup.scenario,
          state: s.table.state(),
          humanSeats: s.setup.humanSeats,
          onPlayAgain: newGame,
        });
      });
      return () => {
        live = false;
        dispose?.();
      };
    });
  };

  const showEndPass = (s: GameSession) => {
    cleanup?.();
    cleanup = null;
    shown = null;
    show('pass-end', msg().app.titles.gameOver, () =>
      renderPassScreen(root, {
        partyName: '',
        color: '#555555',
        everyone: true,
        onReady: () => {
          endPassed = true;
          showOutcome(s);
        },
      }),
    );
  };

  const showTable = (seat: string, notice?: string) => {
    const s = session;
    if (!s) return;
    shown = seat;
    const conn = s.connection(seat);
    show('table', t(msg().app.titles.table, { party: partyOf(s.setup.scenario, seat)?.name ?? seat }), () => {
      const screen = renderTableScreen(root, {
        conn,
        isAi: (p) => s.isAi(p),
        loadTable: options.loadTable,
        lowFrameRate: settings.test,
        ...(notice ? { notice } : {}),
        onNewGame: () => {
          // A confirm step would need its own screen; the game is saved, so a plain confirm dialog is enough.
          if (settings.test || window.confirm(msg().app.leaveConfirm)) newGame();
        },
      });
      return () => screen.destroy();
    });
  };

  const showBrief = (seat: string) => {
    const s = session;
    if (!s) return;
    shown = seat;
    const conn = s.connection(seat);
    show('brief', msg().app.titles.brief, () =>
      renderBriefScreen(root, {
        view: conn.view(),
        watch: (listener) => conn.subscribe((next) => listener(next)),
        printHref: `${printBriefHref(s.setup.scenario.meta.id, seat)}&lang=${language()}`,
        onTakeSeat: () => {
          briefed.add(seat);
          conn.acknowledgeBrief();
          briefingRound = briefingRound.filter((b) => b !== seat);
          const next = briefingRound[0];
          if (next) showPass(next);
          else route(true);
        },
      }),
    );
  };

  const showPass = (seat: string) => {
    const s = session;
    if (!s) return;
    // The previous seat's panels are removed from the page before anything else is shown.
    cleanup?.();
    cleanup = null;
    shown = null;
    const party = partyOf(s.setup.scenario, seat);
    show('pass', msg().app.titles.pass, () =>
      renderPassScreen(root, {
        partyName: party?.name ?? seat,
        color: party?.color ?? '#555555',
        onReady: () => {
          shown = seat;
          if (briefed.has(seat)) showTableOrAway(seat);
          else showBrief(seat);
        },
      }),
    );
  };

  /** Decides which screen the game needs now; `force` re-shows the table after a brief. */
  const route = (force = false) => {
    const s = session;
    if (!s) return;
    const humans = s.setup.humanSeats;
    const anyone = humans[0];
    if (!anyone) return;
    const probe = s.connection(shown ?? anyone).view();
    if (probe.status === 'ended') {
      if (screenName === 'outcome') return;
      // Hot seat: the outcome is for everyone, so the device goes round first.
      if (humans.length > 1 && !endPassed) {
        if (screenName !== 'pass-end') showEndPass(s);
        return;
      }
      showOutcome(s);
      return;
    }
    // The opening pass round: nothing else until every seat has read its brief.
    if (briefingRound.length > 0) return;
    if (humans.length === 1) {
      // A solo student whose turn comes after meetings it was not at is told what happened first.
      if (probe.speaker === anyone && (force || screenName === 'table'))
        return showTableOrAway(anyone, force);
      if (force || (screenName !== 'table' && screenName !== 'away')) showTable(anyone);
      return;
    }
    const speaker = probe.speaker;
    if (speaker && s.isHuman(speaker) && speaker !== shown && screenName !== 'pass') {
      showPass(speaker);
      return;
    }
    if (force && shown) showTable(shown);
  };

  const launch = async (
    choice: Omit<GameChoice, 'mode'>,
    seed: string,
    intents?: Intent[],
    from: { game: string; rev: number; snapshot?: { game: GameState; count: number } } = {
      game: newGameId(),
      rev: 0,
    },
  ) => {
    endSession();
    // This tab takes the game: any other tab of it stops writing before this one writes.
    holdGame(from.game, tab);
    holding = from.game;
    // The rules, the session machine and the AI load when a game starts, keeping the first screen's script small.
    const { startSession } = await import('./game-session');
    session = startSession({
      // The scenario in the interface's language (its texts per language, where it gives them).
      scenario: localizeScenario(choice.scenario, language()),
      seed,
      humanSeats: choice.humanSeats,
      difficulty: choice.difficulty,
      aiDelayMs: settings.test ? 0 : 400,
      ...(intents ? { intents } : {}),
      ...(from.snapshot ? { snapshot: from.snapshot } : {}),
      // A game of a scenario edited in the lab is not saved: a reload would replay it on the bundled file.
      ...(unsaved ? {} : { save: { game: from.game, tab, rev: from.rev, onStale: () => showElsewhere() } }),
    });
    const s = session;
    offRouting = s.table.onChange(() => {
      // Only act on screens that belong to a running game (not while a brief is being read, say).
      if (
        screenName === 'table' ||
        screenName === 'outcome' ||
        screenName === 'brief' ||
        screenName === 'pass' ||
        screenName === 'away'
      ) {
        const view = s.connection(shown ?? s.setup.humanSeats[0] ?? '').view();
        if (view.status === 'ended') route();
        else if (screenName === 'table') route();
      }
    });
    return s;
  };

  const begin = async (choice: GameChoice) => {
    lastChoice = choice;
    if (!unsaved) clearSavedGame(localStorage, tab);
    const seed = settings.seed ?? randomSeed();
    const from = choice.fromMeeting ?? 1;
    let opening: Intent[] | undefined;
    if (from > 1) {
      // A designer's test from a later meeting: the AI plays every seat up to it, as in a game of its own.
      const { playUntilMeeting } = await import('../ai/ai-game');
      const played = playUntilMeeting(
        localizeScenario(choice.scenario, language()),
        seed,
        from - 1,
        choice.difficulty,
      );
      if (played.state.status !== 'negotiating') {
        pendingNotice = t(msg().app.endedBefore, { n: from, k: played.state.meeting + 1 });
        showTitle();
        return;
      }
      opening = played.intents;
    }
    const s = await launch(choice, seed, opening);
    const first = s.setup.humanSeats[0];
    if (!first) return;
    if (opening) {
      // What the AI did at the meetings before is told on the first screen at the table.
      for (const h of s.setup.humanSeats) playedFor.add(h);
    }
    if (choice.mode === 'solo') {
      showBrief(first);
      return;
    }
    // Every delegation reads its brief before the first meeting: one pass round, in the scenario's order.
    briefingRound = [...s.setup.humanSeats];
    showPass(first);
  };

  /**
   * Resumes the game saved in this browser, if there is one for a scenario we have: its moves are replayed one by one
   * and a damaged save keeps every move before the damage, with a message saying what was kept.
   */
  const resume = async (): Promise<boolean> => {
    const loaded = loadSavedGame();
    if (loaded.kind === 'unreadable') pendingNotice = msg().saves.unreadable;
    if (loaded.kind !== 'ok' && loaded.kind !== 'truncated') return false;
    const saved = loaded.save;
    const found = findScenario(catalogue, saved.scenarioId);
    if (!found || !saved.humanSeats.every((h) => found.parties.some((p) => p.id === h))) return false;
    const scenario = localizeScenario(found, language());
    const { createGame, applyIntent } = await import('../engine/game');
    let state = createGame(scenario, saved.seed);
    let kept = 0;
    let refusal: string | null = null;
    for (const intent of saved.intents) {
      // A teacher's event or a timer's expiry belongs to a class session: in a save on one device it was edited in.
      const type = (intent as { type?: unknown }).type;
      if (type === 'event.inject' || type === 'turn.timeout') {
        refusal = msg().saves.notOnDevice;
        break;
      }
      const r = applyIntent(scenario, state, intent);
      if (!r.ok) {
        refusal = r.error.message;
        break;
      }
      state = r.state;
      kept++;
    }
    const notice =
      refusal !== null
        ? t(msg().saves.refused, { n: kept, reason: refusal })
        : loaded.kind === 'truncated'
          ? t(msg().saves.truncated, { n: kept })
          : msg().app.restored;
    try {
      const s = await launch(
        { scenario: found, humanSeats: saved.humanSeats, difficulty: saved.difficulty },
        saved.seed,
        saved.intents.slice(0, kept),
        { game: saved.game, rev: loaded.rev, snapshot: { game: state, count: kept } },
      );
      lastChoice = {
        scenario: found,
        humanSeats: saved.humanSeats,
        difficulty: saved.difficulty,
        mode: saved.humanSeats.length === 1 ? 'solo' : 'hotseat',
      };
      for (const h of saved.humanSeats) {
        briefed.add(h);
        s.connection(h).acknowledgeBrief();
        seen.set(h, lastSeq(s.connection(h).view()));
      }
      const first = saved.humanSeats[0] ?? '';
      const view = s.connection(first).view();
      if (view.status === 'ended') {
        if (notice !== msg().app.restored) pendingNotice = notice;
        showOutcome(s);
      } else if (saved.humanSeats.length === 1) {
        showTable(first, notice);
      } else {
        if (notice !== msg().app.restored) pendingNotice = notice;
        const speaker = view.speaker;
        showPass(speaker && s.isHuman(speaker) ? speaker : first);
      }
      return true;
    } catch {
      // A save from an older version that no longer replays: start afresh, the save set aside.
      endSession();
      clearSavedGame(localStorage, tab);
      pendingNotice = msg().saves.unreadable;
      return false;
    }
  };

  /** During `npm run dev`: a running game of a scenario saved on disk offers to start again with the edit. */
  const savedBanner = (scenario: Scenario, file: string) => {
    const s = session;
    if (!s) return;
    document.getElementById('scenario-saved')?.remove();
    const humans = s.setup.humanSeats;
    const view = s.connection(shown ?? humans[0] ?? '').view();
    const meeting = view.status === 'ended' ? 1 : view.meeting.index + 1;
    const sides = humans.map((h) => partyOf(s.setup.scenario, h)?.name ?? h).join(', ');
    const m = msg().app.saved;
    root.prepend(
      el(
        'div',
        { id: 'scenario-saved', className: 'notice', attrs: { role: 'status' } },
        el('p', {}, t(m.text, { file, title: localizeScenario(scenario, language()).meta.title })),
        el(
          'button',
          {
            id: 'scenario-saved-restart',
            attrs: { type: 'button' },
            on: {
              click: () =>
                void begin({
                  scenario,
                  humanSeats: humans,
                  difficulty: s.setup.difficulty,
                  mode: humans.length > 1 ? 'hotseat' : 'solo',
                  fromMeeting: meeting,
                }),
            },
          },
          t(m.restart, { n: meeting, sides }),
        ),
      ),
    );
  };
  onScenarioSaved((update) => {
    const entry = applySaved(catalogue, update);
    if (!entry.ok) return;
    if (screenName === 'title') showTitle();
    else if (session?.setup.scenario.meta.id === entry.scenario.meta.id)
      savedBanner(entry.scenario, update.file);
  });

  if (options.start) {
    await begin(options.start);
    return;
  }
  if (settings.start) {
    const asked = startFromAddress(settings.start, catalogue);
    // The address leaves the start behind: a reload resumes the game it started instead of starting another.
    const url = new URL(window.location.href);
    for (const k of ['scenario', 'side', 'meeting', 'difficulty']) url.searchParams.delete(k);
    window.history.replaceState(null, '', url);
    if (asked.ok) {
      await begin(asked.choice);
      return;
    }
    pendingNotice = t(msg().app.start.refused, { reason: asked.reason });
    showTitle();
    return;
  }
  if (await resume()) return;
  if (catalogue.length === 0) {
    root.replaceChildren(el('p', { attrs: { role: 'alert' } }, msg().app.noScenario));
    return;
  }
  showTitle();
}
