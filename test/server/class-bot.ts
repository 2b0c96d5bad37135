// A scripted student for class-session tests: on its turn it accepts the packages on the agenda, signs when it may,
// and otherwise ends its turn, each move sent once with its own intent id.
import { randomBytes } from 'node:crypto';
import type { TestClient } from './class-helpers';

interface SeatViewLike {
  status: string;
  myTurn: boolean;
  textVersion: number;
  seat: string;
  signatures: Record<string, number>;
  packages: Array<{ id: string; version: number; onAgenda: boolean; acceptedBy: string[] }>;
  score: { canSign: boolean } | null;
}

export function nextMove(view: SeatViewLike): Record<string, unknown> {
  for (const p of view.packages)
    if (p.onAgenda && !p.acceptedBy.includes(view.seat))
      return { type: 'package.accept', package: p.id, version: p.version };
  if (view.score?.canSign && view.signatures[view.seat] !== view.textVersion)
    return { type: 'text.sign', version: view.textVersion };
  return { type: 'turn.end' };
}

export const intentId = () => randomBytes(9).toString('base64url');

/** Plays the client's seat whenever it has the floor until the game ends; resolves with the acked intent ids. */
export function playSeat(c: TestClient, options: { onAck?: (id: string, seq: number) => void } = {}) {
  let stopped = false;
  let busy = false;
  const acked: string[] = [];
  const step = async () => {
    if (stopped || busy) return;
    busy = true;
    try {
      for (let guard = 0; guard < 50 && !stopped; guard++) {
        const r = await c.send({ type: 'seat.view' });
        if (!r.ok) return;
        const { view, phase, state } = r.result as { view: SeatViewLike; phase: string; state: string };
        if (state !== 'running' || view.status !== 'negotiating' || !view.myTurn || phase !== 'deliberating')
          return;
        const id = intentId();
        const sent = await c.send({ type: 'seat.intent', intentId: id, move: nextMove(view) });
        if (sent.ok) {
          acked.push(id);
          options.onAck?.(id, sent.result.seq);
        } else if (sent.error?.code === 'refused') {
          const end = intentId();
          const e = await c.send({ type: 'seat.intent', intentId: end, move: { type: 'turn.end' } });
          if (e.ok) {
            acked.push(end);
            options.onAck?.(end, e.result.seq);
          }
        } else return;
      }
    } finally {
      busy = false;
    }
  };
  const onPush = (m: { type?: string }) => {
    if (m?.type === 'seat.update' || m?.type === 'seat.patch' || m?.type === 'student.status') void step();
  };
  c.socket.on('s2c', onPush);
  const timer = setInterval(() => void step(), 250);
  void step();
  return {
    acked,
    stop() {
      stopped = true;
      clearInterval(timer);
      c.socket.off('s2c', onPush);
    },
  };
}
