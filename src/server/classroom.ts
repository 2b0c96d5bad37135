// Class sessions on the server: the lobby, seats and teams, tables run by the session machine, AI on empty seats,
// the teacher's controls, and persistence through a ClassStore. No sockets here (class-socket.ts carries messages),
// so tests drive it directly. Every intent is committed to the store before the call that sent it returns.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { attachAi } from '../ai/ai-driver';
import { hashSeed } from '../ai/ai-game';
import { buildDebrief } from '../engine/debrief';
import { replay } from '../engine/game';
import { DIRECTOR, type Intent, type Move } from '../engine/intents';
import { eventsOf, type GameState, turnKey } from '../engine/state';
import { ENGLISH_LOG, type LogPhrases, renderTranscript } from '../engine/transcript';
import { type SeatView, viewFor } from '../engine/view';
import { ruLog } from '../i18n/log-ru';
import { ukLog } from '../i18n/log-uk';
import { createLocalTable, type LocalTable, type LocalTableOptions } from '../net/local-table';
import type { SeatConnection } from '../net/transport';
import {
  type CatalogueItem,
  type ChatMessage,
  type CreatedSession,
  type Dashboard,
  type DashboardSeat,
  type DashboardTable,
  type ErrorCode,
  JOIN_CODE_ALPHABET,
  type Joined,
  MAX_TEAM,
  type SeatPatch,
  type SeatUpdate,
  type SessionStateName,
  type StudentStatus,
  type TableChannels,
  type TableDebrief,
} from '../protocol';
import { localizeScenario, scenarioNames, translationFor } from '../scenario/localize';
import type { Scenario } from '../scenario/schema';
import { randomNickname } from './nicknames';
import type {
  AppendItem,
  ClassStore,
  IntentRecord,
  SessionRecord,
  StudentRecord,
  TableRecord,
} from './store';

/** A refusal with a protocol error code; the socket layer answers it as a typed error. */
export class ClassError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export type ClassChange =
  | { kind: 'lobby'; session: string }
  | { kind: 'table'; session: string; table: number }
  | { kind: 'removed'; session: string; student: string }
  /** A chat line: to its team's students (and the teacher), or to everyone for a broadcast. */
  | { kind: 'chat'; session: string; message: ChatMessage; to: string[] };

export interface ClassroomOptions {
  store: ClassStore;
  scenarios: Map<string, Scenario>;
  /** Milliseconds since the epoch; Date.now by default. */
  now?: () => number;
  /** Pause between an AI's moves, so students can follow them. */
  aiDelayMs?: number;
  /** A snapshot of a table's state every this many intents. */
  snapshotEvery?: number;
  log?: (line: string) => void;
  /** The tables' XState clock (a SimulatedClock in tests); the real one by default. */
  clock?: LocalTableOptions['clock'];
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

interface LiveTable {
  index: number;
  seed: string;
  table: LocalTable;
  conns: Map<string, SeatConnection>;
  ai: Map<string, () => void>;
  /** Intents committed to the store. */
  persisted: number;
  /** Intents handed to the store (committed, or waiting in this tick's batch). */
  queued: number;
  /** Each seat's latest view as sent to its students, with its version (patches are computed against it). */
  seats: Map<string, SeatUpdate>;
  /** The engine log's length after the committed intents. */
  seqInLog: number;
  idToSeq: Map<string, number>;
  /** The client's id for the intent being sent now, if a student sent it. */
  pendingId: string | null;
  /** When the current turn's clock started, and which turn that is (engine turnKey): moves within a turn share it. */
  turnStartedAt: number;
  turnKey: string;
  /** The current speaker's time in ms when the teacher extended it; null for the session's turn time. */
  turnLimitMs: number | null;
  failure: string | null;
  off: () => void;
}

/** The log's words in a page's language (English for any other). */
function logPhrasesFor(lang: string): LogPhrases {
  const base = lang.split('-')[0];
  return base === 'uk' ? ukLog : base === 'ru' ? ruLog : ENGLISH_LOG;
}

export class ClassSession {
  readonly students = new Map<string, StudentRecord>();
  readonly tables: LiveTable[] = [];
  readonly online = new Map<string, number>();
  /** Each table's latest dashboard summary, with what it was computed from. */
  private readonly summaries = new Map<number, { key: string; value: DashboardTable }>();
  /** Seats ("table:seat") the teacher gave to the AI although students sit there. */
  readonly aiTaken = new Set<string>();
  /** Each student's language as its page last said (its views and status are in it); not stored: a page says it
   * again when it comes back. */
  readonly langs = new Map<string, string>();
  /** The scenario's language key for the teacher's dashboard, as the teacher's page last said. */
  teacherLang = '';
  /** The teacher's page language itself (`uk`), for the words of the tables' logs. */
  teacherPage = '';
  /** The scenario in each of its languages asked for so far. */
  private readonly inLang = new Map<string, Scenario>();

  constructor(
    readonly room: Classroom,
    public record: SessionRecord,
    readonly scenario: Scenario,
  ) {}

  get id() {
    return this.record.id;
  }

  /** The scenario's own key for a language its texts are given in (`uk` for `uk-UA`), or '' for its own language:
   * views are computed once per key, so any language a page names costs nothing new. */
  langKey(lang: string | undefined): string {
    if (!lang || !translationFor(this.scenario, lang)) return '';
    return Object.hasOwn(this.scenario.translations ?? {}, lang) ? lang : (lang.split('-')[0] ?? '');
  }

  /** The scenario with its texts in a language key's words. */
  scenarioIn(key: string): Scenario {
    if (!key) return this.scenario;
    let s = this.inLang.get(key);
    if (!s) {
      s = localizeScenario(this.scenario, key);
      this.inLang.set(key, s);
    }
    return s;
  }

  /** A student's language key. */
  langOf(studentId: string): string {
    return this.langs.get(studentId) ?? '';
  }

  /** Remembers the language a student's page is in. */
  setLang(studentId: string, lang: string | undefined): void {
    if (lang === undefined) return;
    const key = this.langKey(lang);
    if (key) this.langs.set(studentId, key);
    else this.langs.delete(studentId);
  }
  get state(): SessionStateName {
    return this.record.state;
  }

  private get store() {
    return this.room.store;
  }

  private setState(state: SessionStateName) {
    this.record = { ...this.record, state };
    this.store.setSessionState(this.id, state);
  }

  // ---- students and seats

  studentOrThrow(id: string): StudentRecord {
    const s = this.students.get(id);
    if (!s) throw new ClassError('not.found', 'no such student in this session');
    return s;
  }

