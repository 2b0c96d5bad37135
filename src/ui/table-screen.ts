// The table screen: status bar, the Phaser table (lazy, decorative), the text and builder per package, the seat's
// moves, signals and the move log. The DOM panels carry every fact and every control on their own.
import type { Move } from '../engine/intents';
import { meetingPosition } from '../engine/seat-figures';
import type { GameEvent } from '../engine/state';
import { formatDate } from '../engine/transcript';
import type { SeatView } from '../engine/view';
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
import { changesIn, newDrafts, renderPackageCards } from './package-cards';
import { ratificationFailures } from './scoring';
import { createSignalForm } from './signal-form';
import { attendanceBlock } from './sources-panel';
import type { TableHandle, TableLoader } from './table-mount';

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
  const heading = screenHeading(`${party?.name ?? view.seat} at the table`);
  const newGame = el(
    'button',
    {
      id: 'new-game',
      className: 'quiet',
      attrs: { type: 'button' },
      on: { click: () => options.onNewGame() },
    },
    'New game',
  );
  const header = el(
    'header',
    { className: 'table-header' },
    el('div', { className: 'title-block' }, el('p', { className: 'eyebrow' }, view.scenario.title), heading),
    newGame,
  );
  const statusBar = el('section', { className: 'status-bar', attrs: { 'aria-label': 'Meeting status' } });
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

  const movesHeading = el('h2', { id: 'moves-heading', attrs: { tabindex: -1 } }, 'Your moves');
  const turnActions = el('div', { className: 'turn-actions' });
  const packagesRegion = el('div', { className: 'packages-region' });
  const log = createMoveLog('log-heading', view);
  // The signal form shows its own errors beside its button: the player is looking there, not at the top.
  const signal = createSignalForm(view, (move) => act(move, undefined, 'signal'));
  const liveBriefSlot = el('div', { className: 'live-brief-slot' });
  const othersSlot = el('div', { className: 'others-slot' });
  const briefSlot = el('div', { className: 'brief-slot' });

  const layout = el(
    'div',
    { className: 'table-layout' },
    el(
      'div',
      { className: 'main-col' },
      el(
        'section',
        { className: 'panel moves-panel', attrs: { 'aria-labelledby': 'moves-heading' } },
        movesHeading,
        errorBox,
        turnActions,
      ),
      el(
        'section',
        { className: 'panel', attrs: { 'aria-labelledby': 'text-heading' } },
        el('h2', { id: 'text-heading' }, 'The text, package by package'),
        el(
          'p',
          { className: 'hint' },
          'Each package shows the option the current text holds on every issue and what it is worth to you (0–100). Change the selects to build an amendment; your score updates as you go.',
        ),
        packagesRegion,
      ),
      el('section', { className: 'panel' }, signal.element),
    ),
    el(
      'aside',
      { className: 'side-col', attrs: { 'aria-label': 'Log and brief' } },
      el(
        'section',
        { className: 'panel live-brief-panel', attrs: { 'aria-labelledby': 'live-brief-heading' } },
        el('h2', { id: 'live-brief-heading' }, 'Where you stand now'),
        liveBriefSlot,
      ),
      el(
        'section',
        { className: 'panel log-panel', attrs: { 'aria-labelledby': 'log-heading' } },
        el('h2', { id: 'log-heading' }, 'Move log'),
        log.element,
      ),
      el(
        'section',
        { className: 'panel others-panel', attrs: { 'aria-labelledby': 'others-heading' } },
        el('h2', { id: 'others-heading' }, 'The other sides'),
        othersSlot,
      ),
      el(
        'details',
        { className: 'panel brief-details', attrs: { id: 'brief-details' } },
        el('summary', {}, 'Your confidential brief'),
        briefSlot,
      ),
      el(
        'details',
        { className: 'panel glossary-details' },
        el('summary', {}, 'Words of the game'),
        glossaryList(view.scenario.glossary),
      ),
    ),
  );
  const screen = el('div', { className: 'screen table-screen' }, header);
  if (options.notice)
    screen.append(el('p', { className: 'notice', attrs: { role: 'status' } }, options.notice));
  // The table picture spans the screen's width (up to a projector's), above the two columns of panels.
  screen.append(statusBar, turnStatus, newsSlot, canvasWrap, layout);
  root.replaceChildren(screen);
  heading.focus();

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
      ui.signalError = `That signal was refused: ${result.error.message}`;
    } else {
      fail(`That move was refused: ${result.error.message}`);
    }
    render(conn.view(), focusAfter);
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
        ? 'Nobody'
        : speaker === v.seat
          ? `You (${names.party(speaker)})`
          : `${names.party(speaker)}${options.isAi(speaker) ? ' (AI)' : ''}`;
    const pos = meetingPosition(v);
    const items = el(
      'dl',
      { className: 'status-list' },
      statusItem(
        'Meeting',
        `${pos.number} of ${pos.total}: ${m.venue}, ${formatDate(m.date, true)}`,
        'status-meeting',
      ),
      statusItem('Round', `${v.round + 1} of ${m.turns}`, 'status-round'),
      statusItem('Speaking', speakerText, 'status-speaker'),
      statusItem('Text', `v${v.textVersion}`, 'status-version'),
      statusItem(
        'Still to come',
        pos.last
          ? 'This is the last meeting'
          : `${pos.after} more meeting${pos.after === 1 ? '' : 's'} after this one`,
        'status-meetings-left',
      ),
    );
    if (v.score) {
      items.append(
        statusItem(
          'Time cost',
          pos.last
            ? 'This is the last meeting: if it ends without every side signing, there is no deal and each side gets its reservation value.'
            : `Each meeting without a deal costs ${v.scenario.discountPerMeeting}%; the next costs you ${formatPoints(v.score.nextMeetingLoss)} points.`,
          'status-time-cost',
        ),
        statusItem(
          'Your score of the text',
          `${formatPoints(v.score.discounted)} after time costs (${formatPoints(v.score.utility)} before); no deal is worth ${formatPoints(v.me?.reservation ?? 0)}.`,
          'status-score',
        ),
      );
    }
    const present = el(
      'p',
      { className: 'participants' },
      `At this meeting: ${m.participants.map(names.party).join(', ')}. Agenda: ${m.agenda.map(names.packageName).join(', ')}.`,
    );
    replaceKeepingOpen(statusBar, el('div', {}, items, present, attendanceBlock(v, 'table')));

    let turn: string;
    if (v.status === 'ended') turn = 'The game is over.';
    else if (v.myTurn) turn = 'Your turn: make your moves, then end your turn or sign.';
    else if (!m.participants.includes(v.seat))
      turn = `You are not at this meeting. ${speaker ? `${names.party(speaker)} is speaking.` : ''} The mediator will tell you what was agreed.`;
    else if (v.me?.consulting.length)
      turn = `Your delegation is consulting its capital on ${v.me.consulting.map(names.packageName).join(', ')}.`;
    else if (speaker && options.isAi(speaker))
      turn = `${names.party(speaker)}'s delegation (AI) is thinking…`;
    else if (speaker) turn = `Waiting for ${names.party(speaker)}.`;
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
          'Cancel',
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
          ? `Signed v${v.textVersion}: ${signedBy.join(', ')}.`
          : `Nobody has signed v${v.textVersion} yet.`,
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
              ? `Publish all your changes as text v${v.textVersion + 1} (${touched.length} packages)`
              : `Publish your changes as text v${v.textVersion + 1}`,
          ),
          el(
            'p',
            { className: 'hint' },
            count === 0
              ? 'Change options in the package cards below; every change you draft goes into one new version.'
              : `Changes drafted in ${touched.join(', ')}: they become one new version.`,
          ),
        ),
      );
    }

    // Sign, with a confirm step: signing binds the delegation to the whole text.
    const iSigned = v.signatures[v.seat] === v.textVersion;
    const blockers = (v.score?.signBlockers ?? []).map((b) => {
      const [kind, id = ''] = b.split(': ');
      if (kind === 'red line')
        return `it crosses your red line (${(v.me?.redLines.find((r) => r.id === id)?.description ?? 'see your brief').replace(/\.$/, '')})`;
      if (kind === 'mandate') return `${names.packageName(id)} is below your mandate`;
      return 'your brief forbids it';
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
      `Sign the whole text (v${v.textVersion})…`,
    );
    let signReason = '';
    const fails = v.me ? ratificationFailures(v.me, v.text) : [];
    if (iSigned) signReason = `You have signed v${v.textVersion}.`;
    else if (v.score && !v.score.canSign) signReason = `You cannot sign: ${blockers.join('; ')}.`;
    else if (v.me) {
      signReason = fails.length
        ? `Warning: this text would fail ratification at home (${fails.join(', ')}).`
        : 'Signing ends your turn. Nothing is agreed until every side signs the same text.';
    }
    const endTurn = el(
      'button',
      {
        id: 'end-turn',
        attrs: { type: 'button', disabled: !canAct },
        on: { click: () => void act({ type: 'turn.end' }, 'end-turn') },
      },
      'End turn',
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
          `Sign the whole text as it stands in v${v.textVersion}? It is worth ${formatPoints(worth)} to you after time costs; no deal is worth ${formatPoints(reservation)}.${worth <= reservation ? ' That is no better than no deal.' : ''}${fails.length ? ` It would fail ratification at home (${fails.join(', ')}).` : ''} Your signature lapses if the text changes; it ends your turn.`,
          `Yes, sign v${v.textVersion}`,
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
          `${p.name}${m ? ` (you need ${m.minimum}%, the text gives ${m.shareNow}%)` : ''}`,
        ),
      );
    }
    if (!ui.consultPackage) ui.consultPackage = consultSelect.value;
    const consultName = names.packageName(ui.consult || ui.consultPackage);
    out.push(
      el(
        'div',
        { className: 'consult' },
        el('label', { attrs: { for: 'consult-package' } }, 'Consult your capital on'),
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
          'Consult capital…',
        ),
        el(
          'p',
          { className: 'hint', attrs: { id: 'consult-note' } },
          last
            ? 'This is the last meeting: your capital would answer only at the next meeting, and there is none, so consulting now would only cost you your remaining turns.'
            : 'Consulting costs you the rest of this meeting; your capital answers when the next meeting opens and may widen your mandate (or not).',
        ),
        termHelp('mandate'),
      ),
    );
    if (ui.confirm === 'consult' && canAct && !last) {
      out.push(
        confirmBox(
          'consult',
          `Consult your capital on ${consultName}? You sit out the rest of this meeting; the answer comes when the next meeting opens, and your capital may refuse to widen your mandate.`,
          'Yes, consult my capital',
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
          'Walk away…',
        ),
      ),
    );
    if (ui.confirm === 'walk' && canAct) {
      out.push(
        confirmBox(
          'walk',
          `Walk away from the table? The game ends for everyone and every side takes its reservation value (yours: ${formatPoints(v.me?.reservation ?? 0)} of 10,000).`,
          'Yes, walk away',
          () => void act({ type: 'table.walkAway' }),
          'walk-away',
          canAct,
          'danger',
        ),
      );
    }
    turnActions.replaceChildren(...out);
  }

  function render(v: SeatView, focusId?: string) {
    if (destroyed) return;
    view = v;
    const active = document.activeElement as HTMLElement | null;
    // The sources in the status bar and the news re-render too: focus on them comes back as well.
    const inPanels = !!active && [layout, statusBar, newsSlot].some((part) => part.contains(active));
    const wantFocus = focusId ?? (inPanels && active ? active.id : '');
    const canAct = v.myTurn && v.status === 'negotiating' && !ui.busy;
    if (!v.myTurn) ui.confirm = null;
    renderStatus(v);
    renderTurnActions(v, canAct);
    replaceKeepingOpen(
      packagesRegion,
      renderPackageCards({
        view: v,
        canAct,
        drafts,
        act: (move, f) => void act(move, f),
        rerender: (f) => render(conn.view(), f),
        fail,
      }),
    );
    signal.update(v, canAct, ui.signalError);
    log.update(v);
    liveBriefSlot.replaceChildren(renderLiveBrief(v));
    replaceKeepingOpen(othersSlot, renderOthers(v));
    replaceKeepingOpen(briefSlot, briefContent(v, 3, 'table-brief'));
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
    errorBox.textContent = ui.error;
    if (wantFocus) {
      const target = document.getElementById(wantFocus) as HTMLElement | null;
      if (target && !(target as HTMLButtonElement).disabled) target.focus();
      else if (active && !document.contains(active)) {
        // The control went away or is disabled now (e.g. the turn ended): keep focus near the player's moves.
        const card = wantFocus.match(/^(?:accept|reject|propose|publish|conditional)-(.+)$/)?.[1];
        (
          document.getElementById(card ? `pkg-${card}-heading` : 'moves-heading') as HTMLElement | null
        )?.focus();
      }
    }
  }

  render(view);

  const unsubscribe = conn.subscribe((next: SeatView, events: GameEvent[]) => {
    if (destroyed) return;
    render(next);
    handle?.update(next, events);
  });

  // The Phaser table: decorative, lazily loaded; the panels above work without it.
  canvasNote.textContent = 'Loading the table picture…';
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
      canvasNote.textContent = `The animated table could not be shown (${error instanceof Error ? error.message : String(error)}). Everything you need is in the panels on this page.`;
    });

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      handle?.destroy();
      handle = null;
      root.replaceChildren();
    },
  };
}
