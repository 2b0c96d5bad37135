// The table screen: status bar, the Phaser table (lazy, decorative), the text and builder per package, the seat's
// moves, signals and the move log. The DOM panels carry every fact and every control on their own.
import type { Move } from '../engine/intents';
import { meetingPosition } from '../engine/seat-figures';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import { date, language, msg, principalWords, t } from '../i18n';
import type { SeatConnection } from '../net/transport';
import type { Text } from '../scenario/schema';
import { briefContent } from './brief-view';
import { replaceKeepingOpen } from './disclosure';
import { el, formatPoints, screenHeading } from './dom';
import { glossaryList, termHelp } from './glossary';
import { renderLiveBrief } from './live-brief';
import { createMoveLog } from './move-log';
import { namesFor } from './names';
import { renderNewsBanner } from './news-banner';
import { renderOthers } from './others-panel';
import { applyTurn, cardInputs, changesIn, newDrafts, renderPackageCards } from './package-cards';
import { refusalWords } from './said-words';
import { ratificationFailures } from './scoring';
import { createSignalForm } from './signal-form';
import { attendanceBlock } from './sources-panel';
import type { TableHandle, TableLoader } from './table-mount';
import { renderTableStrip } from './table-strip';

/** While the other sides speak, the panels are drawn again at most this often (the picture shows every move). */
const OTHERS_DRAW_MS = 250;

export interface TableScreenOptions {
  conn: SeatConnection;
  isAi(seat: string): boolean;
  loadTable: TableLoader;
  lowFrameRate: boolean;
  /** A note shown once at the top, e.g. that the game was restored. */
  notice?: string;
  onNewGame(): void;
}

export interface TableScreen {
  destroy(): void;
}

