// A student in a class session: join by code and nickname, wait in the lobby, read the brief of the seat the teacher
// gave, play it at the table (the server sends this seat's view only), see the outcome. The seat token stays in this
// browser's storage, so a reload or a restarted server puts the student back in the same seat.

import { language, list, msg, outcomeSummary, t } from '../i18n';
import {
  type ClassClient,
  connectClass,
  newSeatToken,
  type RemoteSeat,
  remoteSeat,
} from '../net/class-client';
import type { SeatUpdate, StudentStatus } from '../protocol';
import { renderBriefScreen } from './brief-screen';
import { studentChannels } from './class-live';
import { el, formatPoints, screenHeading } from './dom';
import { refusalWords } from './said-words';
import type { TableLoader } from './table-mount';
import { renderTableScreen } from './table-screen';

/** The screen's words in the interface's language (read when used). */
function words() {
  const m = msg().classStudent;
  return {
    ...m,
    hello: (name: string) => t(m.hello, { name }),
    seated: (seat: string, table: number) => t(m.seated, { seat, table }),
    team: (names: string[]) => t(m.team, { names: list(names) }),
    timeLeft: (s: string) => t(m.timeLeft, { time: s }),
    title: (s: string) => t(m.pageTitle, { title: s }),
  };
}
const TEXT = new Proxy({} as ReturnType<typeof words>, {
  get: (_, key) => words()[key as keyof ReturnType<typeof words>],
});

const TOKEN_KEY = 'shuttle.class.student';

export interface ClassStudentOptions {
  loadTable: TableLoader;
  lowFrameRate: boolean;
  /** A code from the address (?code=…), filled in for the student. */
  code: string | null;
}

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage off: the seat lasts as long as this page
  }
}
const briefedKey = (s: StudentStatus) => `shuttle.class.briefed.${s.session}.${s.table}.${s.seat}`;

