// Mission control and teams in the browser: a student's delegation channel and the teacher's broadcasts; the
// teacher's controls of a running class (the AI taking a seat over and handing it back, more time for a speaker, a
// message to the class, a table opened with its channels and log, each ended table's debrief). Every line of chat is
// shown as text, never HTML.
import { LOCALES, language, msg, named, t } from '../i18n';
import type { ClassClient } from '../net/class-client';
import type {
  ChatMessage,
  Dashboard,
  DashboardSeat,
  DashboardTable,
  StudentStatus,
  TableChannels,
  TableDebrief,
} from '../protocol';
import { debriefHeadline, debriefTitle, factWords, moveWords, type PartyNames } from './debrief-words';
import { el, formatPoints, pointerGuard } from './dom';
import { noteWords, reasonWords } from './said-words';

const L = () => msg().classLive;

function chatLine(m: ChatMessage): HTMLElement {
  // The time the page's language's way (not the browser's: a Ukrainian page on an English browser reads 14:05).
  const time = new Date(m.at).toLocaleTimeString(LOCALES[language()], { hour: '2-digit', minute: '2-digit' });
  return el(
    'li',
    { className: 'class-chat-line', attrs: { 'data-channel': m.channel } },
    el('span', { className: 'class-chat-who' }, `${m.from === 'teacher' ? L().teacher : m.nickname} `),
    el('span', { className: 'class-chat-time' }, `${time} `),
    el('span', { className: 'class-chat-text' }, m.text),
  );
}

export interface StudentChannels {
  element: HTMLElement;
  /** The student's status changed (a seat given or taken, a reconnection): the channels follow it. */
  update(status: StudentStatus | null): void;
}

/** The teacher's broadcasts and, once seated, the delegation's channel, kept up to date by the server's pushes. */
export function studentChannels(client: ClassClient): StudentChannels {
  const element = el('aside', { className: 'class-channels', attrs: { 'aria-label': L().chatTitle } });
  let status: StudentStatus | null = null;
  let lines: ChatMessage[] = [];
  let loadedFor = '';
  let draft = '';
  let note = '';

  // A line arriving between the press and the release of Send would redraw the form and lose the click: drawn after.
  let pending = false;
  const guard = pointerGuard(element, () => {
    if (!pending) return;
    pending = false;
    render();
  });

  const render = () => {
    if (guard.pressed()) {
      pending = true;
      return;
    }
    const broadcasts = lines.filter((m) => m.channel === 'class');
    const team = lines.filter((m) => m.channel === 'team');
    const parts: HTMLElement[] = [];
    if (broadcasts.length > 0)
      parts.push(
        el(
          'section',
          { className: 'class-broadcasts', attrs: { 'aria-live': 'polite' } },
          el('h2', {}, L().fromTeacher),
          el('ul', {}, ...broadcasts.slice(-3).map(chatLine)),
        ),
      );
    if (status?.seat && status.table !== null) {
      const input = el('textarea', {
        id: 'class-chat-input',
        attrs: { name: 'chat', maxlength: 500, rows: 2, 'aria-label': L().chatLabel },
      });
      input.value = draft;
      input.addEventListener('input', () => {
        draft = input.value;
      });
      const form = el(
        'form',
        {
          className: 'class-chat-form',
          on: {
            submit: (e) => {
              e.preventDefault();
              const text = input.value.trim();
              if (!text) return;
              void client.request<ChatMessage>({ type: 'team.say', text }).then((r) => {
                if (r.ok) {
                  draft = '';
                  note = '';
                  add(r.result);
                } else {
                  note = t(L().chatFailed, { reason: r.error.message });
                  render();
                }
              });
            },
          },
        },
        input,
        el('button', { attrs: { type: 'submit' } }, L().chatSend),
      );
      parts.push(
        el(
          'section',
          { className: 'class-team-chat' },
          el('h2', {}, L().chatTitle),
          el('p', { className: 'hint' }, L().chatHint),
          team.length > 0
            ? el('ul', { id: 'class-chat-lines', attrs: { 'aria-live': 'polite' } }, ...team.map(chatLine))
            : el('p', {}, L().chatEmpty),
          note ? el('p', { className: 'error', attrs: { role: 'alert' } }, note) : null,
          form,
        ),
      );
    }
    const focused = document.activeElement?.id === 'class-chat-input';
    element.replaceChildren(...parts);
    if (focused) (document.getElementById('class-chat-input') as HTMLTextAreaElement | null)?.focus();
  };

  const add = (m: ChatMessage) => {
    if (lines.some((x) => x.id === m.id)) return;
    lines = [...lines, m].sort((a, b) => a.id - b.id);
    render();
  };

  const load = async () => {
    const r = await client.request<ChatMessage[]>({ type: 'student.chat' });
    if (r.ok) {
      // Merged, not replaced: a message pushed while the request was on its way is newer than this answer.
      const known = new Set(r.result.map((m) => m.id));
      lines = [...r.result, ...lines.filter((m) => !known.has(m.id))].sort((a, b) => a.id - b.id);
      render();
    }
  };

  client.on((m) => {
    if (m.type === 'chat') add(m.message);
  });
  client.onConnection((connected) => {
    if (connected && status) void load();
  });

  return {
    element,
    update(next) {
      status = next;
      const key = next ? `${next.session}:${next.student}:${next.table}:${next.seat}` : '';
      if (key !== loadedFor) {
        loadedFor = key;
        lines = [];
        if (next) void load();
      }
      render();
    },
  };
}

