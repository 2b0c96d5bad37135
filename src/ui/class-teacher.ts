// The teacher's mission control: create a class session, watch the lobby fill, rename, remove and seat students,
// start, pause, resume and end, follow every table live, export the results. The teacher's token lives in the
// address's #fragment (never sent to the server in a request line) and in this browser's storage.

import { DIFFICULTIES } from '../engine/difficulty';
import { date, language, list, msg, t } from '../i18n';
import { type ClassClient, connectClass } from '../net/class-client';
import type { CatalogueItem, CreatedSession, Dashboard, DashboardTable } from '../protocol';
import { teacherLive } from './class-live';
import { el, formatPoints, pointerGuard, screenHeading } from './dom';
import { printBriefHref } from './print-brief-href';
import { refusalWords } from './said-words';

/** The screen's words in the interface's language (read when used). */
function words() {
  const m = msg().classTeacher;
  return {
    ...m,
    seconds: (n: number) => t(m.seconds, { n }),
    minutes: (n: number) => t(m.minutes, { n }),
    levels: m.levels as Record<string, string>,
    codeHelp: (url: string) => t(m.codeHelp, { url }),
    state: m.state as Record<string, string>,
    renameLabel: (n: string) => t(m.renameLabel, { name: n }),
    removeConfirm: (n: string) => t(m.removeConfirm, { name: n }),
    seatLabel: (n: string) => t(m.seatLabel, { name: n }),
    seatOption: (table: number, party: string) => t(m.seatOption, { table, party }),
    table: (n: number) => t(m.table, { n }),
    accepted: (names: string) => t(m.accepted, { names }),
    rejected: (names: string) => t(m.rejected, { names }),
    points: (u: number, r: number) => t(m.points, { utility: formatPoints(u), reservation: formatPoints(r) }),
    blocks: (b: string) => t(m.blocks, { reasons: b }),
    blockKind: (kind: 'red-line' | 'mandate' | 'rejects', name: string) => t(m.blockKinds[kind], { name }),
    outcome: m.outcome as Record<string, string>,
    moves: (n: number) => t(m.moves, { n }),
    score: (s: number) => t(m.score, { n: s }),
    injected: (tables: number[]) =>
      tables.length ? t(m.injected, { tables: list(tables.map((x) => String(x + 1))) }) : '',
    refused: (table: number, message: string) => t(m.refused, { table: table + 1, message }),
    pageTitle: (s: string) => t(m.pageTitle, { title: s }),
  };
}
const TEXT = new Proxy({} as ReturnType<typeof words>, {
  get: (_, key) => words()[key as keyof ReturnType<typeof words>],
});

const KEY = 'shuttle.class.teacher';

