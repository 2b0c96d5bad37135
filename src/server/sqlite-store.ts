// The classroom store in SQLite (better-sqlite3, WAL): one file under DATA_DIR. Writes are synchronous and each
// batch of intents (every intent of one event-loop tick) is one transaction. A commit is in the write-ahead log at
// once (it survives a crash or kill -9 of the server); `durable()` then fsyncs that log on libuv's thread pool, so the
// event loop never waits for the disk, and one fsync covers every commit before it (group commit). The server
// answers a client only after `durable()`, so whatever it acknowledged is on disk, as with synchronous=FULL.
// Checkpoints (copying the log into the database file and fsyncing it) run on a worker thread with its own connection:
// run by the committing connection, as SQLite does by default, one commit in a few hundred waited for two fsyncs on the
// event loop (0.5 s under a busy disk), and every client waited with it.
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Intent } from '../engine/intents';
import type { GameEvent } from '../engine/state';
import type { SessionStateName } from '../protocol';
import type {
  AppendItem,
  ChatRecord,
  ClassStore,
  IntentRecord,
  SessionRecord,
  SnapshotRecord,
  StudentRecord,
  TableRecord,
} from './store';

const SCHEMA_VERSION = 1;

/** Commits between two checkpoints (a commit of one tick writes a few pages; SQLite's default is 1,000 pages). */
const CHECKPOINT_EVERY = 200;

/** The checkpointer's thread: its own connection to the database, PASSIVE checkpoints (they never block the writer)
 * on each message, an answer when done (null, or the error's message). Plain CommonJS, as an eval'd worker is. */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    // A pass copies the frames committed before it began; the writer starts the log again from its beginning only
    // when every frame has been copied, so passes go on (a few at most) while commits came in during the last one.
    let before = -1;
    for (let pass = 0; pass < 5; pass++) {
      const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
      if (r.log === before && r.checkpointed === r.log) break;
      before = r.log;
    }
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage(String((error && error.message) || error));
  }
});
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  teacher_hash TEXT NOT NULL UNIQUE,
  scenario_id TEXT NOT NULL,
  tables INTEGER NOT NULL,
  turn_seconds INTEGER,
  difficulty TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS students (
  session TEXT NOT NULL REFERENCES sessions(id),
  id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  nickname TEXT NOT NULL,
  table_index INTEGER,
  seat TEXT,
  seated_at INTEGER,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (session, id)
);
CREATE TABLE IF NOT EXISTS game_tables (
  session TEXT NOT NULL REFERENCES sessions(id),
  idx INTEGER NOT NULL,
  seed TEXT NOT NULL,
  PRIMARY KEY (session, idx)
);
CREATE TABLE IF NOT EXISTS intents (
  session TEXT NOT NULL,
  table_index INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  intent_id TEXT NOT NULL,
  intent TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (session, table_index, seq),
  UNIQUE (session, table_index, intent_id)
);
CREATE TABLE IF NOT EXISTS events (
  session TEXT NOT NULL,
  table_index INTEGER NOT NULL,
  intent_seq INTEGER NOT NULL,
  n INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (session, table_index, intent_seq, n)
);
CREATE TABLE IF NOT EXISTS snapshots (
  session TEXT NOT NULL,
  table_index INTEGER NOT NULL,
  count INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (session, table_index, count)
);
CREATE TABLE IF NOT EXISTS chat (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session TEXT NOT NULL,
  channel TEXT NOT NULL,
  table_index INTEGER,
  seat TEXT,
  sender TEXT NOT NULL,
  nickname TEXT NOT NULL,
  text TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS chat_session ON chat (session, id);
CREATE TABLE IF NOT EXISTS ai_seats (
  session TEXT NOT NULL,
  table_index INTEGER NOT NULL,
  seat TEXT NOT NULL,
  PRIMARY KEY (session, table_index, seat)
);
CREATE TABLE IF NOT EXISTS turn_extensions (
  session TEXT NOT NULL,
  table_index INTEGER NOT NULL,
  intent_count INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  PRIMARY KEY (session, table_index)
);
CREATE TRIGGER IF NOT EXISTS intents_append_only BEFORE UPDATE ON intents
  BEGIN SELECT RAISE(ABORT, 'intents are append-only'); END;
CREATE TRIGGER IF NOT EXISTS intents_no_delete BEFORE DELETE ON intents
  BEGIN SELECT RAISE(ABORT, 'intents are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`;

interface SessionRow {
  id: string;
  code: string;
  teacher_hash: string;
  scenario_id: string;
  tables: number;
  turn_seconds: number | null;
  difficulty: string;
  state: string;
  created_at: number;
}
interface StudentRow {
  session: string;
  id: string;
  token_hash: string;
  nickname: string;
  table_index: number | null;
  seat: string | null;
  seated_at: number | null;
  joined_at: number;
}

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  code: r.code,
  teacherHash: r.teacher_hash,
  scenarioId: r.scenario_id,
  tables: r.tables,
  turnSeconds: r.turn_seconds,
  difficulty: r.difficulty as SessionRecord['difficulty'],
  state: r.state as SessionStateName,
  createdAt: r.created_at,
});
const toStudent = (r: StudentRow): StudentRecord => ({
  id: r.id,
  session: r.session,
  tokenHash: r.token_hash,
  nickname: r.nickname,
  table: r.table_index,
  seat: r.seat,
  seatedAt: r.seated_at,
  joinedAt: r.joined_at,
});

