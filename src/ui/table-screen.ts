// The table screen: status bar, the Phaser table (lazy, decorative), the text and builder per package, the seat's
// moves, signals and the move log. The DOM panels carry every fact and every control on their own.
import type { Move } from '../engine/intents';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import type { SeatConnection } from '../net/transport';
import { briefContent } from './brief-view';
import { el, formatPoints, screenHeading } from './dom';
import { createMoveLog } from './move-log';
import { namesFor } from './names';
import { newDrafts, renderPackageCards } from './package-cards';
import { ratificationFailures } from './scoring';
import { createSignalForm } from './signal-form';
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
  const ui = { error: '', busy: false, confirmWalk: false, consultPackage: '' };
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
  const signal = createSignalForm(
    view,
    (move) => act(move),
    (m) => fail(m),
  );

  const layout = el(
    'div',
    { className: 'table-layout' },
    el(
      'div',
      { className: 'main-col' },
      canvasWrap,
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
        { className: 'panel log-panel', attrs: { 'aria-labelledby': 'log-heading' } },
        el('h2', { id: 'log-heading' }, 'Move log'),
        log.element,
      ),
      el(
        'details',
        { className: 'panel brief-details' },
        el('summary', {}, 'Your confidential brief'),
        briefContent(view, 3),
      ),
    ),
  );
  const screen = el('div', { className: 'screen table-screen' }, header);
  if (options.notice)
    screen.append(el('p', { className: 'notice', attrs: { role: 'status' } }, options.notice));
  screen.append(statusBar, turnStatus, layout);
  root.replaceChildren(screen);
  heading.focus();

  function fail(message: string) {
    ui.error = message;
    errorBox.textContent = message;
  }

  async function act(move: Move, focusAfter?: string): Promise<boolean> {
    if (ui.busy || destroyed) return false;
    ui.busy = true;
    const result = await conn.send(move);
    ui.busy = false;
    if (destroyed) return result.ok;
    if (result.ok) {
      ui.error = '';
      errorBox.textContent = '';
      if (move.type === 'amendment.propose' || move.type === 'text.publish') {
        for (const issue of Object.keys(move.type === 'text.publish' ? move.text : move.options))
          drafts.options.delete(issue);
      }
      if (move.type === 'package.acceptConditional') drafts.links.delete(move.package);
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
    const items = el(
      'dl',
      { className: 'status-list' },
      statusItem('Meeting', `${m.venue}, ${m.date}`, 'status-meeting'),
      statusItem('Round', `${v.round + 1} of ${m.turns}`, 'status-round'),
      statusItem('Speaking', speakerText, 'status-speaker'),
      statusItem('Text', `v${v.textVersion}`, 'status-version'),
      statusItem('Meetings left', String(v.meetingsLeft), 'status-meetings-left'),
    );
    if (v.score) {
      items.append(
        statusItem(
          'Time cost',
          `Each meeting without a deal costs ${v.scenario.discountPerMeeting}%; the next costs you ${formatPoints(v.score.nextMeetingLoss)} points.`,
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
    statusBar.replaceChildren(items, present);

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

    // Sign
    const iSigned = v.signatures[v.seat] === v.textVersion;
    const blockers = (v.score?.signBlockers ?? []).map((b) => {
      const [kind, id = ''] = b.split(': ');
      if (kind === 'red line')
        return `it crosses your red line (${(v.me?.redLines.find((r) => r.id === id)?.description ?? id).replace(/\.$/, '')})`;
      if (kind === 'mandate') return `${names.packageName(id)} is below your mandate`;
      return b;
    });
    const canSign = canAct && !!v.score?.canSign && !iSigned;
    const signReasonId = 'sign-reason';
    const signButton = el(
      'button',
      {
        id: 'sign-text',
        className: 'primary',
        attrs: { type: 'button', disabled: !canSign, 'aria-describedby': signReasonId },
        on: { click: () => void act({ type: 'text.sign', version: v.textVersion }, 'sign-text') },
      },
      `Sign the whole text (v${v.textVersion})`,
    );
    let signReason = '';
    if (iSigned) signReason = `You have signed v${v.textVersion}.`;
    else if (v.score && !v.score.canSign) signReason = `You cannot sign: ${blockers.join('; ')}.`;
    else if (v.me) {
      const fails = ratificationFailures(v.me, v.text);
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

    // Consult capital
    const consultSelect = el('select', {
      id: 'consult-package',
      attrs: { disabled: !canAct },
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
          `${p.name}${m ? ` (mandate ${m.minimum}%, text gives ${m.shareNow}%)` : ''}`,
        ),
      );
    }
    if (!ui.consultPackage) ui.consultPackage = consultSelect.value;
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
            attrs: { type: 'button', disabled: !canAct },
            on: {
              click: () =>
                void act({ type: 'capital.consult', package: consultSelect.value }, 'consult-capital'),
            },
          },
          'Consult capital',
        ),
        el(
          'p',
          { className: 'hint' },
          'Consulting costs you the rest of this meeting; your capital may widen your mandate.',
        ),
      ),
    );

    // Walk away, with a confirm step.
    if (!ui.confirmWalk) {
      out.push(
        el(
          'div',
          { className: 'button-row' },
          el(
            'button',
            {
              id: 'walk-away',
              className: 'danger-quiet',
              attrs: { type: 'button', disabled: !canAct },
              on: {
                click: () => {
                  ui.confirmWalk = true;
                  render(conn.view(), 'walk-cancel');
                },
              },
            },
            'Walk away…',
          ),
        ),
      );
    } else {
      out.push(
        el(
          'div',
          { className: 'confirm-box', attrs: { role: 'group', 'aria-labelledby': 'walk-question' } },
          el(
            'p',
            { id: 'walk-question' },
            `Walk away from the table? The game ends for everyone and every side takes its reservation value (yours: ${formatPoints(v.me?.reservation ?? 0)} of 10,000).`,
          ),
          el(
            'div',
            { className: 'button-row' },
            el(
              'button',
              {
                id: 'walk-confirm',
                className: 'danger',
                attrs: { type: 'button', disabled: !canAct },
                on: {
                  click: () => {
                    ui.confirmWalk = false;
                    void act({ type: 'table.walkAway' });
                  },
                },
              },
              'Yes, walk away',
            ),
            el(
              'button',
              {
                id: 'walk-cancel',
                attrs: { type: 'button' },
                on: {
                  click: () => {
                    ui.confirmWalk = false;
                    render(conn.view(), 'walk-away');
                  },
                },
              },
              'Cancel',
            ),
          ),
        ),
      );
    }
    turnActions.replaceChildren(...out);
  }

  function render(v: SeatView, focusId?: string) {
    if (destroyed) return;
    view = v;
    const active = document.activeElement as HTMLElement | null;
    const wantFocus = focusId ?? (active && layout.contains(active) ? active.id : '');
    const canAct = v.myTurn && v.status === 'negotiating' && !ui.busy;
    if (!v.myTurn) ui.confirmWalk = false;
    renderStatus(v);
    renderTurnActions(v, canAct);
    packagesRegion.replaceChildren(
      renderPackageCards({
        view: v,
        canAct,
        drafts,
        act: (move, f) => void act(move, f),
        rerender: (f) => render(conn.view(), f),
        fail,
      }),
    );
    signal.update(v, canAct);
    log.update(v);
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
