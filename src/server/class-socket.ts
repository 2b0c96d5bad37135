// socket.io on the game's own HTTP server: every client message is size-checked, rate-limited, schema-checked and
// answered through its acknowledgement with a result or a typed error; a connection is a teacher's or a student's
// (never both), and a student's connection only ever receives its own seat's view.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Move } from '../engine/intents';
import {
  CLIENT_EVENT,
  type ClientMessage,
  MAX_MESSAGE_CHARS,
  PROTOCOL_VERSION,
  type ProtocolError,
  parseClientMessage,
  RATE_BURST,
  RATE_PER_SECOND,
  type Reply,
  SERVER_EVENT,
  type ServerMessage,
} from '../protocol';
import { ClassError, type Classroom, type ClassSession } from './classroom';

interface SocketData {
  role: 'none' | 'teacher' | 'student';
  session: string | null;
  student: string | null;
  tokens: number;
  refilled: number;
}

interface ServerEvents {
  [SERVER_EVENT]: (message: ServerMessage) => void;
}
// biome-ignore lint/complexity/noBannedTypes: the client's events are read through onAny, not typed listeners
type ClassSocket = Socket<{}, ServerEvents, {}, SocketData>;

export interface ClassSocketsOptions {
  now?: () => number;
  /** Milliseconds between two dashboard pushes of one session; by default 150 ms and 10 ms more per table. */
  dashboardEveryMs?: number;
  log?: (line: string) => void;
  /** Messages a connection may send per second, and in a burst (the protocol's limits by default). */
  rate?: { perSecond: number; burst: number };
}

export interface ClassSockets {
  io: Server;
  close(): Promise<void>;
}

/** A dashboard holds about 1.1 KB a table and goes whole to the teacher: a class of 60 tables gets one at most every
 * 0.75 s (110 KB/s for the server to encode and send, and for the teacher's page to read), a class of two tables every
 * 0.17 s. */
export const dashboardEvery = (tables: number) => 150 + 10 * tables;

const studentRoom = (id: string) => `s:${id}`;
const teacherRoom = (session: string) => `t:${session}`;

function fail(code: ProtocolError['code'], message: string): never {
  throw new ClassError(code, message);
}

