// The classroom protocol: every message between a browser and the server, as versioned Zod schemas. A client sends
// one event, `c2s`, with a message and an acknowledgement callback; the server answers every message through that
// callback (a result or a typed error) and pushes updates on `s2c`. Shared by the server and the browser client.

import { z } from 'zod';
import type { Debrief } from '../engine/debrief';
import { DIFFICULTIES } from '../engine/difficulty';
import { IntentSchema } from '../engine/intents';
import type { ScenarioNames } from '../scenario/localize';

export const PROTOCOL_VERSION = 1;
/** The socket.io event names. */
export const CLIENT_EVENT = 'c2s';
export const SERVER_EVENT = 's2c';
/** The largest message a client may send, as JSON text (socket.io refuses larger frames before this). */
export const MAX_MESSAGE_CHARS = 8_192;
export const MAX_NICKNAME = 24;
/** Messages a socket may send per second, on average, and in a burst. */
export const RATE_PER_SECOND = 20;
export const RATE_BURST = 60;
export const MAX_TABLES = 60;
export const MAX_TEAM = 5;

/** Tokens are 32 random bytes in base64url (43 characters); join codes are 6 letters without look-alikes. */
export const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a token');
/** The language a page is in (`uk`, `pt-BR`): the scenario's texts come in it where the scenario gives them. */
export const LangSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'not a language tag');
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JoinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/, 'a join code is six letters and digits');
const id = z.string().min(1).max(64);
/** A nickname: shown as text, never HTML; control characters and surrounding spaces are refused or trimmed. */
export const NicknameSchema = z
  .string()
  .trim()
  .min(1, 'a nickname needs at least one character')
  .max(MAX_NICKNAME, `a nickname has at most ${MAX_NICKNAME} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'a nickname cannot hold control characters');
export const MAX_CHAT = 500;
/** A chat line (a team's channel, the teacher's broadcast): shown as text, never HTML; line breaks allowed. */
export const ChatTextSchema = z
  .string()
  .trim()
  .min(1, 'say something')
  .max(MAX_CHAT, `a message has at most ${MAX_CHAT} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f]+$/, 'a message cannot hold control characters');
/** A client's id for one intent: sending the same id twice applies the intent once (idempotency). */
export const IntentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'an intent id is 8–64 letters, digits, - or _');

const envelope = { v: z.literal(PROTOCOL_VERSION) };
const msg = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ ...envelope, type: z.literal(type), ...shape });

/** A move without its envelope: the server adds the seat from the socket's own seat. */
const MoveSchema = z.unknown().superRefine((raw, ctx) => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    ctx.addIssue({ code: 'custom', message: 'a move is an object' });
    return;
  }
  if ('seat' in raw || 'v' in raw) {
    ctx.addIssue({ code: 'custom', message: 'a move carries no seat or version: the server adds your own' });
    return;
  }
  const type = (raw as { type?: unknown }).type;
  if (type === 'turn.timeout' || type === 'event.inject') {
    ctx.addIssue({
      code: 'custom',
      message: `${String(type)} comes from the clock or the teacher, not a seat`,
    });
    return;
  }
  const r = IntentSchema.safeParse({ ...(raw as object), v: 1, seat: 'x' });
  if (!r.success) {
    const first = r.error.issues[0];
    ctx.addIssue({
      code: 'custom',
      message: `bad move: ${first ? `${first.path.join('.')}: ${first.message}` : ''}`,
    });
  }
});