export function renderTableScreen(root: HTMLElement, options: TableScreenOptions): TableScreen {
  const { conn } = options;
  let view = conn.view();
  const names = namesFor(view);
  const drafts = newDrafts();
  const ui = {
    error: '',
    signalError: '',
    busy: false,
    confirm: null as null | 'walk' | 'sign' | 'consult',
    consultPackage: '',
    /** The package a consultation waiting for confirmation is about. */
    consult: '',
  };
  /** News the player has hidden (by the seq of its event). */
  const dismissedNews = new Set<number>();
  let destroyed = false;
  let handle: TableHandle | null = null;

  const party = view.scenario.parties.find((p) => p.id === view.seat);
  const M = msg().table;
  /** The scenario's words for whom this side answers to ("consult your capital", "… your council"). */
  const PW = principalWords(party?.principal);
  const heading = screenHeading(t(msg().app.titles.table, { party: party?.name ?? view.seat }));
  const newGame = el(
    'button',
    {
      id: 'new-game',
      className: 'quiet',
      attrs: { type: 'button' },
      on: { click: () => options.onNewGame() },
    },
    M.newGame,
  );
  const header = el(
    'header',
    { className: 'table-header' },
    el('div', { className: 'title-block' }, el('p', { className: 'eyebrow' }, view.scenario.title), heading),
    newGame,
  );
  const statusBar = el('section', { className: 'status-bar', attrs: { 'aria-label': M.status } });
  const turnStatus = el('p', { id: 'turn-status', className: 'turn-status', attrs: { role: 'status' } });
  const errorBox = el('p', { id: 'move-error', className: 'move-error', attrs: { role: 'alert' } });
  const newsSlot = el('div', { className: 'news-slot' });

  const canvasNote = el('p', { className: 'canvas-note', attrs: { role: 'note' } });
  const canvas = el('div', {
    id: 'table-canvas',
    className: 'table-canvas',
    attrs: { 'aria-hidden': 'true' },
  });
  const canvasWrap = el('div', { className: 'canvas-wrap' }, canvas, canvasNote);

  const movesHeading = el('h2', { id: 'moves-heading', attrs: { tabindex: -1 } }, M.moves);
  const turnActions = el('div', { className: 'turn-actions' });
  const packagesRegion = el('div', { className: 'packages-region' });
  const log = createMoveLog('log-heading', view);
  // The signal form shows its own errors beside its button: the player is looking there, not at the top.
  const signal = createSignalForm(view, (move) => act(move, undefined, 'signal'));
  const liveBriefSlot = el('div', { className: 'live-brief-slot' });
  const othersSlot = el('div', { className: 'others-slot' });
  const briefSlot = el('div', { className: 'brief-slot' });

  const movesPanel = el(
    'section',
    { className: 'panel moves-panel', attrs: { 'aria-labelledby': 'moves-heading' } },
    movesHeading,
    errorBox,
    turnActions,
  );
  const textPanel = el(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': 'text-heading' } },
    el('h2', { id: 'text-heading' }, M.text),
    el('p', { className: 'hint' }, M.textHint),
    packagesRegion,
  );
  const signalPanel = el('section', { className: 'panel' }, signal.element);
  const livePanel = el(
    'section',
    { className: 'panel live-brief-panel', attrs: { 'aria-labelledby': 'live-brief-heading' } },
    el('h2', { id: 'live-brief-heading' }, M.whereYouStand),
    liveBriefSlot,
  );
  const logPanel = el(
    'section',
    { className: 'panel log-panel', attrs: { 'aria-labelledby': 'log-heading' } },
    el('h2', { id: 'log-heading' }, M.log),
    log.element,
  );
  const othersPanel = el(
    'section',
    { className: 'panel others-panel', attrs: { 'aria-labelledby': 'others-heading' } },
    el('h2', { id: 'others-heading' }, M.others),
    othersSlot,
  );
  const briefDetails = el(
    'details',
    { className: 'panel brief-details', attrs: { id: 'brief-details' } },
    el('summary', {}, M.yourBrief),
    briefSlot,
  );
  const glossaryDetails = el(
    'details',
    { className: 'panel glossary-details' },
    el('summary', {}, M.words),
    glossaryList(view.scenario.glossary),
  );
  // The table in words: the phone's compact stand-in for the picture (hidden on wider screens by the style sheet).
  const stripSlot = el('div', { className: 'strip-slot' });
  const mainCol = el('div', { className: 'main-col' });
  const sideCol = el('aside', { className: 'side-col', attrs: { 'aria-label': M.logAndBrief } });
  const layout = el('div', { className: 'table-layout' });
  const screen = el('div', { className: 'screen table-screen' }, header);
  const notice = options.notice
    ? el('p', { className: 'notice', attrs: { role: 'status' } }, options.notice)
    : null;

  /**
   * The screen's order: on a wide screen the picture, your moves and the text beside the log and brief; on a
   * phone (portrait, at most 600 px wide) one column led by the table in words, your moves and the move log, the
   * picture further down. The page's order is the reading and tabbing order, so it is rearranged, not restyled.
   */
  const phoneQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(max-width: 600px)') : null;
  let phone: boolean | null = null;
  const arrange = () => {
    const next = !!phoneQuery?.matches;
    if (next === phone) return;
    phone = next;
    const active = document.activeElement as HTMLElement | null;
    screen.classList.toggle('phone-layout', next);
    if (next) {
      // News follows your moves: a long banner would otherwise push them a screen down.
      layout.replaceChildren(
        stripSlot,
        movesPanel,
        newsSlot,
        logPanel,
        textPanel,
        signalPanel,
        livePanel,
        statusBar,
        canvasWrap,
        othersPanel,
        briefDetails,
        glossaryDetails,
      );
      screen.replaceChildren(header, ...(notice ? [notice] : []), turnStatus, layout);
    } else {
      // The table picture spans the screen's width (up to a projector's), above the two columns of panels.
      mainCol.replaceChildren(movesPanel, textPanel, signalPanel);
      sideCol.replaceChildren(livePanel, logPanel, othersPanel, briefDetails, glossaryDetails);
      layout.replaceChildren(mainCol, sideCol);
      screen.replaceChildren(
        header,
        ...(notice ? [notice] : []),
        statusBar,
        turnStatus,
        newsSlot,
        canvasWrap,
        layout,
      );
    }
    if (active?.isConnected && document.activeElement !== active) active.focus({ preventScroll: true });
  };
  arrange();
  phoneQuery?.addEventListener('change', arrange);
  root.replaceChildren(screen);
  heading.focus();
  /** The last control focused on this screen: where focus returns after a move re-renders the panels. */
  let lastFocus = '';
  screen.addEventListener('focusin', (event) => {
    const node = event.target as HTMLElement | null;
    if (node?.id) lastFocus = node.id;
  });

  function fail(message: string) {
    ui.error = message;
    errorBox.textContent = message;
  }

  async function act(move: Move, focusAfter?: string, where: 'moves' | 'signal' = 'moves'): Promise<boolean> {
    if (ui.busy || destroyed) return false;
    ui.busy = true;
    const result = await conn.send(move);
    ui.busy = false;
    if (destroyed) return result.ok;
    ui.signalError = '';
    if (result.ok) {
      ui.error = '';
      errorBox.textContent = '';
      if (move.type === 'amendment.propose' || move.type === 'text.publish') {
        for (const issue of Object.keys(move.type === 'text.publish' ? move.text : move.options))
          drafts.options.delete(issue);
      }
      if (move.type === 'package.acceptConditional') drafts.links.delete(move.package);
    } else if (where === 'signal') {
      ui.signalError = t(M.signalRefused, { message: refusalWords(result.error) });
    } else {
      fail(t(M.refused, { message: refusalWords(result.error) }));
    }
    if (move.type === 'turn.end' && result.ok) {
      // Ending the turn changes, under the hand, only the turn's controls, the status and focus: those are drawn
      // now and the other panels a task later (drawing them all on the click made a task of 70–90 ms). A move on
      // a card changes the card: the whole screen is drawn at once, so no control of the old card stays usable.
      render(conn.view(), focusAfter, true);
      queueFullDraw();
    } else render(conn.view(), focusAfter);
    return result.ok;
  }

  function statusItem(label: string, value: string, id?: string): HTMLElement {
    return el('div', { className: 'status-item' }, el('dt', {}, label), el('dd', id ? { id } : {}, value));
  }

  function renderStatus(v: SeatView) {
    const m = v.meeting;
    const speaker = v.speaker;
    const speakerText =
      speaker === null
        ? M.nobody
        : speaker === v.seat
          ? t(M.you, { party: names.party(speaker) })
          : options.isAi(speaker)
            ? t(M.ai, { party: names.party(speaker) })
            : names.party(speaker);
    const pos = meetingPosition(v);
    const items = el(
      'dl',
      { className: 'status-list' },
      statusItem(
        M.meeting,
        t(M.meetingValue, {
          number: pos.number,
          total: pos.total,
          venue: m.venue,
          date: date(m.date, true),
        }),
        'status-meeting',
      ),
      statusItem(M.round, t(M.roundValue, { round: v.round + 1, turns: m.turns }), 'status-round'),
      statusItem(M.speaking, speakerText, 'status-speaker'),
      statusItem(M.textLabel, `v${v.textVersion}`, 'status-version'),
      statusItem(
        M.toCome,
        pos.last ? M.lastMeeting : t(M.moreMeetings, { n: pos.after }),
        'status-meetings-left',
      ),
    );
    if (v.score) {
      items.append(
        statusItem(
          M.timeCost,
          pos.last
            ? M.timeCostLast
            : t(M.timeCostNext, {
                n: v.score.nextMeetingLoss,
                rate: v.scenario.discountPerMeeting,
                loss: formatPoints(v.score.nextMeetingLoss),
              }),
          'status-time-cost',
        ),
        statusItem(
          M.score,
          t(M.scoreValue, {
            discounted: formatPoints(v.score.discounted),
            utility: formatPoints(v.score.utility),
            reservation: formatPoints(v.me?.reservation ?? 0),
          }),
          'status-score',
        ),
      );
    }
    const present = el(
      'p',
      { className: 'participants' },
      t(M.present, {
        parties: m.participants.map(names.party).join(', '),
        agenda: m.agenda.map(names.packageName).join(', '),
      }),
    );
    replaceKeepingOpen(statusBar, el('div', {}, items, present, attendanceBlock(v, 'table')));

    let turn: string;
    if (v.status === 'ended') turn = M.over;
    else if (v.myTurn) turn = M.yourTurn;
    else if (!m.participants.includes(v.seat))
      turn = t(M.notHere, { speaking: speaker ? t(M.isSpeaking, { party: names.party(speaker) }) : '' });
    else if (v.me?.consulting.length)
      turn = t(PW.consulting, { packages: v.me.consulting.map(names.packageName).join(', ') });
    else if (speaker && options.isAi(speaker)) turn = t(M.thinking, { party: names.party(speaker) });
    else if (speaker) turn = t(M.waiting, { party: names.party(speaker) });
    else turn = '';
    // Only a real change is announced: rewriting the same words would repeat them to screen readers.
    if (turnStatus.textContent !== turn) turnStatus.textContent = turn;
    turnStatus.classList.toggle('my-turn', v.myTurn);
  }

  /** A question with a confirm and a cancel button (ids `<name>-confirm`, `<name>-cancel`). */
  function confirmBox(
    name: 'walk' | 'sign' | 'consult',
    question: string,
    yes: string,
    onYes: () => void,
    backTo: string,
    enabled: boolean,
    className = 'primary',
  ): HTMLElement {
    return el(
      'div',
      { className: 'confirm-box', attrs: { role: 'group', 'aria-labelledby': `${name}-question` } },
      el('p', { id: `${name}-question` }, question),
      el(
        'div',
        { className: 'button-row' },
        el(
          'button',
          {
            id: `${name}-confirm`,
            className,
            attrs: { type: 'button', disabled: !enabled },
            on: {
              click: () => {
                ui.confirm = null;
                onYes();
              },
            },
          },
          yes,
        ),
        el(
          'button',
          {
            id: `${name}-cancel`,
            attrs: { type: 'button' },
            on: {
              click: () => {
                ui.confirm = null;
                render(conn.view(), backTo);
              },
            },
          },
          M.cancel,
        ),
      ),
    );
  }

  function renderTurnActions(v: SeatView, canAct: boolean) {
    const out: HTMLElement[] = [];
    const signedBy = Object.entries(v.signatures)
      .filter(([, ver]) => ver === v.textVersion)
      .map(([p]) => names.party(p));
    out.push(
      el(
        'p',
        { className: 'signatures' },
        signedBy.length
          ? t(M.signedBy, { version: v.textVersion, parties: signedBy.join(', ') })
          : t(M.nobodySigned, { version: v.textVersion }),
      ),
    );

    // The author publishes what it drafted in several packages as one new version, not one version each.
    if (v.canPublish) {
      const all: Text = {};
      const touched: string[] = [];
      for (const p of v.packages) {
        if (!p.onAgenda) continue;
        const changes = changesIn(v, drafts, p.id);
        if (Object.keys(changes).length === 0) continue;
        Object.assign(all, changes);
        touched.push(names.packageName(p.id));
      }
      const count = Object.keys(all).length;
      out.push(
        el(
          'div',
          { className: 'publish-all' },
          el(
            'button',
            {
              id: 'publish-all',
              className: 'primary',
              attrs: { type: 'button', disabled: !canAct || count === 0 },
              on: { click: () => void act({ type: 'text.publish', text: all }, 'publish-all') },
            },
            touched.length > 1
              ? t(M.publishAll, { version: v.textVersion + 1, n: touched.length })
              : t(M.publishOne, { version: v.textVersion + 1 }),
          ),
          el(
            'p',
            { className: 'hint' },
            count === 0 ? M.publishNone : t(M.publishDrafted, { packages: touched.join(', ') }),
          ),
        ),
      );
    }

    // Sign, with a confirm step: signing binds the delegation to the whole text.
    const iSigned = v.signatures[v.seat] === v.textVersion;
    const blockers = (v.score?.signBlockers ?? []).map((b) => {
      const [kind, id = ''] = b.split(': ');
      if (kind === 'red line')
        return t(M.blockRedLine, {
          line: (v.me?.redLines.find((r) => r.id === id)?.description ?? M.seeBrief).replace(/\.$/, ''),
        });
      if (kind === 'mandate') return t(M.blockMandate, { package: names.packageName(id) });
      return M.blockOther;
    });
    const canSign = canAct && !!v.score?.canSign && !iSigned;
    const signReasonId = 'sign-reason';
    const signButton = el(
      'button',
      {
        id: 'sign-text',
        className: 'primary',
        attrs: {
          type: 'button',
          disabled: !canSign || ui.confirm === 'sign',
          'aria-describedby': signReasonId,
        },
        on: {
          click: () => {
            ui.confirm = 'sign';
            render(conn.view(), 'sign-confirm');
          },
        },
      },
      t(M.sign, { version: v.textVersion }),
    );
    let signReason = '';
    const fails = v.me ? ratificationFailures(v.me, v.text) : [];
    if (iSigned) signReason = t(M.youSigned, { version: v.textVersion });
    else if (v.score && !v.score.canSign) signReason = t(M.cannotSign, { reasons: blockers.join('; ') });
    else if (v.me) {
      signReason = fails.length ? t(M.ratWarning, { checks: fails.join(', ') }) : M.signingEnds;
    }
    const endTurn = el(
      'button',
      {
        id: 'end-turn',
        attrs: { type: 'button', disabled: !canAct },
        on: { click: () => void act({ type: 'turn.end' }, 'end-turn') },
      },
      M.endTurn,
    );
    out.push(
      el('div', { className: 'button-row' }, signButton, endTurn),
      el('p', { id: signReasonId, className: 'hint' }, signReason),
    );
    if (ui.confirm === 'sign' && canSign) {
      const worth = v.score?.discounted ?? 0;
      const reservation = v.me?.reservation ?? 0;
      out.push(
        confirmBox(
          'sign',
          t(M.signQuestion, {
            version: v.textVersion,
            worth: formatPoints(worth),
            reservation: formatPoints(reservation),
          }) +
            (worth <= reservation ? M.noBetter : '') +
            (fails.length ? t(M.wouldFailRat, { checks: fails.join(', ') }) : '') +
            M.signLapses,
          t(M.signYes, { version: v.textVersion }),
          () => void act({ type: 'text.sign', version: v.textVersion }, 'sign-text'),
          'sign-text',
          canAct,
        ),
      );
    }

    // Consult capital: at the last meeting the capital cannot answer in time, so it is not offered.
    const last = meetingPosition(v).last;
    const consultSelect = el('select', {
      id: 'consult-package',
      attrs: { disabled: !canAct || last },
      on: {
        change: (event) => {
          ui.consultPackage = (event.target as HTMLSelectElement).value;
        },
      },
    });
    for (const p of v.scenario.packages) {
      const m = v.me?.mandate.find((x) => x.package === p.id);
      consultSelect.append(
        el(
          'option',
          { attrs: { value: p.id, selected: ui.consultPackage === p.id } },
          m ? t(M.consultOption, { package: p.name, minimum: m.minimum, share: m.shareNow }) : p.name,
        ),
      );
    }
    if (!ui.consultPackage) ui.consultPackage = consultSelect.value;
    const consultName = names.packageName(ui.consult || ui.consultPackage);
    out.push(
      el(
        'div',
        { className: 'consult' },
        el('label', { attrs: { for: 'consult-package' } }, PW.consultOn),
        consultSelect,
        el(
          'button',
          {
            id: 'consult-capital',
            attrs: { type: 'button', disabled: !canAct || last || ui.confirm === 'consult' },
            on: {
              click: () => {
                ui.consult = consultSelect.value;
                ui.confirm = 'consult';
                render(conn.view(), 'consult-confirm');
              },
            },
          },
          PW.consult,
        ),
        el('p', { className: 'hint', attrs: { id: 'consult-note' } }, last ? PW.consultLast : PW.consultNote),
        termHelp('mandate', undefined, PW.mandateMeaning),
      ),
    );
    if (ui.confirm === 'consult' && canAct && !last) {
      out.push(
        confirmBox(
          'consult',
          t(PW.consultQuestion, { package: consultName }),
          PW.consultYes,
          () => void act({ type: 'capital.consult', package: ui.consult }, 'moves-heading'),
          'consult-capital',
          canAct,
        ),
      );
    }

    // Walk away, with a confirm step.
    out.push(
      el(
        'div',
        { className: 'button-row' },
        el(
          'button',
          {
            id: 'walk-away',
            className: 'danger-quiet',
            attrs: { type: 'button', disabled: !canAct || ui.confirm === 'walk' },
            on: {
              click: () => {
                ui.confirm = 'walk';
                render(conn.view(), 'walk-cancel');
              },
            },
          },
          M.walk,
        ),
      ),
    );
    if (ui.confirm === 'walk' && canAct) {
      out.push(
        confirmBox(
          'walk',
          t(M.walkQuestion, {
            reservation: formatPoints(v.me?.reservation ?? 0),
            scale: formatPoints(10_000),
          }),
          M.walkYes,
          () => void act({ type: 'table.walkAway' }),
          'walk-away',
          canAct,
          'danger',
        ),
      );
    }
    turnActions.replaceChildren(...out);
  }

  /** What each slot below was last drawn from: a panel whose inputs did not change keeps its elements, so the
   * browser does not lay it out again (the brief alone is hundreds of elements). */
  const drawnFrom = new WeakMap<HTMLElement, string>();
  /** When the panels were last drawn (performance.now()). */
  let lastDraw = 0;
  /** The last draw was a light one: the panels it left are behind the view. */
  let stale = false;
  /** The panels below the text (log, live brief, others, brief, news) are behind the view: drawn a frame later. */
  let backStale = false;
  function drawIfChanged(slot: HTMLElement, inputs: unknown[], build: () => HTMLElement, keepOpen: boolean) {
    const key = JSON.stringify([language(), ...inputs]);
    if (drawnFrom.get(slot) === key) return;
    drawnFrom.set(slot, key);
    if (keepOpen) replaceKeepingOpen(slot, build());
    else slot.replaceChildren(build());
  }

  /** Where focus should be after a draw: `focusId`, else the id of what has it now in the panels. */
  function focusWanted(focusId?: string): string {
    const active = document.activeElement as HTMLElement | null;
    // The sources in the status bar and the news re-render too: focus on them comes back as well.
    const inPanels = !!active && [layout, statusBar, newsSlot].some((part) => part.contains(active));
    return focusId ?? (inPanels && active ? active.id : '');
  }

  /** `light`: only the turn's controls, the status, the signal form, the error and focus; the rest stays as it was
   * (and `stale` says so) until the next full draw. `front`: everything down to the text's cards and the signal
   * form; the panels below them are drawn by drawBack (a frame later, so that no frame styles and lays out both). */
  function render(v: SeatView, focusId?: string, light = false, front = false) {
    if (destroyed) return;
    view = v;
    stale = light;
    lastDraw = performance.now();
    const wantFocus = focusWanted(focusId);
    const canAct = v.myTurn && v.status === 'negotiating' && !ui.busy;
    if (!v.myTurn) ui.confirm = null;
    renderStatus(v);
    if (light) {
      renderTurnActions(v, canAct);
      applyTurn(packagesRegion, canAct);
      signal.update(v, canAct, ui.signalError);
      errorBox.textContent = ui.error;
      restoreFocus(wantFocus);
      return;
    }
    drawIfChanged(
      stripSlot,
      [
        v.meeting,
        v.packages,
        v.round,
        v.seat,
        v.signatures,
        v.speaker,
        v.status,
        v.textVersion,
        v.scenario.parties.map((p) => options.isAi(p.id)),
      ],
      () => renderTableStrip(v, options.isAi),
      false,
    );
    renderTurnActions(v, canAct);
    // The cards follow what they show (cardInputs); a signal or a turn passing leaves them be.
    drawIfChanged(
      packagesRegion,
      cardInputs(v, drafts),
      () =>
        renderPackageCards({
          view: v,
          canAct,
          drafts,
          act: (move, f) => void act(move, f),
          rerender: (f) => render(conn.view(), f),
          fail,
        }),
      true,
    );
    // Whether the seat may act now: the cards' controls follow it without the cards being drawn again.
    applyTurn(packagesRegion, canAct);
    signal.update(v, canAct, ui.signalError);
    errorBox.textContent = ui.error;
    if (front) {
      backStale = true;
      restoreFocus(wantFocus);
      return;
    }
    drawBack(v);
    restoreFocus(wantFocus);
  }

  /** The panels below the text: the log, the live brief, the other sides, the brief beside the table, the news. */
  function drawBack(v: SeatView) {
    backStale = false;
    log.update(v);
    drawIfChanged(liveBriefSlot, [v.score], () => renderLiveBrief(v), false);
    // The other sides: their public profiles and what each has said (the log only grows).
    drawIfChanged(othersSlot, [v.seat, v.log.length, v.log.at(-1)?.seq], () => renderOthers(v), true);
    drawIfChanged(briefSlot, [v.me, v.text], () => briefContent(v, 3, 'table-brief'), true);
    const banner = renderNewsBanner(
      v,
      () => {
        for (const n of v.news) dismissedNews.add(n.seq);
        render(conn.view(), 'moves-heading');
      },
      dismissedNews,
    );
    if (banner) replaceKeepingOpen(newsSlot, banner);
    else newsSlot.replaceChildren();
  }

  function restoreFocus(wantFocus: string) {
    // Focus never drops to the page: a control the move disabled or removed (Accept once accepted, End turn once
    // the turn is over, Send signal while the table answers) hands it to the nearest sensible place.
    const lost = () => {
      const now = document.activeElement as HTMLElement | null;
      return (
        !now || now === document.body || !now.isConnected || (now as HTMLButtonElement).disabled === true
      );
    };
    const target = wantFocus || (lost() && lastFocus ? lastFocus : '');
    if (target) {
      const node = document.getElementById(target) as HTMLElement | null;
      // Focus already there (the panel around it was kept): nothing to move, and nothing to check. Checking whether
      // it is shown would style the page in the middle of the task, after a redraw of every panel.
      if (node && node === document.activeElement && !(node as HTMLButtonElement).disabled) return;
      if (node && usable(node)) {
        if (document.activeElement !== node) node.focus();
      } else if (lost()) fallbackFor(target)?.focus();
    }
  }

  /** Whether focus can go to an element: on the page, shown, not disabled. */
  function usable(node: HTMLElement): boolean {
    if (!node.isConnected || (node as HTMLButtonElement).disabled) return false;
    // Shown: checkVisibility needs the styles only, where getClientRects laid the whole page out in the middle of
    // the task (the longest part of a panel's redraw during an AI round).
    return typeof node.checkVisibility === 'function'
      ? node.checkVisibility()
      : node.getClientRects().length > 0;
  }

  /** Where focus goes when its control is gone: the package card it acted on, the signal form, or "Your moves". */
  function fallbackFor(id: string): HTMLElement | null {
    const card = id.match(
      /^(?:accept|reject|propose|publish|conditional|load-amendment|link|amend)-(.+)$/,
    )?.[1];
    const byId = (x: string) => document.getElementById(x) as HTMLElement | null;
    if (card) {
      // The longest package id the control's id starts with (ids may share a prefix).
      const heading = [...document.querySelectorAll<HTMLElement>('.package-card h3[id]')]
        .sort((a, b) => b.id.length - a.id.length)
        .find((h) => card.startsWith(h.id.replace(/^pkg-|-heading$/g, '')));
      if (heading) return heading;
    }
    if (id.startsWith('signal-')) {
      const send = byId('signal-send');
      if (send && usable(send)) return send;
      return byId('signal-heading');
    }
    return byId('moves-heading');
  }

  render(view);

  // The panels follow the table once per burst of moves: the AI's moves can come several at once, and a move of our
  // own is drawn by `act` at once (with its focus), so the draw queued after it has nothing left to do. A rebuild of every
  // panel costs a full style and layout pass; two in one task (the view's and the act's) made End turn's task the
  // longest of an AI round. The picture animates each move as it comes.
  // While the others speak, the panels are drawn at most every OTHERS_DRAW_MS (the picture shows every move as it
  // comes); the move that gives this seat the floor, or ends the game, is drawn at once.
  let drawQueued: ReturnType<typeof setTimeout> | null = null;
  const drawLatest = () => {
    drawQueued = null;
    if (destroyed) return;
    const latest = conn.view();
    if (latest !== view || stale) {
      // Every panel drawn in one go made one frame of over 60 ms of style and layout on a 2-core machine: the
      // panels below the text follow after the next frame, in a task of their own.
      render(latest, undefined, false, true);
      queueBack();
    }
  };
  let backQueued = false;
  const queueBack = () => {
    if (backQueued) return;
    backQueued = true;
    const drawBackNow = () => {
      if (!backQueued) return;
      backQueued = false;
      if (destroyed || !backStale) return;
      const wantFocus = focusWanted();
      drawBack(view);
      restoreFocus(wantFocus);
    };
    // After the frame that shows the front (a hidden page has no frames: the timer draws it then).
    requestAnimationFrame(() => setTimeout(drawBackNow, 0));
    setTimeout(drawBackNow, 250);
  };
  /** The whole screen, a task after a light draw. */
  const queueFullDraw = () => {
    if (drawQueued !== null) clearTimeout(drawQueued);
    drawQueued = setTimeout(drawLatest, 0);
  };
  const queueDraw = (next: SeatView) => {
    const urgent = next.myTurn || next.status !== 'negotiating';
    if (drawQueued !== null) {
      if (!urgent) return;
      clearTimeout(drawQueued);
    }
    const wait = urgent ? 0 : Math.max(0, lastDraw + OTHERS_DRAW_MS - performance.now());
    // A task of its own, after the messages already queued (the AI's next moves): not an animation frame, where it
    // would add its cost to the picture's frame in one long task.
    drawQueued = setTimeout(drawLatest, wait);
  };
  const unsubscribe = conn.subscribe((next: SeatView, events: GameEvent[]) => {
    if (destroyed) return;
    handle?.update(next, events);
    if (ui.busy) return; // `act` draws it when the move is answered
    queueDraw(next);
  });

  // The Phaser table: decorative, lazily loaded; the panels above work without it.
  canvasNote.textContent = M.loadingPicture;
  void options
    .loadTable()
    .then((mount) => mount(canvas, conn.view(), { lowFrameRate: options.lowFrameRate }))
    .then((h) => {
      if (destroyed) {
        h.destroy();
        return;
      }
      handle = h;
      canvasNote.textContent = '';
      canvasNote.hidden = true;
    })
    .catch((error: unknown) => {
      if (destroyed) return;
      canvas.hidden = true;
      canvasNote.hidden = false;
      canvasNote.textContent = t(M.pictureFailed, {
        error: error instanceof Error ? error.message : String(error),
      });
    });

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      phoneQuery?.removeEventListener('change', arrange);
      unsubscribe();
      handle?.destroy();
      handle = null;
      root.replaceChildren();
    },
  };
}