export function attachClassSockets(
  http: HttpServer,
  classroom: Classroom,
  options: ClassSocketsOptions = {},
): ClassSockets {
  const now = options.now ?? (() => Date.now());
  const perSecond = options.rate?.perSecond ?? RATE_PER_SECOND;
  const burst = options.rate?.burst ?? RATE_BURST;
  const log = options.log ?? classroom.log;
  const io = new Server(http, {
    serveClient: false,
    // A frame larger than any valid message is refused by socket.io before it is parsed.
    maxHttpBufferSize: MAX_MESSAGE_CHARS * 4,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectTimeout: 20_000,
  });

  // Every message the server sends is JSON: packets are encoded as socket.io's parser encodes a packet without binary
  // parts (the same text on the wire), without first walking each message's every field to look for binary data.
  const encoder = io.encoder;
  encoder.encode = (packet: { type: number; nsp: string; id?: number; data?: unknown }) => [
    `${packet.type}${packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : ''}${packet.id ?? ''}${
      packet.data === undefined || packet.data === null ? '' : JSON.stringify(packet.data)
    }`,
  ];

  const push = (room: string, message: ServerMessage) => io.to(room).emit(SERVER_EVENT, message);

  const dashboardTimers = new Map<string, NodeJS.Timeout>();
  const pushDashboard = (session: ClassSession) => {
    if (dashboardTimers.has(session.id)) return;
    dashboardTimers.set(
      session.id,
      setTimeout(() => {
        dashboardTimers.delete(session.id);
        if (io.sockets.adapter.rooms.get(teacherRoom(session.id))?.size)
          push(teacherRoom(session.id), {
            v: PROTOCOL_VERSION,
            type: 'dashboard',
            dashboard: session.dashboard(),
          });
      }, options.dashboardEveryMs ?? dashboardEvery(session.record.tables)),
    );
  };

  /** The status last pushed to each student, as JSON: a lobby change pushes only the statuses it changed. */
  const sentStatus = new Map<string, string>();
  const pushStatus = (session: ClassSession, student: string) => {
    if (!io.sockets.adapter.rooms.get(studentRoom(student))?.size) return;
    const status = session.status(student);
    const json = JSON.stringify(status);
    if (sentStatus.get(student) === json) return;
    sentStatus.set(student, json);
    push(studentRoom(student), { v: PROTOCOL_VERSION, type: 'student.status', status });
  };
  /** Lobby changes of one tick (a class joining at once) push the statuses once. */
  const lobbyPending = new Set<string>();
  const pushLobby = (session: ClassSession) => {
    if (lobbyPending.has(session.id)) return;
    lobbyPending.add(session.id);
    setImmediate(() => {
      lobbyPending.delete(session.id);
      if (classroom.session(session.id) !== session) return;
      for (const s of session.students.values()) pushStatus(session, s.id);
    });
  };

  const pushTable = (session: ClassSession, table: number) => {
    const bySeat = new Map<string, { seat: string; lang: string; students: string[] }>();
    for (const s of session.students.values()) {
      if (s.table !== table || s.seat === null) continue;
      if (!io.sockets.adapter.rooms.get(studentRoom(s.id))?.size) continue;
      const lang = session.langOf(s.id);
      const key = `${s.seat}\u0000${lang}`;
      const group = bySeat.get(key) ?? { seat: s.seat, lang, students: [] };
      group.students.push(s.id);
      bySeat.set(key, group);
    }
    for (const { seat, lang, students } of bySeat.values()) {
      // One view per seat and language, computed once; its students get what changed since the version they hold.
      const change = session.seatChange(table, seat, lang);
      if (!change) continue;
      const message: ServerMessage | null = change.patch
        ? { v: PROTOCOL_VERSION, type: 'seat.patch', patch: change.patch }
        : change.created
          ? { v: PROTOCOL_VERSION, type: 'seat.update', update: change.update }
          : null;
      if (message) io.to(students.map(studentRoom)).emit(SERVER_EVENT, message);
    }
  };

  const offChange = classroom.onChange((change) => {
    const session = classroom.session(change.session);
    if (!session) return;
    if (change.kind === 'removed') {
      push(studentRoom(change.student), {
        v: PROTOCOL_VERSION,
        type: 'removed',
        message: 'You have left this class session.',
      });
      io.in(studentRoom(change.student)).disconnectSockets(true);
      sentStatus.delete(change.student);
    } else if (change.kind === 'lobby') {
      pushLobby(session);
    } else if (change.kind === 'chat') {
      const message: ServerMessage = { v: PROTOCOL_VERSION, type: 'chat', message: change.message };
      io.to([...change.to.map(studentRoom), teacherRoom(session.id)]).emit(SERVER_EVENT, message);
      return;
    } else {
      pushTable(session, change.table);
    }
    pushDashboard(session);
  });

  const sessionOf = (socket: ClassSocket): ClassSession => {
    const session = socket.data.session ? classroom.session(socket.data.session) : undefined;
    if (!session) fail('unauthorized', 'open a class session first');
    return session;
  };

  const asTeacher = (socket: ClassSocket): ClassSession => {
    if (socket.data.role === 'student')
      fail('forbidden', "a student's connection cannot use the teacher's controls");
    if (socket.data.role !== 'teacher') fail('unauthorized', "open the teacher's link first");
    return sessionOf(socket);
  };

  const asStudent = (socket: ClassSocket): { session: ClassSession; student: string } => {
    if (socket.data.role !== 'student' || !socket.data.student)
      fail('unauthorized', 'join a class session first');
    return { session: sessionOf(socket), student: socket.data.student };
  };

  const becomeStudent = (socket: ClassSocket, session: ClassSession, student: string) => {
    if (socket.data.role !== 'none')
      fail('wrong.state', 'this connection already belongs to a seat or a teacher');
    socket.data.role = 'student';
    socket.data.session = session.id;
    socket.data.student = student;
    void socket.join(studentRoom(student));
    session.online.set(student, (session.online.get(student) ?? 0) + 1);
    pushDashboard(session);
  };

  const becomeTeacher = (socket: ClassSocket, session: ClassSession) => {
    if (socket.data.role === 'student')
      fail('forbidden', "a student's connection cannot open the teacher's controls");
    socket.data.role = 'teacher';
    socket.data.session = session.id;
    void socket.join(teacherRoom(session.id));
  };

  async function handle(socket: ClassSocket, m: ClientMessage): Promise<unknown> {
    switch (m.type) {
      case 'catalogue':
        return classroom.catalogue();
      case 'teacher.create': {
        if (socket.data.role !== 'none') fail('wrong.state', 'this connection already belongs to a session');
        const created = classroom.create(m);
        const session = classroom.session(created.session);
        if (session) {
          session.teacherLang = session.langKey(m.lang);
          session.teacherPage = m.lang ?? '';
          becomeTeacher(socket, session);
        }
        return created;
      }
      case 'teacher.attach': {
        const session = classroom.teacher(m.token);
        if (socket.data.role === 'teacher' && socket.data.session !== session.id)
          fail('wrong.state', 'this connection already belongs to another session');
        becomeTeacher(socket, session);
        if (m.lang !== undefined) {
          session.teacherLang = session.langKey(m.lang);
          session.teacherPage = m.lang;
        }
        return session.dashboard();
      }
      case 'teacher.rename':
        asTeacher(socket).rename(m.student, m.nickname);
        return null;
      case 'teacher.remove':
        asTeacher(socket).remove(m.student);
        return null;
      case 'teacher.autoAssign':
        return { placed: asTeacher(socket).autoAssign() };
      case 'teacher.assign':
        asTeacher(socket).assign(m.student, m.table, m.seat);
        return null;
      case 'teacher.start':
        asTeacher(socket).start();
        return null;
      case 'teacher.pause':
        asTeacher(socket).pause();
        return null;
      case 'teacher.resume':
        asTeacher(socket).resume();
        return null;
      case 'teacher.end':
        asTeacher(socket).end();
        return null;
      case 'teacher.inject':
        return asTeacher(socket).inject(m.table, m.event);
      case 'teacher.export': {
        const session = asTeacher(socket);
        const name = `class-${session.record.code}`;
        return m.format === 'csv'
          ? { filename: `${name}.csv`, type: 'text/csv', text: session.exportCsv() }
          : {
              filename: `${name}.json`,
              type: 'application/json',
              text: JSON.stringify(session.exportJson(), null, 2),
            };
      }
      case 'teacher.ai':
        asTeacher(socket).setAi(m.table, m.seat, m.ai);
        return null;
      case 'teacher.extend':
        return { extended: asTeacher(socket).extend(m.table, m.seconds) };
      case 'teacher.broadcast':
        return asTeacher(socket).broadcast(m.text);
      case 'teacher.table':
        return asTeacher(socket).tableChannels(m.table);
      case 'teacher.debrief':
        return asTeacher(socket).debrief(m.table);
      case 'team.say': {
        const { session, student } = asStudent(socket);
        return session.say(student, m.text);
      }
      case 'student.chat': {
        const { session, student } = asStudent(socket);
        return session.chatFor(student);
      }
      case 'student.join': {
        // The same join sent again on this connection (its answer was lost): the same student.
        if (socket.data.role === 'student' && m.token && socket.data.student) {
          const known = classroom.studentByToken(m.token);
          if (known && known.student === socket.data.student) {
            const { joined } = classroom.join(m.code, m.nickname, m.token, m.lang);
            known.session.setLang(joined.student, m.lang);
            return { ...joined, status: known.session.status(joined.student) };
          }
        }
        if (socket.data.role !== 'none')
          fail('wrong.state', 'this connection already belongs to a seat or a teacher');
        const { session, joined } = classroom.join(m.code, m.nickname, m.token, m.lang);
        session.setLang(joined.student, m.lang);
        becomeStudent(socket, session, joined.student);
        return { ...joined, status: session.status(joined.student) };
      }
      case 'student.resume': {
        const { session, student } = classroom.resume(m.token);
        session.setLang(student, m.lang);
        if (socket.data.role === 'student' && socket.data.student === student)
          return { status: session.status(student) };
        becomeStudent(socket, session, student);
        const status = session.status(student);
        return {
          status,
          seat: status.seat && session.tables[status.table ?? -1] ? session.seatUpdate(student) : null,
        };
      }
      case 'seat.view': {
        const { session, student } = asStudent(socket);
        return session.seatUpdate(student, m.seat);
      }
      case 'seat.intent': {
        const { session, student } = asStudent(socket);
        return session.submit(student, m.intentId, m.move as Move, m.seat);
      }
      case 'student.leave': {
        const { session, student } = asStudent(socket);
        session.leave(student);
        return null;
      }
    }
  }

  io.on('connection', (raw) => {
    const socket = raw as ClassSocket;
    socket.data = { role: 'none', session: null, student: null, tokens: burst, refilled: now() };

    const answer = (ack: unknown, reply: Reply) => {
      if (typeof ack === 'function') (ack as (r: Reply) => void)(reply);
      else if (!reply.ok)
        socket.emit(SERVER_EVENT, { v: PROTOCOL_VERSION, type: 'error', error: reply.error });
    };

    const limited = (): boolean => {
      const t = now();
      const d = socket.data;
      d.tokens = Math.min(burst, d.tokens + ((t - d.refilled) / 1000) * perSecond);
      d.refilled = t;
      if (d.tokens < 1) return true;
      d.tokens -= 1;
      return false;
    };

    socket.onAny((event: unknown, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (event === CLIENT_EVENT) {
        const message = args[0];
        if (limited()) {
          answer(ack, {
            ok: false,
            error: { code: 'rate.limited', message: 'too many messages; slow down' },
          });
          return;
        }
        const parsed = parseClientMessage(message);
        if (!parsed.ok) {
          answer(ack, { ok: false, error: parsed.error });
          return;
        }
        // Answered once whatever the message wrote is on disk (see ClassStore.durable).
        handle(socket, parsed.message)
          .then(async (result) => {
            await classroom.store.durable();
            return result;
          })
          .then(
            (result) => answer(ack, { ok: true, result }),
            (error: unknown) => {
              if (error instanceof ClassError) {
                answer(ack, {
                  ok: false,
                  error: {
                    code: error.code,
                    message: error.message,
                    ...(error.detail ? { detail: error.detail } : {}),
                  },
                });
              } else {
                log(`classroom: ${parsed.message.type} failed: ${(error as Error)?.stack ?? error}`);
                answer(ack, {
                  ok: false,
                  error: { code: 'internal', message: 'the server could not do this' },
                });
              }
            },
          );
        return;
      }
      answer(ack, {
        ok: false,
        error: { code: 'bad.message', message: `send messages as "${CLIENT_EVENT}" events` },
      });
    });

    socket.on('disconnect', () => {
      const { role, session: id, student } = socket.data;
      if (role !== 'student' || !id || !student) return;
      const session = classroom.session(id);
      if (!session) return;
      const n = (session.online.get(student) ?? 1) - 1;
      if (n > 0) session.online.set(student, n);
      else session.online.delete(student);
      pushDashboard(session);
    });
  });

  return {
    io,
    close: async () => {
      offChange();
      for (const t of dashboardTimers.values()) clearTimeout(t);
      dashboardTimers.clear();
      io.disconnectSockets(true);
      // io.close() would close the HTTP server too; its owner does that.
      io.engine.close();
    },
  };
}