  /** The students at a seat, the pen holder first (the earliest seated). */
  team(table: number, seat: string): StudentRecord[] {
    return [...this.students.values()]
      .filter((s) => s.table === table && s.seat === seat)
      .sort(
        (a, b) => (a.seatedAt ?? 0) - (b.seatedAt ?? 0) || a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1),
      );
  }

  holdsPen(s: StudentRecord): boolean {
    if (s.table === null || s.seat === null) return false;
    return this.team(s.table, s.seat)[0]?.id === s.id;
  }

  /** The nickname asked for, or one made up in the page's language (`lang`), with a number when it is taken. */
  private uniqueNickname(wanted: string | undefined, except?: string, lang?: string): string {
    const taken = new Set(
      [...this.students.values()].filter((s) => s.id !== except).map((s) => s.nickname.toLowerCase()),
    );
    let base = wanted;
    if (!base) base = randomNickname(lang);
    if (!taken.has(base.toLowerCase())) return base;
    for (let n = 2; ; n++) {
      const candidate = `${base.slice(0, 20)} ${n}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** A new student; with the client's `token`, a retried join (a lost answer) returns the student it made. Without a
   * nickname, one is made up in the page's language (`lang`). */
  join(nickname: string | undefined, clientToken?: string, lang?: string): Joined {
    if (this.state === 'ended') throw new ClassError('wrong.state', 'this class session has ended');
    if (clientToken !== undefined) {
      const known = this.room.studentByToken(clientToken);
      if (known && known.session !== this)
        throw new ClassError('refused', 'this token belongs to another class session');
      const s = known ? this.students.get(known.student) : undefined;
      if (s) return { token: clientToken, student: s.id, nickname: s.nickname };
    }
    if (this.students.size >= 500) throw new ClassError('refused', 'this class session is full');
    const token = clientToken ?? newToken();
    // Join order decides seating and the pen: strictly increasing even within one millisecond.
    let now = this.room.now();
    for (const s of this.students.values()) if (s.joinedAt >= now) now = s.joinedAt + 1;
    const student: StudentRecord = {
      id: `s${randomBytes(6).toString('hex')}`,
      session: this.id,
      tokenHash: hashToken(token),
      nickname: this.uniqueNickname(nickname, undefined, lang),
      table: null,
      seat: null,
      seatedAt: null,
      joinedAt: now,
    };
    this.store.putStudent(student);
    this.students.set(student.id, student);
    this.room.indexStudent(student, this);
    this.room.emit({ kind: 'lobby', session: this.id });
    return { token, student: student.id, nickname: student.nickname };
  }

  rename(id: string, nickname: string): void {
    const s = this.studentOrThrow(id);
    const next = { ...s, nickname: this.uniqueNickname(nickname, id) };
    this.store.putStudent(next);
    this.students.set(id, next);
    this.room.emit({ kind: 'lobby', session: this.id });
  }

  remove(id: string): void {
    const s = this.studentOrThrow(id);
    this.store.deleteStudent(this.id, id);
    this.students.delete(id);
    this.langs.delete(id);
    this.room.unindexStudent(s);
    this.room.emit({ kind: 'removed', session: this.id, student: id });
    if (s.table !== null) this.reseat(s.table);
    this.room.emit({ kind: 'lobby', session: this.id });
  }

  /** A student leaves by itself (the end of a lesson on a shared computer). */
  leave(id: string): void {
    this.remove(id);
  }

  /** Moves a student; stored at once, or (auto-assignment) by the caller, all in one transaction. */
  private placeStudent(
    s: StudentRecord,
    table: number | null,
    seat: string | null,
    store = true,
  ): StudentRecord {
    const next = { ...s, table, seat, seatedAt: table === null ? null : this.room.now() };
    if (store) this.store.putStudent(next);
    this.students.set(s.id, next);
    return next;
  }

  assign(id: string, table: number | null, seat: string | null): void {
    const s = this.studentOrThrow(id);
    if (this.state === 'ended') throw new ClassError('wrong.state', 'this class session has ended');
    if ((table === null) !== (seat === null))
      throw new ClassError('bad.message', 'give both a table and a seat, or neither');
    if (table !== null && seat !== null) {
      if (table >= this.record.tables)
        throw new ClassError('not.found', `there are ${this.record.tables} tables`);
      if (!this.scenario.parties.some((p) => p.id === seat))
        throw new ClassError('not.found', `no seat "${seat}"`);
      if (this.team(table, seat).filter((t) => t.id !== id).length >= MAX_TEAM)
        throw new ClassError('refused', `a delegation has at most ${MAX_TEAM} students`);
    }
    const before = s.table;
    this.placeStudent(s, table, seat);
    if (before !== null) this.reseat(before);
    if (table !== null && table !== before) this.reseat(table);
    this.room.emit({ kind: 'lobby', session: this.id });
  }

  /** Seats every student still in the lobby: one per seat first, table by table, then teams of up to five. */
  autoAssign(): number {
    if (this.state === 'ended') throw new ClassError('wrong.state', 'this class session has ended');
    const parties = this.scenario.parties.map((p) => p.id);
    const count = new Map<string, number>();
    const key = (t: number, seat: string) => `${t}\u0000${seat}`;
    for (const s of this.students.values())
      if (s.table !== null && s.seat !== null)
        count.set(key(s.table, s.seat), (count.get(key(s.table, s.seat)) ?? 0) + 1);
    const waiting = [...this.students.values()]
      .filter((s) => s.table === null)
      .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
    const touched = new Set<number>();
    const moved: StudentRecord[] = [];
    for (const s of waiting) {
      let best: { t: number; seat: string; n: number } | null = null;
      for (let t = 0; t < this.record.tables; t++)
        for (const seat of parties) {
          const n = count.get(key(t, seat)) ?? 0;
          if (n < MAX_TEAM && (!best || n < best.n)) best = { t, seat, n };
        }
      if (!best) break;
      moved.push(this.placeStudent(s, best.t, best.seat, false));
      count.set(key(best.t, best.seat), best.n + 1);
      touched.add(best.t);
    }
    this.store.putStudents(moved);
    for (const t of touched) this.reseat(t);
    this.room.emit({ kind: 'lobby', session: this.id });
    return moved.length;
  }

  // ---- tables

  /** After seats change: AI on empty seats of a running table, off the seats students hold; views pushed. */
  private reseat(index: number): void {
    const t = this.tables[index];
    if (!t) return;
    this.syncAi(t);
    this.room.emit({ kind: 'table', session: this.id, table: index });
  }

  private syncAi(t: LiveTable): void {
    const active = this.state === 'running' && t.table.state().status === 'negotiating';
    for (const p of this.scenario.parties) {
      const wantAi = active && this.aiPlays(t.index, p.id);
      const running = t.ai.get(p.id);
      if (wantAi && !running) {
        t.ai.set(
          p.id,
          attachAi(this.conn(t, p.id), {
            difficulty: this.record.difficulty,
            seed: hashSeed(`${t.seed}:${p.id}`),
            delayMs: this.room.aiDelayMs,
            warn: (message) => this.room.log(`table ${t.index + 1}: ${message}`),
          }),
        );
      } else if (!wantAi && running) {
        running();
        t.ai.delete(p.id);
      }
    }
  }

  /** Whether the AI plays a seat: nobody sits there, or the teacher gave it to the AI. */
  aiPlays(table: number, seat: string): boolean {
    return this.aiTaken.has(`${table}:${seat}`) || this.team(table, seat).length === 0;
  }

  /** The teacher gives a seat to the AI (its students watch), or hands it back to them, at any time. */
  setAi(table: number, seat: string, ai: boolean): void {
    if (this.state === 'ended') throw new ClassError('wrong.state', 'this class session has ended');
    if (table >= this.record.tables)
      throw new ClassError('not.found', `there are ${this.record.tables} tables`);
    if (!this.scenario.parties.some((p) => p.id === seat))
      throw new ClassError('not.found', `no seat "${seat}"`);
    const key = `${table}:${seat}`;
    if (ai === this.aiTaken.has(key)) return;
    this.store.setAiSeat(this.id, table, seat, ai);
    if (ai) this.aiTaken.add(key);
    else this.aiTaken.delete(key);
    this.reseat(table);
    this.room.emit({ kind: 'lobby', session: this.id });
  }

  /** More time for the current speaker at one table or all: `seconds` added to what its clock has left. */
  extend(table: number | null, seconds: number): number[] {
    if (this.state !== 'running')
      throw new ClassError('wrong.state', `the session is ${this.state}, not running`);
    if (this.record.turnSeconds === null)
      throw new ClassError('wrong.state', 'this session has no turn timer to extend');
    if (table !== null && !this.tables[table])
      throw new ClassError('not.found', `there are ${this.record.tables} tables`);
    const targets = table === null ? this.tables : [this.tables[table] as LiveTable];
    const extended: number[] = [];
    for (const t of targets) {
      if (t.table.state().status !== 'negotiating') continue;
      // "+60 s" adds to the time left (a teacher read it so; it used to set the clock to 60 s).
      const now = this.room.now();
      const left = Math.max(0, t.turnStartedAt + (t.turnLimitMs ?? this.record.turnSeconds * 1000) - now);
      const ms = left + seconds * 1000;
      t.table.actor.send({ type: 'turn.extend', ms });
      t.turnStartedAt = now;
      t.turnLimitMs = ms;
      // Kept for a restart: the speaker's clock starts again with the time given, not the session's turn time.
      this.store.setExtension(this.id, t.index, t.queued, ms);
      extended.push(t.index);
      this.room.emit({ kind: 'table', session: this.id, table: t.index });
    }
    return extended;
  }

  // ---- channels

  private chatLine(
    channel: ChatMessage['channel'],
    table: number | null,
    seat: string | null,
    from: string,
    nickname: string,
    text: string,
  ): ChatMessage {
    const record = { session: this.id, channel, table, seat, from, nickname, text, at: this.room.now() };
    const id = this.store.appendChat(record);
    const { session: _session, ...rest } = record;
    return { id, ...rest };
  }

  /** A line in the student's delegation's channel: its teammates (and the teacher) receive it. */
  say(studentId: string, text: string): ChatMessage {
    const s = this.studentOrThrow(studentId);
    if (s.table === null || s.seat === null)
      throw new ClassError('wrong.state', 'your delegation has no channel until you have a seat');
    const message = this.chatLine('team', s.table, s.seat, s.id, s.nickname, text);
    const to = this.team(s.table, s.seat).map((m) => m.id);
    this.room.emit({ kind: 'chat', session: this.id, message, to });
    return message;
  }

  /** The teacher's message to every student of the session. */
  broadcast(text: string): ChatMessage {
    if (this.state === 'ended') throw new ClassError('wrong.state', 'this class session has ended');
    const message = this.chatLine('class', null, null, 'teacher', 'Teacher', text);
    this.room.emit({ kind: 'chat', session: this.id, message, to: [...this.students.keys()] });
    return message;
  }

  /** The lines a student may read: its team's channel (of its current seat) and the teacher's broadcasts. */
  chatFor(studentId: string): ChatMessage[] {
    const s = this.studentOrThrow(studentId);
    return this.store
      .chat(this.id)
      .filter(
        (m) => m.channel === 'class' || (m.channel === 'team' && m.table === s.table && m.seat === s.seat),
      )
      .map(({ session: _session, ...m }) => m);
  }

  /** A table opened by the teacher: every delegation's channel and the log as the director sees it. */
  tableChannels(index: number): TableChannels {
    if (index >= this.record.tables)
      throw new ClassError('not.found', `there are ${this.record.tables} tables`);
    const all = this.store.chat(this.id).filter((m) => m.channel === 'team' && m.table === index);
    const t = this.tables[index];
    return {
      table: index,
      channels: this.scenarioIn(this.teacherLang).parties.map((p) => ({
        seat: p.id,
        name: p.name,
        messages: all.filter((m) => m.seat === p.id).map(({ session: _session, ...m }) => m),
      })),
      log: t
        ? renderTranscript(this.scenarioIn(this.teacherLang), eventsOf(t.table.state()), {
            withPrivate: true,
            phrases: logPhrasesFor(this.teacherPage),
          })
            .split('\n')
            .filter((line) => line.trim() !== '')
        : [],
    };
  }

  /** The debrief of a table whose game has ended (every side's reasons: for the teacher only). */
  debrief(index: number): TableDebrief {
    const t = this.tables[index];
    if (!t) throw new ClassError('not.found', `table ${index + 1} has not started`);
    const state = t.table.state();
    if (state.status !== 'ended' || !state.outcome)
      throw new ClassError('wrong.state', `the game at table ${index + 1} has not ended yet`);
    const scenario = this.scenarioIn(this.teacherLang);
    return { ...buildDebrief(scenario, state), names: scenarioNames(scenario) };
  }

  private conn(t: LiveTable, seat: string): SeatConnection {
    let c = t.conns.get(seat);
    if (!c) {
      c = t.table.connect(seat);
      t.conns.set(seat, c);
    }
    return c;
  }

  /** Builds a running table from its stored intents (and its latest snapshot). */
  buildTable(rec: TableRecord, stored: IntentRecord[]): LiveTable {
    const snap = this.store.snapshot(this.id, rec.index);
    let snapshot: { game: GameState; count: number } | undefined;
    if (snap && snap.count <= stored.length)
      snapshot = { game: JSON.parse(snap.state) as GameState, count: snap.count };
    const intents = stored.map((r) => r.intent);
    let table: LocalTable;
    try {
      table = createLocalTable({
        scenario: this.scenario,
        seed: rec.seed,
        intents,
        turnSeconds: this.record.turnSeconds,
        ...(snapshot ? { snapshot } : {}),
        ...(this.room.clock ? { clock: this.room.clock } : {}),
      });
    } catch (error) {
      if (!snapshot) throw error;
      this.room.log(
        `table ${rec.index + 1}: the snapshot did not resume (${(error as Error).message}); replaying`,
      );
      table = createLocalTable({
        scenario: this.scenario,
        seed: rec.seed,
        intents,
        turnSeconds: this.record.turnSeconds,
      });
    }
    const t: LiveTable = {
      index: rec.index,
      seed: rec.seed,
      table,
      conns: new Map(),
      ai: new Map(),
      persisted: stored.length,
      queued: stored.length,
      seats: new Map(),
      seqInLog: table.state().seq,
      idToSeq: new Map(stored.map((r) => [r.intentId, r.seq])),
      pendingId: null,
      turnStartedAt: this.room.now(),
      turnKey: turnKey(table.state()),
      turnLimitMs: null,
      failure: null,
      off: () => {},
    };
    for (const p of this.scenario.parties) this.conn(t, p.id).acknowledgeBrief();
    t.off = table.onChange((all) => this.persist(t, all));
    if (this.state === 'paused') table.actor.send({ type: 'session.paused' });
    return t;
  }

  /** Hands the engine's new intents to the store's batch for this tick. A student's or an AI's intent is committed
   * with the rest of its tick (one commit for many tables); the clock's and the teacher's at once. The views are
   * pushed, and the student's move acknowledged, only after the commit (see Classroom.flushNow). */
  private persist(t: LiveTable, all: Intent[]): void {
    const state = t.table.state();
    let now = false;
    while (t.queued < all.length) {
      const seq = t.queued + 1;
      const intent = all[seq - 1] as Intent;
      const last = seq === all.length;
      const events = last ? eventsOf(state).slice(t.seqInLog) : [];
      const source =
        intent.type === 'turn.timeout' ? 'clock' : intent.seat === DIRECTOR ? 'teacher' : `ai-${intent.seat}`;
      if (t.pendingId === null && (source === 'clock' || source === 'teacher')) now = true;
      const intentId = t.pendingId ?? `server:${source}:${seq}`;
      t.pendingId = null;
      const every = this.room.snapshotEvery;
      const snapshot = last && seq % every === 0 ? { count: seq, state: JSON.stringify(state) } : undefined;
      this.room.enqueue(this, t, {
        session: this.id,
        table: t.index,
        record: { seq, intentId, intent, events, at: this.room.now() },
        snapshot,
      });
      t.queued = seq;
      t.idToSeq.set(intentId, seq);
      if (last) t.seqInLog = state.seq;
    }
    // The clock starts again only when the floor passes (the session machine's timer does the same).
    const key = turnKey(state);
    if (key !== t.turnKey) {
      t.turnKey = key;
      t.turnStartedAt = this.room.now();
      t.turnLimitMs = null;
    }
    this.room.touch(this, t);
    if (now) this.room.flushNow();
  }

  /** After a commit that held some of this table's intents (or a change without one): AI off an ended game, and
   * the table's views pushed once for the whole tick. */
  settled(t: LiveTable): void {
    if (t.table.state().status === 'ended') this.syncAi(t);
    this.room.emit({ kind: 'table', session: this.id, table: t.index });
  }

  start(): void {
    if (this.state !== 'lobby')
      throw new ClassError('wrong.state', `the session is ${this.state}, not in its lobby`);
    const records: TableRecord[] = [];
    for (let i = 0; i < this.record.tables; i++)
      records.push({ session: this.id, index: i, seed: randomBytes(6).toString('hex') });
    this.store.createTables(records);
    this.setState('running');
    for (const r of records) this.tables.push(this.buildTable(r, []));
    for (const t of this.tables) this.syncAi(t);
    this.room.emit({ kind: 'lobby', session: this.id });
    for (const t of this.tables) this.room.emit({ kind: 'table', session: this.id, table: t.index });
  }

  pause(): void {
    if (this.state !== 'running')
      throw new ClassError('wrong.state', `the session is ${this.state}, not running`);
    this.setState('paused');
    for (const t of this.tables) {
      t.table.actor.send({ type: 'session.paused' });
      this.syncAi(t);
    }
    this.everything();
  }

  resume(): void {
    if (this.state !== 'paused')
      throw new ClassError('wrong.state', `the session is ${this.state}, not paused`);
    this.setState('running');
    for (const t of this.tables) {
      t.table.actor.send({ type: 'session.resumed' });
      t.turnStartedAt = this.room.now();
      this.syncAi(t);
    }
    this.everything();
  }

  end(): void {
    if (this.state === 'ended') return;
    this.setState('ended');
    for (const t of this.tables) {
      this.syncAi(t);
      t.table.actor.send({ type: 'session.paused' });
    }
    this.everything();
  }

  /** A scenario event now, at one table or at all: each table's refusal (already happened, game over) is named. */
  inject(
    table: number | null,
    eventId: string,
  ): { injected: number[]; refused: Array<{ table: number; message: string }> } {
    if (this.state !== 'running')
      throw new ClassError('wrong.state', `the session is ${this.state}, not running`);
    if (!this.scenario.events.some((e) => e.id === eventId))
      throw new ClassError('not.found', `no event "${eventId}" in this scenario`);
    if (table !== null && !this.tables[table])
      throw new ClassError('not.found', `there are ${this.record.tables} tables`);
    const targets = table === null ? this.tables : [this.tables[table] as LiveTable];
    const injected: number[] = [];
    const refused: Array<{ table: number; message: string }> = [];
    for (const t of targets) {
      const before = t.queued;
      const intent: Intent = { v: 1, seat: DIRECTOR, type: 'event.inject', event: eventId };
      t.table.actor.send({ type: 'intent.submitted', intent });
      if (t.queued > before && !t.failure) injected.push(t.index);
      else
        refused.push({
          table: t.index,
          message: t.table.actor.getSnapshot().context.lastError?.message ?? 'refused',
        });
    }
    return { injected, refused };
  }

  /** AI back on the empty seats (after the session was loaded). */
  resumeAi(): void {
    for (const t of this.tables) if (t) this.syncAi(t);
  }

  private everything() {
    this.room.emit({ kind: 'lobby', session: this.id });
    for (const t of this.tables) this.room.emit({ kind: 'table', session: this.id, table: t.index });
  }

  /** Stops timers and AI (the server is shutting down, or a test is done). */
  shutdown(): void {
    for (const t of this.tables) {
      for (const stop of t.ai.values()) stop();
      t.ai.clear();
      t.off();
      t.table.close();
    }
  }

  // ---- a student's moves and view

  private seatOf(
    studentId: string,
    claimed: string | undefined,
  ): { s: StudentRecord; t: LiveTable; seat: string } {
    const s = this.studentOrThrow(studentId);
    if (s.table === null || s.seat === null) throw new ClassError('wrong.state', 'you have no seat yet');
    if (claimed !== undefined && claimed !== s.seat)
      throw new ClassError('forbidden', 'you may only see and act for your own seat');
    const t = this.tables[s.table];
    if (!t) throw new ClassError('wrong.state', 'the game has not started yet');
    return { s, t, seat: s.seat };
  }

  /** Each state's views, by seat and language: a seat's push and the teacher's dashboard read the same view of one
   * state. */
  private readonly views = new WeakMap<GameState, Map<string, SeatView>>();

  /** A seat's (or the director's) view of a table's current state in a language key, computed once per state. */
  viewOf(t: LiveTable, seat: string, lang = ''): SeatView {
    const state = t.table.state();
    let bySeat = this.views.get(state);
    if (!bySeat) {
      bySeat = new Map();
      this.views.set(state, bySeat);
    }
    const key = `${seat}\u0000${lang}`;
    let view = bySeat.get(key);
    if (!view) {
      view = viewFor(this.scenarioIn(lang), state, seat);
      bySeat.set(key, view);
    }
    return view;
  }

  /** A seat's update as it is now in a language key (not yet versioned). */
  private freshUpdate(t: LiveTable, seat: string, lang: string): Omit<SeatUpdate, 'version'> {
    const c = this.conn(t, seat);
    const view = this.viewOf(t, seat, lang);
    const running = this.state === 'running' && view.status === 'negotiating';
    return {
      view,
      phase: c.phase(),
      state: this.state,
      deadline:
        running && this.record.turnSeconds !== null
          ? t.turnStartedAt + (t.turnLimitMs ?? this.record.turnSeconds * 1000)
          : null,
    };
  }

  /** A seat's view after a change: the patch from the version its students hold (null when nothing changed, or
   * when no version was sent before), and the whole update. Computed once per seat, for every member of its team. */
  seatChange(
    index: number,
    seat: string,
    lang = '',
  ): { update: SeatUpdate; patch: SeatPatch | null; created: boolean } | null {
    const t = this.tables[index];
    if (!t) return null;
    const next = this.freshUpdate(t, seat, lang);
    // Versions per seat and language: a team whose members read different languages gets one line of each.
    const key = `${seat}\u0000${lang}`;
    const before = t.seats.get(key);
    if (!before) {
      const update = { version: 1, ...next };
      t.seats.set(key, update);
      return { update, patch: null, created: true };
    }
    const patch = diffUpdate(before, next);
    if (!patch) return { update: before, patch: null, created: false };
    const update = { ...next, version: patch.version };
    t.seats.set(key, update);
    return { update, patch, created: false };
  }

  /** The whole update of a student's seat (after a reload, or when a patch did not apply). Committed state only. */
  seatUpdate(studentId: string, claimed?: string): SeatUpdate {
    const { t, seat } = this.seatOf(studentId, claimed);
    if (this.room.pendingFor(this, t)) this.room.flushNow();
    const change = this.seatChange(t.index, seat, this.langOf(studentId));
    return (change as { update: SeatUpdate }).update;
  }

  async submit(
    studentId: string,
    intentId: string,
    move: Move,
    claimed?: string,
  ): Promise<{ seq: number; duplicate: boolean }> {
    const { s, t, seat } = this.seatOf(studentId, claimed);
    const known = t.idToSeq.get(intentId);
    if (known !== undefined) {
      if (known > t.persisted) await this.room.committed();
      if (known > t.persisted) throw new ClassError('internal', 'the move could not be stored');
      return { seq: known, duplicate: true };
    }
    if (this.state !== 'running')
      throw new ClassError(
        'wrong.state',
        this.state === 'paused' ? 'the teacher has paused the game' : `the session is ${this.state}`,
      );
    if (!this.holdsPen(s))
      throw new ClassError('forbidden', 'another member of your delegation holds the pen');
    if (this.aiTaken.has(`${t.index}:${seat}`))
      throw new ClassError('forbidden', 'the AI plays your seat now; your teacher can hand it back');
    if (t.failure)
      throw new ClassError('internal', 'this table cannot store moves right now; tell your teacher');
    const before = t.queued;
    t.pendingId = intentId;
    const pending = this.conn(t, seat).send(move);
    t.pendingId = null;
    const r = await pending;
    if (!r.ok) throw new ClassError('refused', r.error.message, r.error.code);
    const seq = t.idToSeq.get(intentId);
    if (seq === undefined || t.queued <= before)
      throw new ClassError('internal', 'the move could not be stored');
    // Acknowledged only once committed: the batch of this tick is written before the answer goes out.
    if (seq > t.persisted) await this.room.committed();
    if (t.failure || seq > t.persisted) throw new ClassError('internal', 'the move could not be stored');
    return { seq, duplicate: false };
  }

  status(studentId: string): StudentStatus {
    const s = this.studentOrThrow(studentId);
    const scenario = this.scenarioIn(this.langOf(studentId));
    const party = s.seat ? scenario.parties.find((p) => p.id === s.seat) : undefined;
    return {
      session: this.id,
      code: this.record.code,
      scenarioTitle: scenario.meta.title,
      student: s.id,
      nickname: s.nickname,
      state: this.state,
      table: s.table,
      seat: s.seat,
      seatName: party?.name ?? null,
      pen: this.holdsPen(s),
      teammates:
        s.table !== null && s.seat !== null
          ? this.team(s.table, s.seat)
              .filter((m) => m.id !== s.id)
              .map((m) => m.nickname)
          : [],
      aiSeats:
        s.table !== null
          ? this.scenario.parties.filter((p) => this.aiPlays(s.table ?? 0, p.id)).map((p) => p.id)
          : [],
      aiPlaying: s.table !== null && s.seat !== null && this.aiTaken.has(`${s.table}:${s.seat}`),
    };
  }

  // ---- the teacher's view and exports

  dashboard(): Dashboard {
    // A table's summary changes with its moves, its students (seats, names, online) and the session's state: the
    // others are reused, so a dashboard of many tables costs the tables that moved.
    // Each table's key holds only its own students and AI seats, so comparing it costs that table's few students.
    const rosters = new Map<number, string>();
    for (const s of this.students.values()) {
      if (s.table === null) continue;
      const online = (this.online.get(s.id) ?? 0) > 0;
      rosters.set(
        s.table,
        `${rosters.get(s.table) ?? ''}|${s.id}:${s.seat}:${s.seatedAt}:${s.joinedAt}:${s.nickname}:${online}`,
      );
    }
    for (const key of this.aiTaken) {
      const table = Number(key.slice(0, key.indexOf(':')));
      rosters.set(table, `${rosters.get(table) ?? ''}|ai:${key}`);
    }
    // In the teacher's language: the scenario's names and titles as the teacher's page reads them.
    const lang = this.teacherLang;
    const scenario = this.scenarioIn(lang);
    const tables: DashboardTable[] = [];
    for (let i = 0; i < this.record.tables; i++) {
      const t = this.tables[i];
      const key = `${lang}:${this.state}:${t ? `${t.persisted}:${t.queued}:${t.table.state().status}` : '-'}#${rosters.get(i) ?? ''}`;
      const cached = this.summaries.get(i);
      if (cached && cached.key === key) {
        tables.push(cached.value);
        continue;
      }
      const value = this.tableSummary(i, lang);
      this.summaries.set(i, { key, value });
      tables.push(value);
    }
    return {
      session: this.id,
      code: this.record.code,
      scenario: { id: scenario.meta.id, title: scenario.meta.title },
      state: this.state,
      turnSeconds: this.record.turnSeconds,
      difficulty: this.record.difficulty,
      lobby: [...this.students.values()]
        .sort((a, b) => a.joinedAt - b.joinedAt)
        .map((s) => ({
          id: s.id,
          nickname: s.nickname,
          online: (this.online.get(s.id) ?? 0) > 0,
          table: s.table,
          seat: s.seat,
        })),
      events: scenario.events.map((e) => ({ id: e.id, title: e.title })),
      tables,
    };
  }