export const ClientMessageSchema = z.discriminatedUnion('type', [
  /** Anyone: the scenarios a class can play (titles and parties only: no brief). */
  msg('catalogue', {}),
  /** Anyone: a new class session; answers with the teacher's token and the join code. */
  msg('teacher.create', {
    scenario: id,
    tables: z.number().int().min(1).max(MAX_TABLES),
    turnSeconds: z.number().int().min(10).max(3600).nullable(),
    difficulty: z.enum(DIFFICULTIES),
    lang: LangSchema.optional(),
  }),
  /** Makes this socket the teacher's dashboard of the session the token opens (in `lang`, when given). */
  msg('teacher.attach', { token: TokenSchema, lang: LangSchema.optional() }),
  msg('teacher.rename', { student: id, nickname: NicknameSchema }),
  msg('teacher.remove', { student: id }),
  /** Spreads the lobby over the tables, one student per seat first, then teams of up to five. */
  msg('teacher.autoAssign', {}),
  msg('teacher.assign', {
    student: id,
    table: z
      .number()
      .int()
      .min(0)
      .max(MAX_TABLES - 1)
      .nullable(),
    seat: id.nullable(),
  }),
  msg('teacher.start', {}),
  msg('teacher.pause', {}),
  msg('teacher.resume', {}),
  msg('teacher.end', {}),
  /** A scenario event now, at one table (its index) or at every table (null). */
  msg('teacher.inject', {
    table: z
      .number()
      .int()
      .min(0)
      .max(MAX_TABLES - 1)
      .nullable(),
    event: id,
  }),
  msg('teacher.export', { format: z.enum(['csv', 'json']) }),
  /** The AI takes a seat over (its students watch), or hands it back to them. */
  msg('teacher.ai', {
    table: z
      .number()
      .int()
      .min(0)
      .max(MAX_TABLES - 1),
    seat: id,
    ai: z.boolean(),
  }),
  /** More time for the current speaker, at one table (its index) or at every table (null). */
  msg('teacher.extend', {
    table: z
      .number()
      .int()
      .min(0)
      .max(MAX_TABLES - 1)
      .nullable(),
    seconds: z.number().int().min(10).max(3600),
  }),
  /** A message from the teacher to every student of the session. */
  msg('teacher.broadcast', { text: ChatTextSchema }),
  /** One table opened: every team's channel and the table's log as the director sees it. */
  msg('teacher.table', {
    table: z
      .number()
      .int()
      .min(0)
      .max(MAX_TABLES - 1),
  }),
  /** The debrief of a table whose game has ended. */
  msg('teacher.debrief', {
    table: z
      .number()
      .int()
      .min(0)
      .max(MAX_TABLES - 1),
  }),
  /** A student joins a session by its code. `token`, made by the client, makes a retried join idempotent: the same
   * token joins once and comes back as the same student. */
  msg('student.join', {
    code: JoinCodeSchema,
    nickname: NicknameSchema.optional(),
    token: TokenSchema.optional(),
    lang: LangSchema.optional(),
  }),
  /** A line in the student's delegation's channel (its team). */
  msg('team.say', { text: ChatTextSchema }),
  /** The student's channels so far: its team's and the teacher's broadcasts (after a reload). */
  msg('student.chat', {}),
  /** A student comes back with the token it was given (a reload, a dropped network, a restarted server). */
  msg('student.resume', { token: TokenSchema, lang: LangSchema.optional() }),
  /** The student's own seat's view. `seat`, when given, must be the student's own. */
  msg('seat.view', { seat: id.optional() }),
  /** A move for the student's own seat, by the pen holder. `seat`, when given, must be the student's own. */
  msg('seat.intent', { intentId: IntentIdSchema, seat: id.optional(), move: MoveSchema }),
  /** A student leaves the session for good (shared computers). */
  msg('student.leave', {}),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type ClientMessageType = ClientMessage['type'];

export const ERROR_CODES = [
  'bad.message',
  'unsupported.version',
  'too.large',
  'rate.limited',
  'unauthorized',
  'forbidden',
  'not.found',
  'wrong.state',
  'refused',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** The engine's own code, for a refused move. */
  detail?: string;
}
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: ProtocolError };

export const SESSION_STATES = ['lobby', 'running', 'paused', 'ended'] as const;
export type SessionStateName = (typeof SESSION_STATES)[number];

export interface CatalogueItem {
  id: string;
  title: string;
  parties: Array<{ id: string; name: string }>;
}

export interface CreatedSession {
  session: string;
  teacherToken: string;
  code: string;
}

export interface Joined {
  token: string;
  student: string;
  nickname: string;
}

/** Where a student stands: in the lobby, or at a seat of a table (with or without the pen). */
export interface StudentStatus {
  session: string;
  code: string;
  scenarioTitle: string;
  student: string;
  nickname: string;
  state: SessionStateName;
  table: number | null;
  seat: string | null;
  seatName: string | null;
  pen: boolean;
  teammates: string[];
  /** The seats of the student's table that the AI plays. */
  aiSeats: string[];
  /** The AI plays this student's own seat now (the teacher handed it over): the team watches. */
  aiPlaying: boolean;
}

/** The seat's update: the engine's view of its own seat, and when the speaker's time runs out. */
export interface SeatUpdate {
  /** Counts the seat's views: a patch applies to the view of its `base` version only. */
  version: number;
  view: unknown;
  phase: string;
  state: SessionStateName;
  /** Milliseconds since the epoch when the current speaker's turn ends; null without a turn timer. */
  deadline: number | null;
}

/** What changed in a seat's update since version `base`: pushed instead of the whole view. A client whose view is not
 * at `base` (it missed a push) asks for the whole view again (`seat.view`). */
export interface SeatPatch {
  base: number;
  version: number;
  phase: string;
  state: SessionStateName;
  deadline: number | null;
  /** The view's top-level fields that changed, each whole (the log is sent as `log` instead). */
  set: Record<string, unknown>;
  /** The view's log from index `from` on (the log only grows: `from` is the length of the base view's log). */
  log?: { from: number; entries: unknown[] };
}

/** The update after `patch`, or null when `patch` does not apply to `current` (then ask for the whole view). */
export function applySeatPatch(current: SeatUpdate, patch: SeatPatch): SeatUpdate | null {
  if (patch.base !== current.version) return null;
  const view = { ...(current.view as Record<string, unknown>), ...patch.set };
  if (patch.log) {
    const log = (current.view as { log?: unknown }).log;
    if (!Array.isArray(log) || log.length < patch.log.from) return null;
    view.log = [...log.slice(0, patch.log.from), ...patch.log.entries];
  }
  return {
    version: patch.version,
    view,
    phase: patch.phase,
    state: patch.state,
    deadline: patch.deadline,
  };
}

export interface DashboardSeat {
  seat: string;
  name: string;
  students: Array<{ id: string; nickname: string; pen: boolean; online: boolean }>;
  ai: boolean;
  /** The teacher gave this seat to the AI although students sit there. */
  aiTakenOver: boolean;
  signed: boolean;
  utility: number;
  reservation: number;
  /** Why this seat cannot sign the current text now (a red line it crosses, a package below its mandate) and the
   * packages it rejects, each named in the teacher's language. */
  blocks: Array<{ kind: 'red-line' | 'mandate' | 'rejects'; name: string }>;
  score: number | null;
}

export interface DashboardTable {
  index: number;
  status: 'waiting' | 'negotiating' | 'ended';
  /** The meeting's venue (in the teacher's language), and its day as yyyy-mm-dd: the page writes it its own way. */
  meeting: string;
  meetingDate: string;
  meetingIndex: number;
  meetingsLeft: number;
  textVersion: number;
  speaker: string | null;
  packages: Array<{ id: string; name: string; agreed: boolean; acceptedBy: string[]; rejectedBy: string[] }>;
  seats: DashboardSeat[];
  outcome: string | null;
  moves: number;
  /** The scenario events that have happened at this table. */
  fired: string[];
}

/** A table's debrief for its teacher, with the scenario's names in the teacher's language: the page puts the AI's
 * structured sentences into those words. */
export type TableDebrief = Debrief & { names: ScenarioNames };

export interface Dashboard {
  session: string;
  code: string;
  scenario: { id: string; title: string };
  state: SessionStateName;
  turnSeconds: number | null;
  difficulty: string;
  lobby: Array<{ id: string; nickname: string; online: boolean; table: number | null; seat: string | null }>;
  /** The scenario's events a teacher may inject. */
  events: Array<{ id: string; title: string }>;
  tables: DashboardTable[];
}

/** A line of a channel: a delegation's team channel (`team`), or the teacher's broadcast to the class (`class`). */
export interface ChatMessage {
  id: number;
  channel: 'team' | 'class';
  table: number | null;
  seat: string | null;
  /** The student's id, or "teacher". */
  from: string;
  nickname: string;
  text: string;
  at: number;
}

/** A table opened by the teacher. */
export interface TableChannels {
  table: number;
  channels: Array<{ seat: string; name: string; messages: ChatMessage[] }>;
  /** The table's log as the director sees it, private notes included, one line of text each. */
  log: string[];
}

/** What the server pushes on `s2c`. */
export type ServerMessage =
  | { v: typeof PROTOCOL_VERSION; type: 'student.status'; status: StudentStatus }
  | { v: typeof PROTOCOL_VERSION; type: 'seat.update'; update: SeatUpdate }
  /** The changes to the seat's view since the version the client holds (see SeatPatch). */
  | { v: typeof PROTOCOL_VERSION; type: 'seat.patch'; patch: SeatPatch }
  | { v: typeof PROTOCOL_VERSION; type: 'dashboard'; dashboard: Dashboard }
  | { v: typeof PROTOCOL_VERSION; type: 'removed'; message: string }
  /** A new line in one of the student's channels (or, for a teacher, in any channel of the session). */
  | { v: typeof PROTOCOL_VERSION; type: 'chat'; message: ChatMessage }
  /** The answer to a message sent without an acknowledgement callback. */
  | { v: typeof PROTOCOL_VERSION; type: 'error'; error: ProtocolError };

/** Checks a raw message: its size, its version, then its shape. Never throws. */
export function parseClientMessage(
  raw: unknown,
): { ok: true; message: ClientMessage } | { ok: false; error: ProtocolError } {
  let size: number;
  try {
    size = JSON.stringify(raw ?? null)?.length ?? 0;
  } catch {
    return { ok: false, error: { code: 'bad.message', message: 'the message is not JSON' } };
  }
  if (size > MAX_MESSAGE_CHARS)
    return {
      ok: false,
      error: { code: 'too.large', message: `a message has at most ${MAX_MESSAGE_CHARS} characters` },
    };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: { code: 'bad.message', message: 'a message is an object' } };
  const v = (raw as { v?: unknown }).v;
  if (v !== PROTOCOL_VERSION)
    return {
      ok: false,
      error: {
        code: 'unsupported.version',
        message: `this server speaks protocol version ${PROTOCOL_VERSION}; reload the page`,
      },
    };
  const r = ClientMessageSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'bad.message',
        message: first ? `${first.path.join('.') || 'message'}: ${first.message}` : 'bad message',
      },
    };
  }
  return { ok: true, message: r.data };
}