export function startClassStudent(root: HTMLElement, options: ClassStudentOptions): void {
  let token = readToken();
  let status: StudentStatus | null = null;
  let seat: RemoteSeat | null = null;
  let screen = '';
  let dispose: (() => void) | null = null;
  let timer: number | null = null;

  const bar = el('div', { className: 'class-bar', attrs: { role: 'status', 'aria-live': 'polite' } });
  const holder = el('div', { className: 'class-holder' });
  root.replaceChildren(bar, holder);

  const client: ClassClient = connectClass(undefined, {
    hello: () => (token ? { type: 'student.resume', token, lang: language() } : null),
  });
  // The teacher's broadcasts and the delegation's channel, under every screen.
  const channels = studentChannels(client);
  root.append(channels.element);

  const show = (name: string, title: string, render: () => (() => void) | undefined) => {
    dispose?.();
    dispose = null;
    screen = name;
    root.dataset.screen = name;
    document.title = TEXT.title(title);
    dispose = render() ?? null;
  };

  const forget = () => {
    token = null;
    writeToken(null);
    status = null;
    seat?.close();
    seat = null;
    // The old session's messages and channel go with the seat.
    channels.update(null);
  };

  const renderBar = () => {
    const parts: Array<Node | string> = [];
    if (!client.connected() && screen !== 'class-join')
      parts.push(el('p', { className: 'class-offline' }, TEXT.reconnecting));
    if (status?.state === 'paused') parts.push(el('p', { className: 'class-paused' }, TEXT.paused));
    if (status?.state === 'ended') parts.push(el('p', {}, TEXT.ended));
    const deadline = seat?.update().deadline ?? null;
    if (deadline !== null && status?.state === 'running') {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      parts.push(
        el(
          'p',
          { className: 'class-timer' },
          TEXT.timeLeft(`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`),
        ),
      );
    }
    if (status) {
      parts.push(
        el(
          'button',
          {
            id: 'class-leave',
            attrs: { type: 'button' },
            on: {
              click: () => {
                if (!window.confirm(TEXT.leaveConfirm)) return;
                void client.request({ type: 'student.leave' }).then(() => {
                  forget();
                  showJoin(TEXT.removed);
                });
              },
            },
          },
          TEXT.leave,
        ),
      );
    }
    bar.replaceChildren(...parts);
  };

  const showJoin = (message?: string) => {
    show('class-join', TEXT.joinTitle, () => {
      const error = el('p', { className: 'error', attrs: { role: 'alert' } }, message ?? '');
      const code = el('input', {
        id: 'class-code',
        attrs: {
          name: 'code',
          autocomplete: 'off',
          maxlength: 8,
          required: true,
          value: options.code ?? '',
          autocapitalize: 'characters',
        },
      });
      const nick = el('input', {
        id: 'class-nickname',
        attrs: { name: 'nickname', maxlength: 24, autocomplete: 'nickname' },
      });
      const submit = el('button', { attrs: { type: 'submit' } }, TEXT.join);
      const form = el(
        'form',
        {
          className: 'class-form',
          on: {
            submit: (e) => {
              e.preventDefault();
              submit.disabled = true;
              submit.textContent = TEXT.joining;
              const nickname = nick.value.trim();
              // The seat's token is made here: a join resent after a lost answer comes back as the same student.
              void client
                .request<{ token: string; status: StudentStatus }>({
                  type: 'student.join',
                  lang: language(),
                  code: code.value,
                  token: newSeatToken(),
                  ...(nickname ? { nickname } : {}),
                })
                .then((r) => {
                  submit.disabled = false;
                  submit.textContent = TEXT.join;
                  if (!r.ok) {
                    error.textContent = refusalWords(r.error);
                    return;
                  }
                  token = r.result.token;
                  writeToken(token);
                  status = r.result.status;
                  void route();
                });
            },
          },
        },
        el('label', { attrs: { for: 'class-code' } }, TEXT.code),
        code,
        el('label', { attrs: { for: 'class-nickname' } }, TEXT.nickname),
        nick,
        submit,
      );
      const heading = screenHeading(TEXT.joinTitle);
      holder.replaceChildren(
        el('div', { className: 'screen class-screen' }, heading, el('p', {}, TEXT.joinIntro), error, form),
      );
      (options.code ? nick : code).focus();
      return undefined;
    });
    renderBar();
  };

  const showLobby = () => {
    const s = status;
    if (!s) return;
    show('class-lobby', TEXT.lobbyTitle, () => {
      const lines = [el('p', { id: 'class-hello' }, TEXT.hello(s.nickname))];
      if (s.seat && s.table !== null) {
        lines.push(el('p', { id: 'class-seat' }, TEXT.seated(s.seatName ?? s.seat, s.table + 1)));
        if (s.teammates.length > 0) lines.push(el('p', {}, TEXT.team(s.teammates)));
        lines.push(el('p', {}, s.pen ? TEXT.pen : TEXT.noPen));
        lines.push(el('p', {}, s.state === 'ended' ? TEXT.ended : TEXT.waitStart));
      } else lines.push(el('p', {}, s.state === 'ended' ? TEXT.ended : TEXT.waitSeat));
      holder.replaceChildren(
        el('div', { className: 'screen class-screen' }, screenHeading(TEXT.lobbyTitle), ...lines),
      );
      return undefined;
    });
  };

  const showOutcome = (view: ReturnType<RemoteSeat['view']>) => {
    show('outcome', TEXT.outcomeTitle, () => {
      const o = view.outcome;
      const name = (id: string) => view.scenario.parties.find((p) => p.id === id)?.name ?? id;
      const rows = (o?.results ?? []).map((r) =>
        el(
          'tr',
          {},
          el('th', { attrs: { scope: 'row' } }, name(r.party)),
          el('td', {}, formatPoints(r.utility)),
          el('td', {}, formatPoints(r.reservation)),
          el('td', {}, `${r.score}%`),
          el('td', {}, r.beatReservation ? TEXT.yes : TEXT.no),
        ),
      );
      const table = el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[TEXT.party, TEXT.utility, TEXT.reservation, TEXT.score, TEXT.beat].map((h) =>
              el('th', { attrs: { scope: 'col' } }, h),
            ),
          ),
        ),
        el('tbody', {}, ...rows),
      );
      holder.replaceChildren(
        el(
          'div',
          { className: 'screen outcome-screen class-screen' },
          screenHeading(`${TEXT.outcomeTitle}: ${view.scenario.title}`),
          el(
            'p',
            { className: 'outcome-kind', attrs: { 'data-kind': o?.kind ?? '' } },
            o ? TEXT.outcomeKind[o.kind] : '',
          ),
          el(
            'p',
            {},
            o ? outcomeSummary(o, (id) => view.scenario.parties.find((p) => p.id === id)?.name ?? id) : '',
          ),
          table,
        ),
      );
      return undefined;
    });
  };

  const showSeat = (conn: RemoteSeat) => {
    const s = status;
    if (!s) return;
    const view = conn.view();
    if (view.status === 'ended') {
      if (screen !== 'outcome') showOutcome(view);
      return;
    }
    if (screen === 'table' || screen === 'brief') return;
    let briefed = false;
    try {
      briefed = sessionStorage.getItem(briefedKey(s)) === '1';
    } catch {
      // no storage: read the brief again
    }
    const isAi = (p: string) => status?.aiSeats.includes(p) ?? false;
    if (!briefed) {
      show('brief', msg().app.titles.brief, () =>
        renderBriefScreen(holder, {
          view,
          watch: (listener) => conn.subscribe((next) => listener(next)),
          onTakeSeat: () => {
            try {
              sessionStorage.setItem(briefedKey(s), '1');
            } catch {
              // fine
            }
            screen = '';
            showSeat(conn);
          },
        }),
      );
      return;
    }
    show(
      'table',
      t(msg().app.titles.table, {
        party: view.scenario.parties.find((p) => p.id === view.seat)?.name ?? view.seat,
      }),
      () => {
        const t = renderTableScreen(holder, {
          conn,
          isAi,
          loadTable: options.loadTable,
          lowFrameRate: options.lowFrameRate,
          ...(s.aiPlaying ? { notice: msg().classLive.aiPlaying } : s.pen ? {} : { notice: TEXT.noPen }),
          onNewGame: () => document.getElementById('class-leave')?.click(),
        });
        const off = conn.subscribe((next) => {
          if (next.status === 'ended') queueMicrotask(() => showSeat(conn));
        });
        return () => {
          off();
          t.destroy();
        };
      },
    );
  };

  /** Decides the screen from the student's status: lobby, or its seat once the game runs. */
  const route = async () => {
    channels.update(status);
    renderBar();
    const s = status;
    if (!s) return showJoin();
    const playing = s.seat !== null && s.table !== null && s.state !== 'lobby';
    if (!playing) {
      seat?.close();
      seat = null;
      return showLobby();
    }
    if (seat && seat.seat !== s.seat) {
      seat.close();
      seat = null;
      screen = '';
    }
    if (!seat) {
      const r = await client.request<SeatUpdate>({ type: 'seat.view' });
      if (!r.ok) return showLobby();
      if (seat) return;
      seat = remoteSeat(client, r.result);
      seat.subscribe(() => renderBar());
    }
    showSeat(seat);
  };

  client.on((m) => {
    if (m.type === 'student.status') {
      const before = status;
      status = m.status;
      if (
        !before ||
        before.seat !== m.status.seat ||
        before.table !== m.status.table ||
        before.state !== m.status.state ||
        before.pen !== m.status.pen ||
        before.aiPlaying !== m.status.aiPlaying
      ) {
        // The table screen shows who moves for the delegation: drawn again when that changes.
        if (
          before &&
          (before.pen !== m.status.pen || before.aiPlaying !== m.status.aiPlaying) &&
          screen === 'table'
        )
          screen = '';
        void route();
      } else {
        channels.update(status);
        renderBar();
      }
    } else if (m.type === 'removed') {
      forget();
      showJoin(TEXT.removed);
    }
  });
  client.onConnection((connected) => {
    renderBar();
    if (!connected || !token || !status) return;
    // Back after a dropped connection or a restarted server: the status and the view may have moved on.
    void client
      .request<{ status: StudentStatus }>({ type: 'student.resume', token, lang: language() })
      .then((r) => {
        if (!r.ok) {
          if (r.error.code === 'unauthorized') {
            forget();
            showJoin(TEXT.notFound);
          }
          return;
        }
        status = r.result.status;
        void seat?.refresh();
        void route();
      });
  });
  timer = window.setInterval(() => {
    if (seat?.update().deadline) renderBar();
  }, 1000);
  window.addEventListener('pagehide', () => {
    if (timer !== null) window.clearInterval(timer);
  });

  if (!token) {
    showJoin();
    return;
  }
  void client
    .request<{ status: StudentStatus }>({ type: 'student.resume', token, lang: language() })
    .then((r) => {
      if (!r.ok) {
        forget();
        showJoin(TEXT.notFound);
        return;
      }
      status = r.result.status;
      void route();
    });
}