function tokenFromHash(): string | null {
  const m = /(?:^#|&)key=([A-Za-z0-9_-]{43})(?:&|$)/.exec(window.location.hash);
  return m?.[1] ?? null;
}

function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { attrs: { href: url, download: filename } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The teacher's pack (served with the game under /teachers/) and the scenario's briefs to print. */
function packLinks(scenarioId: string): HTMLElement {
  const m = msg().pack;
  const link = (id: string, href: string, text: string) =>
    el('li', {}, el('a', { id, attrs: { href, target: '_blank', rel: 'noopener' } }, text));
  return el(
    'nav',
    { className: 'class-pack', attrs: { 'aria-labelledby': 'class-pack-heading' } },
    el('h2', { id: 'class-pack-heading' }, m.title),
    el('p', { className: 'hint' }, m.intro),
    el(
      'ul',
      {},
      link('pack-briefs', printBriefHref(scenarioId), m.briefs),
      link('pack-lesson', '/teachers/lesson-plan.html', m.lessonPlan),
      link('pack-background', '/teachers/background.html', m.background),
      link('pack-debrief', '/teachers/debrief-guide.html', m.debriefGuide),
      link('pack-results', '/teachers/results-sheet.html', m.resultsSheet),
      link('pack-all', '/teachers/', m.all),
    ),
  );
}

export function startClassTeacher(root: HTMLElement): void {
  let token = tokenFromHash();
  if (!token) {
    try {
      token = localStorage.getItem(KEY);
    } catch {
      token = null;
    }
  }
  let dashboard: Dashboard | null = null;
  let renaming: string | null = null;
  let injectNote = '';
  const client: ClassClient = connectClass(undefined, {
    hello: () => (token ? { type: 'teacher.attach', token, lang: language() } : null),
  });
  const bar = el('p', { className: 'class-bar', attrs: { role: 'status', 'aria-live': 'polite' } });
  const errorBox = el('p', { className: 'error', attrs: { role: 'alert' } });
  const holder = el('div', { className: 'class-holder' });
  root.replaceChildren(bar, errorBox, holder);

  const remember = (t: string) => {
    token = t;
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#key=${t}`);
    try {
      localStorage.setItem(KEY, t);
    } catch {
      // the link in the address is enough
    }
  };

  const act = async (message: Parameters<ClassClient['request']>[0]) => {
    const r = await client.request(message);
    errorBox.textContent = r.ok ? '' : refusalWords(r.error);
    return r;
  };

  const live = teacherLive(client, act, () => {
    if (busy()) held = true;
    else render();
  });

  const showCreate = async (message?: string) => {
    root.dataset.screen = 'class-create';
    document.title = TEXT.pageTitle(TEXT.createTitle);
    errorBox.textContent = message ?? '';
    const r = await client.request<CatalogueItem[]>({ type: 'catalogue' });
    const items = r.ok ? r.result : [];
    const select = el(
      'select',
      { id: 'class-scenario' },
      ...items.map((s) =>
        el('option', { attrs: { value: s.id } }, `${s.title} (${s.parties.map((p) => p.name).join(', ')})`),
      ),
    );
    const tables = el('input', {
      id: 'class-tables',
      attrs: { type: 'number', min: 1, max: 60, value: 1, required: true },
    });
    const timer = el(
      'select',
      { id: 'class-timer' },
      el('option', { attrs: { value: '' } }, TEXT.noTimer),
      ...[60, 120, 300, 600].map((n) =>
        el('option', { attrs: { value: n } }, n < 120 ? TEXT.seconds(n) : TEXT.minutes(n / 60)),
      ),
    );
    const difficulty = el(
      'select',
      { id: 'class-difficulty' },
      ...DIFFICULTIES.map((d) =>
        el('option', { attrs: { value: d, selected: d === 'medium' } }, TEXT.levels[d]),
      ),
    );
    const submit = el('button', { attrs: { type: 'submit' } }, TEXT.create);
    const form = el(
      'form',
      {
        className: 'class-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            submit.disabled = true;
            void act({
              type: 'teacher.create',
              lang: language(),
              scenario: select.value,
              tables: Number(tables.value),
              turnSeconds: timer.value ? Number(timer.value) : null,
              difficulty: difficulty.value as 'easy' | 'medium' | 'hard',
            }).then((c) => {
              submit.disabled = false;
              if (!c.ok) return;
              remember((c.result as CreatedSession).teacherToken);
              void attach();
            });
          },
        },
      },
      el('label', { attrs: { for: 'class-scenario' } }, TEXT.scenario),
      select,
      el('label', { attrs: { for: 'class-tables' } }, TEXT.tables),
      tables,
      el('label', { attrs: { for: 'class-timer' } }, TEXT.timer),
      timer,
      el('label', { attrs: { for: 'class-difficulty' } }, TEXT.difficulty),
      difficulty,
      submit,
    );
    holder.replaceChildren(
      el(
        'div',
        { className: 'screen class-screen' },
        screenHeading(TEXT.createTitle),
        el('p', {}, TEXT.createIntro),
        form,
      ),
    );
  };

  const button = (id: string, label: string, onClick: () => void, disabled = false) =>
    el('button', { id, attrs: { type: 'button', disabled }, on: { click: onClick } }, label);

  const seatSelect = (d: Dashboard, s: Dashboard['lobby'][number]) => {
    const parties = d.tables[0]?.seats ?? [];
    const current = s.table !== null && s.seat ? `${s.table}:${s.seat}` : '';
    const select = el(
      'select',
      {
        attrs: { 'aria-label': TEXT.seatLabel(s.nickname), 'data-student': s.id },
        on: {
          change: () => {
            const [t, seat] = select.value ? select.value.split(':') : [];
            void act({
              type: 'teacher.assign',
              student: s.id,
              table: t === undefined ? null : Number(t),
              seat: seat ?? null,
            });
          },
        },
      },
      el('option', { attrs: { value: '', selected: current === '' } }, TEXT.noSeat),
      ...d.tables.flatMap((t) =>
        parties.map((p) =>
          el(
            'option',
            { attrs: { value: `${t.index}:${p.seat}`, selected: current === `${t.index}:${p.seat}` } },
            TEXT.seatOption(t.index + 1, p.name),
          ),
        ),
      ),
    );
    select.disabled = d.state === 'ended';
    return select;
  };

  const injectForm = (d: Dashboard) => {
    const event = el(
      'select',
      { id: 'class-event' },
      ...d.events.map((e) => el('option', { attrs: { value: e.id } }, e.title)),
    );
    const where = el(
      'select',
      { id: 'class-event-table' },
      el('option', { attrs: { value: '' } }, TEXT.everyTable),
      ...d.tables.map((t) => el('option', { attrs: { value: t.index } }, TEXT.table(t.index + 1))),
    );
    const result = el('p', { attrs: { role: 'status' } }, injectNote);
    return el(
      'form',
      {
        className: 'class-inject',
        on: {
          submit: (e) => {
            e.preventDefault();
            void act({
              type: 'teacher.inject',
              event: event.value,
              table: where.value === '' ? null : Number(where.value),
            }).then((r) => {
              if (!r.ok) return;
              const out = r.result as {
                injected: number[];
                refused: Array<{ table: number; message: string }>;
              };
              injectNote = [
                TEXT.injected(out.injected),
                ...out.refused.map((x) => TEXT.refused(x.table, x.message)),
              ]
                .filter(Boolean)
                .join(' ');
              result.textContent = injectNote;
            });
          },
        },
      },
      el('h2', {}, TEXT.injectTitle),
      el('label', { attrs: { for: 'class-event' } }, TEXT.event),
      event,
      el('label', { attrs: { for: 'class-event-table' } }, TEXT.where),
      where,
      el('button', { attrs: { type: 'submit', disabled: d.state !== 'running' } }, TEXT.inject),
      result,
    );
  };

  // Seating by hand: a student's name is dragged from the lobby (or a seat) onto a seat, or back to the lobby to
  // leave a seat. The seat list beside each name does the same with a keyboard or on a touch screen.
  const DRAG_TYPE = 'application/x-shuttle-student';
  let dragging: string | null = null;
  const draggable = (item: HTMLElement, d: Dashboard, student: string) => {
    if (d.state === 'ended') return;
    item.draggable = true;
    item.addEventListener('dragstart', (e) => {
      dragging = student;
      e.dataTransfer?.setData(DRAG_TYPE, student);
      e.dataTransfer?.setData('text/plain', student);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      item.classList.add('class-dragging');
    });
    item.addEventListener('dragend', () => {
      dragging = null;
      item.classList.remove('class-dragging');
      // An update held while the name was in the air is drawn now.
      release();
    });
  };
  const dropTarget = (target: HTMLElement, d: Dashboard, table: number | null, seat: string | null) => {
    if (d.state === 'ended') return;
    target.dataset.drop = table === null ? 'lobby' : `${table}:${seat}`;
    const over = (e: DragEvent) => {
      if (!dragging && !e.dataTransfer?.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      target.classList.add('class-drop-over');
    };
    target.addEventListener('dragenter', over);
    target.addEventListener('dragover', over);
    target.addEventListener('dragleave', () => target.classList.remove('class-drop-over'));
    target.addEventListener('drop', (e) => {
      e.preventDefault();
      target.classList.remove('class-drop-over');
      const student = e.dataTransfer?.getData(DRAG_TYPE) || dragging;
      dragging = null;
      if (!student) return;
      const now = d.lobby.find((x) => x.id === student);
      if (!now || (now.table === table && now.seat === seat)) return;
      void act({ type: 'teacher.assign', student, table, seat });
    });
  };

  const lobbyList = (d: Dashboard) => {
    if (d.lobby.length === 0) return el('p', { id: 'class-nobody' }, TEXT.nobody);
    const list = el(
      'ul',
      { className: 'class-lobby', id: 'class-lobby', attrs: { 'aria-describedby': 'class-drag-help' } },
      ...d.lobby.map((s) => {
        const item = el(
          'li',
          { attrs: { 'data-student': s.id } },
          el('span', { className: 'class-nick' }, s.nickname),
          ' ',
          el(
            'span',
            { className: s.online ? 'class-online' : 'class-offline' },
            `(${s.online ? TEXT.online : TEXT.offline})`,
          ),
          ' ',
          seatSelect(d, s),
        );
        draggable(item, d, s.id);
        if (renaming === s.id) {
          const input = el('input', {
            attrs: { 'aria-label': TEXT.renameLabel(s.nickname), value: s.nickname, maxlength: 24 },
          });
          item.append(
            el(
              'form',
              {
                className: 'class-rename',
                on: {
                  submit: (e) => {
                    e.preventDefault();
                    renaming = null;
                    void act({ type: 'teacher.rename', student: s.id, nickname: input.value }).then(render);
                  },
                },
              },
              input,
              el('button', { attrs: { type: 'submit' } }, TEXT.save),
            ),
          );
          queueMicrotask(() => input.focus());
        } else {
          item.append(
            button(`rename-${s.id}`, TEXT.rename, () => {
              renaming = s.id;
              render();
            }),
          );
        }
        item.append(
          button(`remove-${s.id}`, TEXT.remove, () => {
            if (window.confirm(TEXT.removeConfirm(s.nickname)))
              void act({ type: 'teacher.remove', student: s.id });
          }),
        );
        return item;
      }),
    );
    dropTarget(list, d, null, null);
    return el(
      'div',
      {},
      d.state === 'ended' ? null : el('p', { id: 'class-drag-help', className: 'class-help' }, TEXT.dragHelp),
      list,
    );
  };

  const tableCard = (t: DashboardTable) => {
    const name = (id: string | null) => t.seats.find((s) => s.seat === id)?.name ?? id ?? '';
    const facts = el(
      'dl',
      { className: 'class-facts' },
      el('dt', {}, TEXT.meeting),
      el(
        'dd',
        {},
        t.status === 'waiting' ? TEXT.waiting : `${t.meetingIndex + 1}: ${t.meeting}, ${date(t.meetingDate)}`,
      ),
      el('dt', {}, TEXT.version),
      el('dd', {}, t.textVersion ? `v${t.textVersion}` : '–'),
      el('dt', {}, TEXT.speaker),
      el('dd', {}, t.speaker ? name(t.speaker) : '–'),
    );
    const packages = el(
      'ul',
      { className: 'class-packages', attrs: { 'aria-label': TEXT.packages } },
      ...t.packages.map((p) =>
        el(
          'li',
          { className: p.agreed ? 'agreed' : '' },
          `${p.name}: `,
          p.agreed
            ? TEXT.agreed
            : [
                p.acceptedBy.length ? TEXT.accepted(p.acceptedBy.map(name).join(', ')) : '',
                p.rejectedBy.length ? TEXT.rejected(p.rejectedBy.map(name).join(', ')) : '',
              ]
                .filter(Boolean)
                .join('; ') || TEXT.open,
        ),
      ),
    );
    const seats = el(
      'ul',
      { className: 'class-seats', attrs: { 'aria-label': TEXT.seats } },
      ...t.seats.map((s) => {
        const item = el(
          'li',
          {
            className: s.utility > s.reservation ? 'above' : 'below',
            attrs: { 'data-table': t.index, 'data-seat': s.seat },
          },
          el('strong', {}, s.name),
          ': ',
          live.aiLabel(s) ??
            (s.ai
              ? TEXT.ai
              : s.students.map((m) => `${m.nickname}${m.pen ? ` (${TEXT.pen})` : ''}`).join(', ')),
          ' · ',
          TEXT.points(s.utility, s.reservation),
          s.score !== null ? ` · ${TEXT.score(s.score)}` : '',
          s.signed ? ` · ${TEXT.signed}` : '',
          s.blocks.length
            ? el(
                'span',
                { className: 'class-blocks' },
                ` · ${TEXT.blocks(list(s.blocks.map((b) => TEXT.blockKind(b.kind, b.name))))}`,
              )
            : '',
          dashboard ? ' ' : '',
          dashboard ? live.seatControl(dashboard, t, s) : null,
        );
        if (dashboard && t.status !== 'ended') dropTarget(item, dashboard, t.index, s.seat);
        return item;
      }),
    );
    return el(
      'section',
      {
        className: 'class-table',
        attrs: {
          'aria-labelledby': `class-table-${t.index}`,
          'data-status': t.status,
          'data-outcome': t.outcome ?? '',
        },
      },
      el(
        'h3',
        { id: `class-table-${t.index}` },
        TEXT.table(t.index + 1),
        t.outcome ? ` · ${TEXT.outcome[t.outcome] ?? t.outcome}` : '',
        ` · ${TEXT.moves(t.moves)}`,
      ),
      facts,
      packages,
      seats,
      dashboard ? live.tableExtras(dashboard, t) : null,
    );
  };

  const render = () => {
    const d = dashboard;
    if (!d) return;
    root.dataset.screen = 'class-dashboard';
    root.dataset.state = d.state;
    document.title = TEXT.pageTitle(TEXT.title);
    const joinUrl = `${window.location.origin}/?class=join`;
    const link = `${window.location.origin}/?class=teacher#key=${token ?? ''}`;
    const controls = el(
      'div',
      { className: 'class-controls' },
      button('class-start', TEXT.start, () => void act({ type: 'teacher.start' }), d.state !== 'lobby'),
      button('class-pause', TEXT.pause, () => void act({ type: 'teacher.pause' }), d.state !== 'running'),
      button('class-resume', TEXT.resume, () => void act({ type: 'teacher.resume' }), d.state !== 'paused'),
      button(
        'class-end',
        TEXT.end,
        () => {
          if (window.confirm(TEXT.endConfirm)) void act({ type: 'teacher.end' });
        },
        d.state === 'ended',
      ),
      button(
        'class-auto',
        TEXT.autoAssign,
        () => void act({ type: 'teacher.autoAssign' }),
        d.state === 'ended',
      ),
      button('class-csv', TEXT.exportCsv, () => void exportAs('csv')),
      button('class-json', TEXT.exportJson, () => void exportAs('json')),
      button('class-new', TEXT.newSession, () => {
        if (!window.confirm(TEXT.newConfirm)) return;
        // A fresh page: this connection stays the old session's teacher otherwise.
        try {
          localStorage.removeItem(KEY);
        } catch {
          // nothing stored
        }
        window.location.assign(`${window.location.pathname}?class=teacher`);
      }),
    );
    holder.replaceChildren(
      el(
        'div',
        { className: 'screen class-screen class-dashboard' },
        screenHeading(`${TEXT.title}: ${d.scenario.title}`),
        el(
          'div',
          { className: 'class-code-box' },
          el('p', {}, TEXT.code),
          el('p', { className: 'class-code', id: 'class-join-code' }, d.code),
          el('p', {}, TEXT.codeHelp(joinUrl)),
        ),
        el('details', {}, el('summary', {}, TEXT.teacherLink), el('p', { className: 'class-link' }, link)),
        packLinks(d.scenario.id),
        el('p', { id: 'class-state', attrs: { 'data-state': d.state } }, TEXT.state[d.state] ?? d.state),
        controls,
        live.controls(d),
        d.events.length > 0 ? injectForm(d) : null,
        el('h2', {}, `${TEXT.lobby} (${d.lobby.length})`),
        lobbyList(d),
        el('h2', {}, TEXT.tablesTitle),
        el('div', { className: 'class-grid' }, ...d.tables.map(tableCard)),
      ),
    );
  };

  const exportAs = async (format: 'csv' | 'json') => {
    const r = await act({ type: 'teacher.export', format });
    if (r.ok) {
      const file = r.result as { filename: string; type: string; text: string };
      download(file.filename, file.type, file.text);
    }
  };

  const attach = async () => {
    if (!token) return showCreate();
    const r = await client.request<Dashboard>({ type: 'teacher.attach', token, lang: language() });
    if (!r.ok) {
      token = null;
      try {
        localStorage.removeItem(KEY);
      } catch {
        // nothing stored
      }
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
      return showCreate(TEXT.lost);
    }
    if (!tokenFromHash()) remember(token);
    dashboard = r.result;
    render();
  };

  /** A control in use (an open seat list, a rename box) is not redrawn under the teacher's hand: the update waits. */
  let held = false;
  const busy = () => {
    if (dragging) return true;
    const a = document.activeElement;
    return (
      !!a &&
      holder.contains(a) &&
      (a.tagName === 'SELECT' || a.tagName === 'INPUT' || a.tagName === 'TEXTAREA')
    );
  };
  // A pointer pressed on a button takes the focus from the field before the click lands: the held update waits for
  // the click too, or the redrawn page would take the button from under the pointer and the click would be lost
  // (a message to the class, typed while the tables moved, was not sent).
  const release = () => {
    if (held && !busy()) {
      held = false;
      render();
    }
  };
  const guard = pointerGuard(holder, release);
  holder.addEventListener('focusout', () => {
    queueMicrotask(() => {
      if (!guard.pressed()) release();
    });
  });
  client.on((m) => {
    if (m.type === 'dashboard') {
      dashboard = m.dashboard;
      if (busy()) held = true;
      else render();
    }
  });
  client.onConnection((connected) => {
    bar.textContent = connected ? '' : TEXT.reconnecting;
    if (connected && dashboard) void attach();
  });
  void attach();
}