  /** A table's summary, its names in a language key's words (the scenario's own for exports). */
  tableSummary(index: number, lang = ''): DashboardTable {
    const t = this.tables[index];
    const scenario = this.scenarioIn(lang);
    const seatsOf = () =>
      scenario.parties.map((p) => {
        const team = this.team(index, p.id);
        return {
          seat: p.id,
          name: p.name,
          students: team.map((s, n) => ({
            id: s.id,
            nickname: s.nickname,
            pen: n === 0,
            online: (this.online.get(s.id) ?? 0) > 0,
          })),
          ai: team.length === 0 || this.aiTaken.has(`${index}:${p.id}`),
          aiTakenOver: team.length > 0 && this.aiTaken.has(`${index}:${p.id}`),
          signed: false,
          utility: 0,
          reservation: this.scenario.profiles[p.id]?.reservation.value ?? 0,
          blocks: [] as DashboardSeat['blocks'],
          score: null as number | null,
        };
      });
    if (!t) {
      return {
        index,
        status: 'waiting',
        meeting: '',
        meetingDate: '',
        meetingIndex: 0,
        meetingsLeft: 0,
        textVersion: 0,
        speaker: null,
        packages: [],
        seats: seatsOf(),
        outcome: null,
        moves: 0,
        fired: [],
      };
    }
    const state = t.table.state();
    const director = this.viewOf(t, DIRECTOR, lang);
    const seats = seatsOf().map((seat) => {
      const v = this.viewOf(t, seat.seat, lang);
      const result = state.outcome?.results.find((r) => r.party === seat.seat);
      return {
        ...seat,
        signed: state.signatures[seat.seat] === state.textVersion,
        utility: result?.utility ?? v.score?.discounted ?? 0,
        reservation: v.me?.reservation ?? seat.reservation,
        blocks: [
          ...(v.me?.redLines ?? [])
            .filter((r) => r.crossedNow)
            .map((r) => ({ kind: 'red-line' as const, name: r.description })),
          ...(v.me?.mandate ?? [])
            .filter((m) => m.shareNow < m.minimum)
            .map((m) => ({
              kind: 'mandate' as const,
              name: director.packages.find((p) => p.id === m.package)?.name ?? m.package,
            })),
          ...director.packages
            .filter((p) => p.rejectedBy.includes(seat.seat))
            .map((p) => ({ kind: 'rejects' as const, name: p.name })),
        ],
        score: result?.score ?? null,
      };
    });
    return {
      index,
      status: state.status,
      meeting: director.meeting.venue,
      meetingDate: director.meeting.date,
      meetingIndex: director.meeting.index,
      meetingsLeft: director.meetingsLeft,
      textVersion: state.textVersion,
      speaker: director.speaker,
      packages: director.packages.map((p) => ({
        id: p.id,
        name: p.name,
        agreed: p.agreed,
        acceptedBy: p.acceptedBy,
        rejectedBy: p.rejectedBy,
      })),
      seats,
      outcome: state.outcome ? state.outcome.kind : null,
      moves: t.persisted,
      fired: [...state.firedEvents],
    };
  }