/** Opens (or creates) `classroom.sqlite` in `dataDir`. */
export function openSqliteStore(dataDir: string): ClassStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'classroom.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // The log is fsynced by durable(), off the event loop; checkpoints still fsync the database as they copy into it.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new Error(`the classroom database was written by a newer version (schema ${version})`);
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const q = {
    insertSession: db.prepare(
      `INSERT INTO sessions (id, code, teacher_hash, scenario_id, tables, turn_seconds, difficulty, state, created_at)
       VALUES (@id, @code, @teacherHash, @scenarioId, @tables, @turnSeconds, @difficulty, @state, @createdAt)`,
    ),
    setState: db.prepare('UPDATE sessions SET state = ? WHERE id = ?'),
    openSessions: db.prepare(`SELECT * FROM sessions WHERE state != 'ended' ORDER BY created_at, id`),
    session: db.prepare('SELECT * FROM sessions WHERE id = ?'),
    byTeacher: db.prepare('SELECT * FROM sessions WHERE teacher_hash = ?'),
    putStudent: db.prepare(
      `INSERT INTO students (session, id, token_hash, nickname, table_index, seat, seated_at, joined_at)
       VALUES (@session, @id, @tokenHash, @nickname, @table, @seat, @seatedAt, @joinedAt)
       ON CONFLICT (session, id) DO UPDATE SET nickname = excluded.nickname, table_index = excluded.table_index,
         seat = excluded.seat, seated_at = excluded.seated_at`,
    ),
    deleteStudent: db.prepare('DELETE FROM students WHERE session = ? AND id = ?'),
    students: db.prepare('SELECT * FROM students WHERE session = ? ORDER BY joined_at, id'),
    insertTable: db.prepare('INSERT INTO game_tables (session, idx, seed) VALUES (@session, @index, @seed)'),
    tables: db.prepare(
      'SELECT session, idx AS "index", seed FROM game_tables WHERE session = ? ORDER BY idx',
    ),
    lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM intents WHERE session = ? AND table_index = ?'),
    insertIntent: db.prepare(
      'INSERT INTO intents (session, table_index, seq, intent_id, intent, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertEvent: db.prepare(
      'INSERT INTO events (session, table_index, intent_seq, n, event) VALUES (?, ?, ?, ?, ?)',
    ),
    insertSnapshot: db.prepare(
      'INSERT OR REPLACE INTO snapshots (session, table_index, count, state) VALUES (?, ?, ?, ?)',
    ),
    pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE session = ? AND table_index = ? AND count < ?'),
    intents: db.prepare(
      'SELECT seq, intent_id, intent, at FROM intents WHERE session = ? AND table_index = ? ORDER BY seq',
    ),
    events: db.prepare(
      'SELECT intent_seq, event FROM events WHERE session = ? AND table_index = ? ORDER BY intent_seq, n',
    ),
    insertChat: db.prepare(
      `INSERT INTO chat (session, channel, table_index, seat, sender, nickname, text, at)
       VALUES (@session, @channel, @table, @seat, @from, @nickname, @text, @at)`,
    ),
    chat: db.prepare(
      `SELECT id, session, channel, table_index AS "table", seat, sender AS "from", nickname, text, at
       FROM chat WHERE session = ? ORDER BY id`,
    ),
    addAiSeat: db.prepare('INSERT OR IGNORE INTO ai_seats (session, table_index, seat) VALUES (?, ?, ?)'),
    removeAiSeat: db.prepare('DELETE FROM ai_seats WHERE session = ? AND table_index = ? AND seat = ?'),
    setExtension: db.prepare(
      'INSERT OR REPLACE INTO turn_extensions (session, table_index, intent_count, ms) VALUES (?, ?, ?, ?)',
    ),
    extensions: db.prepare(
      'SELECT table_index AS "table", intent_count AS count, ms FROM turn_extensions WHERE session = ? ORDER BY table_index',
    ),
    aiSeats: db.prepare(
      'SELECT table_index AS "table", seat FROM ai_seats WHERE session = ? ORDER BY table_index, seat',
    ),
    snapshot: db.prepare(
      'SELECT count, state FROM snapshots WHERE session = ? AND table_index = ? ORDER BY count DESC LIMIT 1',
    ),
  };

  const append = db.transaction(
    (session: string, table: number, r: IntentRecord, snapshot: SnapshotRecord | undefined) => {
      const last = (q.lastSeq.get(session, table) as { seq: number | null }).seq ?? 0;
      if (r.seq !== last + 1) throw new Error(`intent ${r.seq} is not next after ${last}`);
      q.insertIntent.run(session, table, r.seq, r.intentId, JSON.stringify(r.intent), r.at);
      r.events.forEach((e, n) => {
        q.insertEvent.run(session, table, r.seq, n, JSON.stringify(e));
      });
      if (snapshot) {
        q.insertSnapshot.run(session, table, snapshot.count, snapshot.state);
        // Only the latest is ever read: each holds the whole state, log included.
        q.pruneSnapshots.run(session, table, snapshot.count);
      }
    },
  );

  const appendMany = db.transaction((batch: AppendItem[]) => {
    for (const item of batch) append(item.session, item.table, item.record, item.snapshot);
  });
  const putMany = db.transaction((students: StudentRecord[]) => {
    for (const s of students) q.putStudent.run(s);
  });

  /** Commits so far, and how many of them a finished fsync of the write-ahead log covers. */
  let writes = 0;
  let synced = 0;
  let syncing: Promise<void> | null = null;
  const walPath = join(dataDir, 'classroom.sqlite-wal');
  /** The log stays open for fsyncs: SQLite keeps the same file (resetting it after checkpoints) while it is open. */
  let wal: FileHandle | null = null;
  let closed = false;
  const syncOnce = async () => {
    const upto = writes;
    try {
      // Once closed, the database's close has checkpointed the log into the database file.
      if (!closed) {
        wal ??= await open(walPath, 'r');
        await wal.sync();
      }
    } catch (error) {
      // No log file: everything was checkpointed into the database (which the checkpoint fsynced).
      if (!closed && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    synced = Math.max(synced, upto);
  };
  /** The checkpointer thread, started at the first checkpoint; null until then, or after it failed (then SQLite
   * checkpoints on the committing connection again, as by default). */
  let checkpointer: Worker | null = null;
  let checkpointing = false;
  let onMainThread = false;
  let sinceCheckpoint = 0;
  const checkpointOnMainThread = () => {
    onMainThread = true;
    checkpointing = false;
    db.pragma('wal_autocheckpoint = 1000');
  };
  const checkpoint = () => {
    if (checkpointing || onMainThread || closed) return;
    try {
      if (!checkpointer) {
        const worker = new Worker(CHECKPOINTER, {
          eval: true,
          // Plain JavaScript: none of the process's loaders (tsx) in the thread.
          execArgv: [],
          workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), file },
        });
        worker.unref();
        worker.on('message', (error: string | null) => {
          checkpointing = false;
          if (error !== null && !closed) checkpointOnMainThread();
          else if (sinceCheckpoint >= CHECKPOINT_EVERY) checkpoint();
        });
        worker.on('error', () => {
          checkpointer = null;
          if (!closed) checkpointOnMainThread();
        });
        checkpointer = worker;
      }
      checkpointing = true;
      sinceCheckpoint = 0;
      checkpointer.postMessage('checkpoint');
    } catch {
      checkpointOnMainThread();
    }
  };
  db.pragma('wal_autocheckpoint = 0');
  const wrote = () => {
    writes++;
    if (++sinceCheckpoint >= CHECKPOINT_EVERY) checkpoint();
  };

  return {
    async durable() {
      const target = writes;
      while (synced < target) {
        syncing ??= syncOnce().finally(() => {
          syncing = null;
        });
        await syncing;
      }
    },
    createSession(s) {
      q.insertSession.run(s);
      wrote();
    },
    setSessionState(id, state) {
      q.setState.run(state, id);
      wrote();
    },
    openSessions() {
      return (q.openSessions.all() as SessionRow[]).map(toSession);
    },
    session(id) {
      const r = q.session.get(id) as SessionRow | undefined;
      return r ? toSession(r) : undefined;
    },
    sessionByTeacher(hash) {
      const r = q.byTeacher.get(hash) as SessionRow | undefined;
      return r ? toSession(r) : undefined;
    },
    putStudent(s) {
      q.putStudent.run(s);
      wrote();
    },
    putStudents(students) {
      putMany(students);
      wrote();
    },
    deleteStudent(session, id) {
      q.deleteStudent.run(session, id);
      wrote();
    },
    students(session) {
      return (q.students.all(session) as StudentRow[]).map(toStudent);
    },
    createTables(tables: TableRecord[]) {
      db.transaction(() => {
        for (const t of tables) q.insertTable.run(t);
      })();
      wrote();
    },
    tables(session) {
      return q.tables.all(session) as TableRecord[];
    },
    appendIntent(session, table, record, snapshot) {
      append(session, table, record, snapshot);
      wrote();
    },
    appendIntents(batch) {
      if (batch.length > 0) appendMany(batch);
      wrote();
    },
    intents(session, table) {
      const rows = q.intents.all(session, table) as Array<{
        seq: number;
        intent_id: string;
        intent: string;
        at: number;
      }>;
      const events = new Map<number, GameEvent[]>();
      for (const e of q.events.all(session, table) as Array<{ intent_seq: number; event: string }>) {
        let list = events.get(e.intent_seq);
        if (!list) {
          list = [];
          events.set(e.intent_seq, list);
        }
        list.push(JSON.parse(e.event) as GameEvent);
      }
      return rows.map((r) => ({
        seq: r.seq,
        intentId: r.intent_id,
        intent: JSON.parse(r.intent) as Intent,
        events: events.get(r.seq) ?? [],
        at: r.at,
      }));
    },
    appendChat(message) {
      const id = Number(q.insertChat.run(message).lastInsertRowid);
      wrote();
      return id;
    },
    chat(session) {
      return q.chat.all(session) as Array<ChatRecord & { id: number }>;
    },
    setAiSeat(session, table, seat, ai) {
      if (ai) q.addAiSeat.run(session, table, seat);
      else q.removeAiSeat.run(session, table, seat);
      wrote();
    },
    aiSeats(session) {
      return q.aiSeats.all(session) as Array<{ table: number; seat: string }>;
    },
    setExtension(session, table, count, ms) {
      q.setExtension.run(session, table, count, ms);
      wrote();
    },
    extensions(session) {
      return q.extensions.all(session) as Array<{ table: number; count: number; ms: number }>;
    },
    snapshot(session, table) {
      return q.snapshot.get(session, table) as SnapshotRecord | undefined;
    },
    close() {
      closed = true;
      void wal?.close().catch(() => {});
      wal = null;
      checkpointer?.postMessage('close');
      checkpointer = null;
      db.close();
      // With the checkpointer's connection still open, this close did not checkpoint: the log is fsynced here, so
      // whatever was committed is on disk (the checkpointer, or the next opening, copies it into the database).
      let fd: number | null = null;
      try {
        fd = openSync(walPath, 'r');
        fsyncSync(fd);
      } catch (error) {
        // No log: the close (or the checkpointer's, meanwhile) copied everything into the database and fsynced it.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      } finally {
        if (fd !== null) closeSync(fd);
      }
    },
  };
}