type Act = (message: Parameters<ClassClient['request']>[0]) => Promise<{ ok: boolean; result?: unknown }>;

export interface TeacherLive {
  /** The broadcast form and the "more time everywhere" control, under the session's controls. */
  controls(d: Dashboard): HTMLElement;
  /** A seat's AI control. */
  seatControl(d: Dashboard, table: DashboardTable, seat: DashboardSeat): HTMLElement | null;
  /** A table's own controls and, when opened, its channels and log, or its debrief. */
  tableExtras(d: Dashboard, table: DashboardTable): HTMLElement;
  /** Names the seat's players when the AI took it over. */
  aiLabel(seat: DashboardSeat): string | null;
}

export function teacherLive(client: ClassClient, act: Act, rerender: () => void): TeacherLive {
  let broadcastNote = '';
  let extendNote = '';
  let draft = '';
  const opened = new Map<number, TableChannels | null>();
  const debriefs = new Map<number, TableDebrief | null>();

  const refreshTable = async (index: number) => {
    const r = await client.request<TableChannels>({ type: 'teacher.table', table: index });
    if (r.ok && opened.has(index)) {
      opened.set(index, r.result);
      rerender();
    }
  };
  client.on((m) => {
    if (m.type === 'chat' && m.message.table !== null && opened.has(m.message.table))
      void refreshTable(m.message.table);
  });

  const extend = async (table: number | null, seconds: number) => {
    const r = await act({ type: 'teacher.extend', table, seconds });
    if (r.ok) {
      const n = (r.result as { extended: number[] }).extended.length;
      extendNote = t(L().extended, { n });
      rerender();
    }
  };

  const button = (id: string, label: string, onClick: () => void, disabled = false) =>
    el('button', { id, attrs: { type: 'button', disabled }, on: { click: onClick } }, label);

  const debriefView = (index: number, d: TableDebrief) => {
    const name = debriefNames(d);
    return el(
      'section',
      { className: 'class-debrief', attrs: { 'aria-label': t(L().debrief, { n: index + 1 }) } },
      el('h4', {}, t(L().debriefTitle, { n: index + 1, title: debriefTitle(d) })),
      el('p', { className: 'outcome-kind', attrs: { 'data-kind': d.kind } }, debriefHeadline(d, name)),
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[L().party, L().points, L().reservation, L().score, L().beat].map((h) =>
              el('th', { attrs: { scope: 'col' } }, h),
            ),
          ),
        ),
        el(
          'tbody',
          {},
          ...d.parties.map((p) =>
            el(
              'tr',
              {},
              el('th', { attrs: { scope: 'row' } }, p.name),
              el('td', {}, formatPoints(p.utility)),
              el('td', {}, formatPoints(p.reservation)),
              el('td', {}, p.score === null ? '–' : `${p.score}%`),
              el('td', {}, p.beatReservation ? L().yes : L().no),
            ),
          ),
        ),
      ),
      el(
        'p',
        {},
        d.signed.by.length > 0 ? t(L().signedBy, { names: d.signed.by.map(name).join(', ') }) : L().notSigned,
      ),
      d.blockers.length > 0
        ? el(
            'details',
            {},
            el('summary', {}, L().blockers),
            el('ul', {}, ...d.blockers.map((b) => el('li', {}, blockerText(b, d, name)))),
          )
        : null,
      d.privateReasons.length > 0
        ? el(
            'details',
            {},
            el('summary', {}, L().reasons),
            el('ul', {}, ...d.privateReasons.map((r) => el('li', {}, reasonText(r, d, name)))),
          )
        : null,
    );
  };

  const channelsView = (index: number, c: TableChannels) =>
    el(
      'section',
      { className: 'class-open-table', attrs: { 'aria-label': t(L().channelsTitle, { n: index + 1 }) } },
      el('h4', {}, t(L().channelsTitle, { n: index + 1 })),
      ...c.channels.map((ch) =>
        el(
          'div',
          { className: 'class-channel', attrs: { 'data-seat': ch.seat } },
          el('h5', {}, t(L().channelOf, { seat: ch.name })),
          ch.messages.length > 0 ? el('ul', {}, ...ch.messages.map(chatLine)) : el('p', {}, L().channelEmpty),
        ),
      ),
      el(
        'details',
        {},
        el('summary', {}, L().logTitle),
        el('pre', { className: 'class-log' }, c.log.join('\n')),
      ),
    );

  return {
    controls(d) {
      const input = el('textarea', {
        id: 'class-broadcast-text',
        attrs: { name: 'broadcast', maxlength: 500, rows: 2, 'aria-label': L().broadcastLabel },
      });
      input.value = draft;
      input.addEventListener('input', () => {
        draft = input.value;
      });
      const running = d.state === 'running';
      return el(
        'div',
        { className: 'class-live-controls' },
        el(
          'form',
          {
            className: 'class-broadcast',
            on: {
              submit: (e) => {
                e.preventDefault();
                const text = input.value.trim();
                if (!text) return;
                void act({ type: 'teacher.broadcast', text }).then((r) => {
                  if (r.ok) {
                    draft = '';
                    broadcastNote = L().broadcastSent;
                    rerender();
                  }
                });
              },
            },
          },
          el('h2', {}, L().broadcastTitle),
          input,
          el(
            'button',
            { id: 'class-broadcast-send', attrs: { type: 'submit', disabled: d.state === 'ended' } },
            L().broadcastSend,
          ),
          el('p', { attrs: { role: 'status' } }, broadcastNote),
        ),
        d.turnSeconds !== null
          ? el(
              'p',
              {},
              button('class-extend-all', t(L().extendAll, { n: 60 }), () => void extend(null, 60), !running),
              el('span', { attrs: { role: 'status' } }, ` ${extendNote}`),
            )
          : null,
      );
    },

    seatControl(d, table, seat) {
      if (seat.students.length === 0 || d.state === 'ended' || table.status === 'ended') return null;
      const handBack = seat.aiTakenOver;
      return button(
        `class-ai-${table.index}-${seat.seat}`,
        t(handBack ? L().aiHandBack : L().aiTake, { seat: seat.name }),
        () => void act({ type: 'teacher.ai', table: table.index, seat: seat.seat, ai: !handBack }),
      );
    },

    aiLabel(seat) {
      if (!seat.aiTakenOver) return null;
      return t(L().aiTakenOver, { names: seat.students.map((s) => s.nickname).join(', ') });
    },

    tableExtras(d, table) {
      const index = table.index;
      const isOpen = opened.has(index);
      const channels = opened.get(index);
      const debrief = debriefs.get(index);
      const row = el(
        'p',
        { className: 'class-table-actions' },
        button(`class-open-${index}`, t(isOpen ? L().close : L().open, { n: index + 1 }), () => {
          if (opened.has(index)) opened.delete(index);
          else {
            opened.set(index, null);
            void refreshTable(index);
          }
          rerender();
        }),
        d.turnSeconds !== null && table.status === 'negotiating'
          ? button(
              `class-extend-${index}`,
              t(L().extend, { n: 60 }),
              () => void extend(index, 60),
              d.state !== 'running',
            )
          : null,
        table.status === 'ended'
          ? button(`class-debrief-${index}`, t(L().debrief, { n: index + 1 }), () => {
              if (debriefs.has(index)) {
                debriefs.delete(index);
                rerender();
                return;
              }
              debriefs.set(index, null);
              void act({ type: 'teacher.debrief', table: index }).then((r) => {
                if (r.ok && debriefs.has(index)) debriefs.set(index, r.result as TableDebrief);
                else debriefs.delete(index);
                rerender();
              });
            })
          : null,
      );
      return el(
        'div',
        { className: 'class-table-extras' },
        row,
        isOpen && channels ? channelsView(index, channels) : null,
        debrief ? debriefView(index, debrief) : null,
      );
    },
  };
}