  /** Every table's outcome, scores and full log: the JSON export. */
  exportJson(): unknown {
    return {
      format: 'shuttle-diplomacy-class/1',
      session: this.id,
      code: this.record.code,
      scenario: { id: this.scenario.meta.id, title: this.scenario.meta.title },
      state: this.state,
      exportedAt: new Date(this.room.now()).toISOString(),
      tables: Array.from({ length: this.record.tables }, (_, i) => {
        const t = this.tables[i];
        const summary = this.tableSummary(i);
        const stored = t ? this.store.intents(this.id, i) : [];
        return {
          table: i + 1,
          seed: t?.seed ?? null,
          status: summary.status,
          outcome: t?.table.state().outcome ?? null,
          seats: summary.seats.map((s) => ({
            seat: s.seat,
            name: s.name,
            players: [...s.students.map((m) => m.nickname), ...(s.ai ? ['AI'] : [])],
            utility: s.utility,
            reservation: s.reservation,
            score: s.score,
          })),
          intents: stored.map((r) => ({
            seq: r.seq,
            id: r.intentId,
            at: new Date(r.at).toISOString(),
            intent: r.intent,
          })),
          log: t ? eventsOf(t.table.state()) : [],
        };
      }),
    };
  }

  /** One row per table and seat: the CSV export. */
  exportCsv(): string {
    const header = [
      'session',
      'table',
      'seed',
      'seat',
      'party',
      'players',
      'status',
      'outcome',
      'text_version',
      'meetings_elapsed',
      'utility',
      'reservation',
      'score_percent',
      'beat_reservation',
      'moves',
    ];
    const rows: string[][] = [header];
    for (let i = 0; i < this.record.tables; i++) {
      const t = this.tables[i];
      const summary = this.tableSummary(i);
      const state = t?.table.state();
      for (const s of summary.seats) {
        const result = state?.outcome?.results.find((r) => r.party === s.seat);
        rows.push([
          this.record.code,
          String(i + 1),
          t?.seed ?? '',
          s.seat,
          s.name,
          [...s.students.map((m) => m.nickname), ...(s.ai ? ['AI'] : [])].join('; '),
          summary.status,
          state?.outcome?.kind ?? '',
          String(state?.textVersion ?? ''),
          String(state?.meetingsElapsed ?? ''),
          String(s.utility),
          String(s.reservation),
          result ? String(result.score) : '',
          result ? String(result.beatReservation) : '',
          String(summary.moves),
        ]);
      }
    }
    return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }
}

