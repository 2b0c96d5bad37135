// The browser's end of a class session: a socket.io connection that answers every request (or times out and
// retries), comes back as the same student or teacher after a dropped connection or a server restart, and a
// SeatConnection over it, so the table screen plays a classroom seat exactly as it plays a local one.
import { io, type Socket } from 'socket.io-client';
import type { Move } from '../engine/intents';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import {
  applySeatPatch,
  CLIENT_EVENT,
  type ClientMessage,
  PROTOCOL_VERSION,
  type ProtocolError,
  type Reply,
  SERVER_EVENT,
  type SeatUpdate,
  type ServerMessage,
} from '../protocol';
import type { SeatConnection, SendResult } from './transport';

/** A message as a client builds it: the version is added on sending. */
export type Outgoing = ClientMessage extends infer M
  ? M extends ClientMessage
    ? Omit<M, 'v'>
    : never
  : never;

export interface ClassClientOptions {
  /** Sent first after every (re)connection, before anything queued: who this connection is. */
  hello?: () => Outgoing | null;
  /** How long to wait for an answer before sending again. */
  timeoutMs?: number;
}

export interface ClassClient {
  request<T = unknown>(message: Outgoing): Promise<Reply<T>>;
  on(listener: (message: ServerMessage) => void): () => void;
  onConnection(listener: (connected: boolean) => void): () => void;
  connected(): boolean;
  close(): void;
}

const offline: ProtocolError = { code: 'internal', message: 'the connection to the class server was lost' };

export function connectClass(url: string | undefined, options: ClassClientOptions = {}): ClassClient {
  // Reconnect quickly: a restarted server has every student back in its seat within a second or two.
  const settings = { reconnectionDelay: 250, reconnectionDelayMax: 500 };
  const socket: Socket = url ? io(url, settings) : io(settings);
  /** Requests waiting for an answer: a lost connection settles them at once (they are sent again). */
  const pending = new Set<(reply: Reply | null) => void>();
  const listeners = new Set<(message: ServerMessage) => void>();
  const connListeners = new Set<(connected: boolean) => void>();
  const timeoutMs = options.timeoutMs ?? 8000;
  /** Resolves once the connection is up and has said hello; replaced on every disconnection. */
  let ready: Promise<void>;
  let markReady: () => void = () => {};
  /** Counts connections: a hello answered after its connection was lost must not open the next one. */
  let generation = 0;
  const reset = () => {
    generation++;
    ready = new Promise((done) => {
      markReady = done;
    });
  };
  reset();
  let closed = false;

  /** Sends once; null when no answer came (a lost connection, or none in time). */
  const emit = (message: Outgoing) =>
    new Promise<Reply | null>((done) => {
      // Never buffered for later: after a reconnection the hello must be the first message the server sees.
      if (!socket.connected) {
        done(null);
        return;
      }
      let settled = false;
      const settle = (reply: Reply | null) => {
        if (settled) return;
        settled = true;
        pending.delete(settle);
        done(reply);
      };
      pending.add(settle);
      socket
        .timeout(timeoutMs)
        .emit(CLIENT_EVENT, { ...message, v: PROTOCOL_VERSION }, (err: unknown, reply: Reply) => {
          settle(err ? null : reply);
        });
    });

  socket.on('connect', () => {
    const mine = generation;
    void (async () => {
      const hello = options.hello?.();
      if (hello && (await emit(hello)) === null) return;
      if (mine !== generation || !socket.connected) return;
      markReady();
      for (const l of connListeners) l(true);
    })();
  });
  socket.on('disconnect', (reason) => {
    reset();
    for (const settle of [...pending]) settle(null);
    for (const l of connListeners) l(false);
    // The server ends a removed student's connection (its seat is gone), and socket.io does not come back by
    // itself after that: connect again, as nobody, so the page can join a session again (it hung on "Joining…").
    if (reason === 'io server disconnect' && !closed) setTimeout(() => !closed && socket.connect(), 250);
  });
  socket.on(SERVER_EVENT, (message: ServerMessage) => {
    for (const l of listeners) l(message);
  });

  return {
    async request<T>(message: Outgoing): Promise<Reply<T>> {
      // An answer lost with a connection is asked for again; intents carry their id, so they apply once.
      for (let attempt = 0; attempt < 30 && !closed; attempt++) {
        await ready;
        const reply = await emit(message);
        if (reply) return reply as Reply<T>;
      }
      return { ok: false, error: offline };
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      connListeners.add(listener);
      return () => connListeners.delete(listener);
    },
    connected: () => socket.connected,
    close() {
      closed = true;
      socket.close();
    },
  };
}

/** A fresh intent id (crypto-random, base64url). */
export function newIntentId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A seat token made by the browser for its join (32 random bytes, base64url): resending the join is harmless. */
export function newSeatToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface RemoteSeat extends SeatConnection {
  /** The latest update as a whole (session state, deadline). */
  update(): SeatUpdate;
  /** Asks the server for the seat's view again (after a reconnection). */
  refresh(): Promise<void>;
  close(): void;
}

/** A classroom seat: the server's view of it, kept up to date by its pushes; moves go to the server. */
export function remoteSeat(client: ClassClient, first: SeatUpdate): RemoteSeat {
  let current = first;
  let view = first.view as SeatView;
  let updates = 0;
  const seatListeners = new Set<(view: SeatView, events: GameEvent[]) => void>();
  const lastSeq = (v: SeatView) => v.log.at(-1)?.seq ?? 0;
  const adopt = (u: SeatUpdate) => {
    const next = u.view as SeatView;
    const from = lastSeq(view);
    const events = next.log.filter((e) => e.seq > from);
    current = u;
    view = next;
    updates++;
    for (const l of seatListeners) l(next, events);
  };
  /** Set while the whole view is being asked for again: patches meanwhile are older than its answer. */
  let refreshing: Promise<void> | null = null;
  const refresh = () => {
    refreshing ??= (async () => {
      const fresh = await client.request<SeatUpdate>({ type: 'seat.view' });
      refreshing = null;
      if (fresh.ok) adopt(fresh.result);
    })();
    return refreshing;
  };
  const off = client.on((m) => {
    if (m.type === 'seat.update') adopt(m.update);
    else if (m.type === 'seat.patch' && !refreshing) {
      // A patch applies to the version it was made from; a client that missed one asks for the whole view.
      const next = applySeatPatch(current, m.patch);
      if (next) adopt(next);
      else void refresh();
    }
  });
  return {
    seat: view.seat,
    acknowledgeBrief() {},
    phase: () => current.phase,
    view: () => view,
    update: () => current,
    async send(move: Move): Promise<SendResult> {
      const before = updates;
      const reply = await client.request<{ seq: number }>({
        type: 'seat.intent',
        intentId: newIntentId(),
        move,
      });
      if (!reply.ok)
        return {
          ok: false,
          error: { code: reply.error.detail ?? reply.error.code, message: reply.error.message },
        };
      // The view after the move arrives before its answer; ask for it if the push was lost with a connection.
      if (updates === before) await refresh();
      return { ok: true };
    },
    refresh,
    subscribe(listener) {
      seatListeners.add(listener);
      return () => seatListeners.delete(listener);
    },
    close() {
      off();
      seatListeners.clear();
    },
  };
}