/** The debrief's party names, with how words agree with each ("США предложили"). */
export function debriefNames(d: Pick<TableDebrief, 'parties'>): PartyNames {
  return Object.assign((id: string) => d.parties.find((p) => p.id === id)?.name ?? id, {
    subject: (id: string) => named(d.parties.find((p) => p.id === id) ?? { name: id }),
  });
}

/** The names the AI's sentences are put into: the debrief's own (in the teacher's language); a server that sent none
 * leaves the sentences in their own words. */
const namesOf = (d: TableDebrief) => d.names ?? { parties: d.parties, packages: [] };

/** Who kept a table from a deal and why, with its last words quoted in the teacher's language. */
export function blockerText(b: TableDebrief['blockers'][number], d: TableDebrief, name: PartyNames): string {
  return [
    name(b.party),
    b.facts.map(factWords).join('; '),
    b.lastPublic ? `“${reasonWords(namesOf(d), b.lastPublic, b.lastPublicSaid)}”` : '',
    b.lastPrivate ? noteWords(namesOf(d), b.lastPrivate, b.lastPrivateSaid) : '',
  ]
    .filter(Boolean)
    .join(' — ');
}

/** An AI delegation's move, what it said and what it thought, in the teacher's language. */
export function reasonText(
  r: TableDebrief['privateReasons'][number],
  d: TableDebrief,
  name: PartyNames,
): string {
  const move = moveWords(r.act, name.subject?.(r.party) ?? name(r.party));
  return [
    `${name(r.party)} (${r.meetingVenue}, ${move})`,
    r.public ? `“${reasonWords(namesOf(d), r.public, r.publicSaid)}”` : '',
    noteWords(namesOf(d), r.note, r.noteSaid),
  ]
    .filter(Boolean)
    .join(' — ');
}