/** Whether two JSON-like values are equal (the same object counts at once: views share the scenario's parts). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** The patch from `before` to `next`, or null when nothing changed. The log only grows: its new entries are sent
 * (its earlier entries are the same objects, the engine's seat log being append-only); anything else whole. A view
 * always has the same fields (SeatView), so none ever goes away. */
export function diffUpdate(before: SeatUpdate, next: Omit<SeatUpdate, 'version'>): SeatPatch | null {
  const a = before.view as Record<string, unknown>;
  const b = next.view as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  let changed =
    before.phase !== next.phase || before.state !== next.state || before.deadline !== next.deadline;
  let log: SeatPatch['log'];
  for (const key of Object.keys(b)) {
    const x = a[key];
    const y = b[key];
    if (key === 'log' && Array.isArray(x) && Array.isArray(y)) {
      let prefix = x.length <= y.length;
      for (let i = 0; prefix && i < x.length; i++) if (x[i] !== y[i] && !sameJson(x[i], y[i])) prefix = false;
      if (!prefix) {
        set[key] = y;
        changed = true;
      } else if (y.length > x.length) {
        log = { from: x.length, entries: y.slice(x.length) };
        changed = true;
      }
      continue;
    }
    if (!sameJson(x, y)) {
      set[key] = y;
      changed = true;
    }
  }
  if (!changed) return null;
  return {
    base: before.version,
    version: before.version + 1,
    phase: next.phase,
    state: next.state,
    deadline: next.deadline,
    set,
    ...(log ? { log } : {}),
  };
}

