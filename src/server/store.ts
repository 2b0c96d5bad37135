// The classroom store: what a class session needs to survive a restart. Sessions, students (with their seats),
// tables, and per table an append-only log of intents (each with the events it produced) and periodic snapshots.
// SQLite (sqlite-store.ts) is the embedded default; another database implements the same interface.
import type { Intent } from '../engine/intents';
import type { GameEvent } from '../engine/state';
import type { SessionStateName } from '../protocol';

export interface SessionRecord {
  id: string;
  code: string;
  /** SHA-256 of the teacher's token, hex; the token itself is never stored. */
  teacherHash: string;
  scenarioId: string;
  tables: number;
  turnSeconds: number | null;
  difficulty: 'easy' | 'medium' | 'hard';
  state: SessionStateName;
  createdAt: number;
}

export interface StudentRecord {
  id: string;
  session: string;
  /** SHA-256 of the student's seat token, hex. */
  tokenHash: string;
  nickname: string;
  table: number | null;
  seat: string | null;
  /** When the student joined its seat's team: the earliest holds the pen. */
  seatedAt: number | null;
  joinedAt: number;
}

export interface TableRecord {
  session: string;
  index: number;
  seed: string;
}

export interface IntentRecord {
  seq: number;
  intentId: string;
  intent: Intent;
  events: GameEvent[];
  at: number;
}

export interface SnapshotRecord {
  /** How many intents the snapshot's state has applied. */
  count: number;
  state: string;
}

export interface ChatRecord {
  session: string;
  channel: 'team' | 'class';
  table: number | null;
  seat: string | null;
  from: string;
  nickname: string;
  text: string;
  at: number;
}

export interface AppendItem {
  session: string;
  table: number;
  record: IntentRecord;
  snapshot?: SnapshotRecord | undefined;
}

export interface ClassStore {
  createSession(session: SessionRecord): void;
  setSessionState(id: string, state: SessionStateName): void;
  /** Every session not ended, oldest first. */
  openSessions(): SessionRecord[];
  session(id: string): SessionRecord | undefined;
  /** The session a teacher's token (by its hash) opens, ended or not. */
  sessionByTeacher(teacherHash: string): SessionRecord | undefined;
  putStudent(student: StudentRecord): void;
  /** Several students in one transaction (auto-assignment seats a whole class at once). */
  putStudents(students: StudentRecord[]): void;
  deleteStudent(session: string, id: string): void;
  students(session: string): StudentRecord[];
  createTables(tables: TableRecord[]): void;
  tables(session: string): TableRecord[];
  /** Appends one intent and its events, and a snapshot when given, in one transaction: once this returns, they are
   * committed. Throws if `seq` is not the next in the table's log or the intent id was used before. */
  appendIntent(session: string, table: number, record: IntentRecord, snapshot?: SnapshotRecord): void;
  /** Appends many intents (of any tables, each table's in order) in one transaction: all are committed when this
   * returns, or none (it throws as appendIntent does). One commit for every intent of an event-loop tick. */
  appendIntents(batch: AppendItem[]): void;
  intents(session: string, table: number): IntentRecord[];
  /** Stores a chat line; answers its id (increasing). */
  appendChat(message: ChatRecord): number;
  /** A session's chat lines, oldest first. */
  chat(session: string): Array<ChatRecord & { id: number }>;
  /** The seats the teacher gave to the AI although students sit there. */
  setAiSeat(session: string, table: number, seat: string, ai: boolean): void;
  aiSeats(session: string): Array<{ table: number; seat: string }>;
  /** The teacher's latest extension of a speaker's time at a table: `count` is how many intents the table's log
   * held then (the extension lasts until the next one), `ms` the time given. */
  setExtension(session: string, table: number, count: number, ms: number): void;
  extensions(session: string): Array<{ table: number; count: number; ms: number }>;
  /** The latest snapshot of a table, if any. */
  snapshot(session: string, table: number): SnapshotRecord | undefined;
  /** Settles once every write made so far is on disk (the writes themselves are committed when they return: they
   * survive a crash of the server; this waits for the disk, off the event loop). Clients are answered after it. */
  durable(): Promise<void>;
  close(): void;
}