/** A CSV cell: quoted when needed; a leading =, +, - or @ is escaped so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export class Classroom {
  readonly store: ClassStore;
  readonly scenarios: Map<string, Scenario>;
  readonly now: () => number;
  readonly aiDelayMs: number;
  readonly snapshotEvery: number;
  readonly log: (line: string) => void;
  readonly clock: ClassroomOptions['clock'];
  private readonly sessions = new Map<string, ClassSession>();
  private readonly byCode = new Map<string, ClassSession>();
  private readonly byTeacher = new Map<string, ClassSession>();
  private readonly byStudentToken = new Map<string, { session: ClassSession; student: string }>();
  private readonly listeners = new Set<(change: ClassChange) => void>();
  /** This tick's intents, waiting for one commit, and the tables they (or other changes) touched. */
  private queue: Array<{ t: LiveTable; item: AppendItem }> = [];
  private dirty = new Map<LiveTable, ClassSession>();
  private flushTimer: NodeJS.Immediate | null = null;
  private flushed: { promise: Promise<void>; done: () => void } | null = null;
  /** Commits waiting for the disk before their views are pushed and their moves acknowledged. */
  private readonly syncing = new Set<Promise<void>>();

  constructor(options: ClassroomOptions) {
    this.store = options.store;
    this.scenarios = options.scenarios;
    this.now = options.now ?? (() => Date.now());
    this.aiDelayMs = options.aiDelayMs ?? 600;
    this.snapshotEvery = options.snapshotEvery ?? 25;
    this.log = options.log ?? ((line) => console.error(line));
    this.clock = options.clock;
  }

  /** Adds an intent to this tick's batch. */
  enqueue(session: ClassSession, t: LiveTable, item: AppendItem): void {
    this.queue.push({ t, item });
    this.touch(session, t);
  }

  /** Marks a table changed: its views are pushed after this tick's commit. */
  touch(session: ClassSession, t: LiveTable): void {
    this.dirty.set(t, session);
    this.flushTimer ??= setImmediate(() => this.flushNow());
  }

  /** Whether a table has intents not yet committed. */
  pendingFor(_session: ClassSession, t: LiveTable): boolean {
    return t.queued > t.persisted && this.queue.some((q) => q.t === t);
  }

  /** Settles once everything queued now is committed (or has failed: the tables say so). */
  committed(): Promise<void> {
    if (this.queue.length === 0 && this.dirty.size === 0)
      return this.syncing.size > 0 ? Promise.all([...this.syncing]).then(() => {}) : Promise.resolve();
    if (!this.flushed) {
      let done = () => {};
      const promise = new Promise<void>((r) => {
        done = r;
      });
      this.flushed = { promise, done };
    }
    return this.flushed.promise;
  }

  /** Commits this tick's intents in one transaction (a failing table's on their own, so the others still commit);
   * once the commit is on disk (one fsync for every commit so far, off the event loop), pushes the changed tables'
   * views and settles the moves waiting for their acknowledgement. */
  flushNow(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    const batch = this.queue;
    const dirty = this.dirty;
    const flushed = this.flushed;
    this.queue = [];
    this.dirty = new Map();
    this.flushed = null;
    const committed = new Map<LiveTable, number>();
    if (batch.length > 0) {
      try {
        this.store.appendIntents(batch.map((b) => b.item));
        for (const b of batch) committed.set(b.t, b.item.record.seq);
      } catch {
        const byTable = new Map<LiveTable, AppendItem[]>();
        for (const b of batch) {
          const list = byTable.get(b.t) ?? [];
          list.push(b.item);
          byTable.set(b.t, list);
        }
        for (const [t, items] of byTable) {
          try {
            this.store.appendIntents(items);
            committed.set(t, (items.at(-1) as AppendItem).record.seq);
          } catch (error) {
            t.failure = (error as Error).message;
            this.log(`table ${t.index + 1}: an intent could not be stored: ${t.failure}`);
          }
        }
      }
    }
    const settle = () => {
      for (const [t, session] of dirty) {
        try {
          session.settled(t);
        } catch (error) {
          this.log(`table ${t.index + 1}: ${(error as Error).message}`);
        }
      }
      flushed?.done();
    };
    if (committed.size === 0) {
      settle();
      return;
    }
    const done = this.store.durable().then(
      () => {
        for (const [t, seq] of committed) if (seq > t.persisted) t.persisted = seq;
        settle();
      },
      (error: unknown) => {
        for (const t of committed.keys()) {
          t.failure = `the disk did not take the moves: ${(error as Error).message}`;
          this.log(`table ${t.index + 1}: ${t.failure}`);
        }
        settle();
      },
    );
    this.syncing.add(done);
    void done.finally(() => this.syncing.delete(done));
  }

  onChange(listener: (change: ClassChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ClassChange): void {
    // Views are pushed from committed state only: a table's change first commits this tick's intents.
    if (change.kind === 'table' && this.queue.length > 0) this.flushNow();
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (error) {
        this.log(`a change listener failed: ${(error as Error).message}`);
      }
    }
  }

  catalogue(): CatalogueItem[] {
    return [...this.scenarios.values()].map((s) => ({
      id: s.meta.id,
      title: s.meta.title,
      parties: s.parties.map((p) => ({ id: p.id, name: p.name })),
    }));
  }

  private newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
      if (!this.byCode.has(code)) return code;
    }
  }

  create(input: {
    scenario: string;
    tables: number;
    turnSeconds: number | null;
    difficulty: SessionRecord['difficulty'];
  }): CreatedSession {
    const scenario = this.scenarios.get(input.scenario);
    if (!scenario) throw new ClassError('not.found', `no scenario "${input.scenario}" on this server`);
    if (this.sessions.size >= 200)
      throw new ClassError('refused', 'this server runs as many sessions as it can');
    const teacherToken = newToken();
    const record: SessionRecord = {
      id: `c${randomBytes(8).toString('hex')}`,
      code: this.newCode(),
      teacherHash: hashToken(teacherToken),
      scenarioId: scenario.meta.id,
      tables: input.tables,
      turnSeconds: input.turnSeconds,
      difficulty: input.difficulty,
      state: 'lobby',
      createdAt: this.now(),
    };
    this.store.createSession(record);
    this.add(new ClassSession(this, record, scenario));
    return { session: record.id, teacherToken, code: record.code };
  }

  private add(session: ClassSession): void {
    this.sessions.set(session.id, session);
    if (session.state !== 'ended') this.byCode.set(session.record.code, session);
    this.byTeacher.set(session.record.teacherHash, session);
  }

  indexStudent(s: StudentRecord, session: ClassSession): void {
    this.byStudentToken.set(s.tokenHash, { session, student: s.id });
  }

  unindexStudent(s: StudentRecord): void {
    this.byStudentToken.delete(s.tokenHash);
  }

  session(id: string): ClassSession | undefined {
    return this.sessions.get(id);
  }

  /** The session a teacher's token opens (loaded from the store if it ended before a restart). */
  teacher(token: string): ClassSession {
    const hash = hashToken(token);
    const live = this.byTeacher.get(hash);
    if (live) return live;
    const record = this.store.sessionByTeacher(hash);
    if (!record) throw new ClassError('unauthorized', 'this teacher link is not valid on this server');
    return this.load(record);
  }

  join(
    code: string,
    nickname: string | undefined,
    token?: string,
    lang?: string,
  ): { session: ClassSession; joined: Joined } {
    const session = this.byCode.get(code);
    if (!session || session.state === 'ended')
      throw new ClassError('not.found', 'no class session has this code; check it with your teacher');
    return { session, joined: session.join(nickname, token, lang) };
  }

  /** The student a token opens, if any. */
  studentByToken(token: string): { session: ClassSession; student: string } | undefined {
    return this.byStudentToken.get(hashToken(token));
  }

  resume(token: string): { session: ClassSession; student: string } {
    const hit = this.byStudentToken.get(hashToken(token));
    if (!hit)
      throw new ClassError(
        'unauthorized',
        'this seat is no longer valid (the session ended or you were removed)',
      );
    if (hit.session.state === 'ended') throw new ClassError('wrong.state', 'this class session has ended');
    return hit;
  }

  private load(record: SessionRecord): ClassSession {
    const scenario = this.scenarios.get(record.scenarioId);
    if (!scenario)
      throw new ClassError('not.found', `the scenario "${record.scenarioId}" is not on this server`);
    const session = new ClassSession(this, record, scenario);
    for (const s of this.store.students(record.id)) {
      session.students.set(s.id, s);
      if (record.state !== 'ended') this.indexStudent(s, session);
    }
    for (const a of this.store.aiSeats(record.id)) session.aiTaken.add(`${a.table}:${a.seat}`);
    for (const t of this.store.tables(record.id))
      session.tables[t.index] = session.buildTable(t, this.store.intents(record.id, t.index));
    // An extension given in the turn the server stopped in holds again (its clock starts again at the restart):
    // the turn it was given in (the state after its first `count` intents) is still the turn now.
    for (const x of this.store.extensions(record.id)) {
      const t = session.tables[x.table];
      if (t?.table.state().status !== 'negotiating' || x.count > t.queued) continue;
      if (x.count !== t.queued) {
        const then = replay(scenario, t.seed, t.table.intents().slice(0, x.count));
        if (turnKey(then) !== t.turnKey) continue;
      }
      t.table.actor.send({ type: 'turn.extend', ms: x.ms });
      t.turnLimitMs = x.ms;
    }
    this.add(session);
    return session;
  }

  /** Loads every session that had not ended, as the store holds it (after a restart, even a kill -9). */
  restore(): number {
    let n = 0;
    for (const record of this.store.openSessions()) {
      if (this.sessions.has(record.id)) continue;
      try {
        const session = this.load(record);
        session.resumeAi();
        n++;
      } catch (error) {
        this.log(`class session ${record.code} could not be resumed: ${(error as Error).message}`);
      }
    }
    return n;
  }

  shutdown(): void {
    this.flushNow();
    for (const s of this.sessions.values()) s.shutdown();
  }
}
