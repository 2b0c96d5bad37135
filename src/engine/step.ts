// One step of the rules: a working copy of the state, and the events an intent produces on it.
import type { Scenario } from '../scenario/schema';
import { currentMeeting } from './live';
import { nextRandom } from './rng';
import type { GameEvent, GameState } from './state';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = DistributiveOmit<GameEvent, 'seq' | 'meeting'>;

/** A working copy of the state plus the events this step produced. Events are kept apart until the step
 * succeeds, then appended to the shared log: a refused intent leaves the log untouched. */
export class Step {
  readonly events: GameEvent[] = [];
  constructor(
    readonly scenario: Scenario,
    readonly state: GameState,
  ) {}

  emit(event: NewEvent): void {
    const full = {
      ...event,
      seq: this.state.seq + this.events.length + 1,
      meeting: this.state.meeting,
    } as GameEvent;
    this.events.push(full);
  }

  /** An event of this game by its seq, whether logged before this step or during it. */
  eventAt(seq: number): GameEvent | undefined {
    if (seq <= this.state.seq) return this.state.log[seq - 1];
    return this.events[seq - this.state.seq - 1];
  }

  /** Appends this step's events to the log and counts them. */
  commit(): void {
    for (const e of this.events) this.state.log.push(e);
    this.state.seq += this.events.length;
  }

  random(): number {
    const r = nextRandom(this.state.rng);
    this.state.rng = r.state;
    return r.value;
  }

  participants(): string[] {
    return currentMeeting(this.scenario, this.state).participants;
  }
}

/** A deep copy of plain JSON data. */
function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copy(v);
  return out as T;
}

type Nested<T> = Record<string, T>;

function copyRows<T>(rows: Nested<Nested<T>>): Nested<Nested<T>> {
  const out: Nested<Nested<T>> = {};
  for (const k in rows) out[k] = { ...rows[k] };
  return out;
}

/** A working copy of everything in the state but its log, which is shared: events only ever append to it.
 * When the state is not the newest (an intent was already applied to it), its events are copied out first,
 * so forking a game from an earlier state never disturbs the later one.
 *
 * Each field is copied as deep as the rules write into it, and no deeper: the objects inside `amendments`,
 * `commitments`, `pendingConsultations`, `addedOptions` and `acceptances` are replaced, never changed, so the
 * copy shares them. The fields keep the state's own order (JSON of a state is compared byte for byte), then
 * come `outcome` and `log`. */
export function workingCopy(state: GameState): GameState {
  const log = state.log.length === state.seq ? state.log : state.log.slice(0, state.seq);
  if (inUsualOrder(state)) return usualCopy(state, log);
  const out: Record<string, unknown> = {};
  const from = state as unknown as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const value = from[key];
    switch (key) {
      case 'log':
      case 'outcome':
        continue;
      case 'order':
      case 'away':
      case 'amendments':
      case 'commitments':
      case 'pendingConsultations':
      case 'addedOptions':
      case 'droppedMeetings':
      case 'firedEvents':
        out[key] = (value as unknown[]).slice();
        break;
      case 'text':
      case 'packageVersion':
      case 'signatures':
      case 'commitmentSupport':
      case 'reservationShift':
        out[key] = { ...(value as object) };
        break;
      case 'acceptances':
      case 'rejections':
      case 'mandateShift':
      case 'trust':
      case 'supportShift':
        out[key] = copyRows(value as Nested<Nested<unknown>>);
        break;
      case 'valueShift':
        out[key] = copyValueShift(value as GameState['valueShift']);
        break;
      default:
        out[key] = copy(value);
    }
  }
  out.outcome = state.outcome;
  out.log = log;
  return out as unknown as GameState;
}

function copyValueShift(shift: GameState['valueShift']): GameState['valueShift'] {
  const out: GameState['valueShift'] = {};
  for (const party in shift) out[party] = copyRows(shift[party]!);
  return out;
}

/** The state's fields, but `outcome` and `log`, in the order `createGame` and every working copy write them. */
const USUAL_ORDER = [
  'format',
  'scenarioId',
  'seed',
  'rng',
  'status',
  'meeting',
  'meetingsElapsed',
  'order',
  'round',
  'speaker',
  'away',
  'textVersion',
  'text',
  'packageVersion',
  'acceptances',
  'rejections',
  'amendments',
  'signatures',
  'commitments',
  'commitmentSupport',
  'pendingConsultations',
  'mandateShift',
  'reservationShift',
  'valueShift',
  'addedOptions',
  'trust',
  'supportShift',
  'droppedMeetings',
  'firedEvents',
  'ratifications',
  'seq',
];

function inUsualOrder(state: GameState): boolean {
  let i = 0;
  for (const key in state) {
    if (key === 'outcome' || key === 'log') continue;
    if (key !== USUAL_ORDER[i++]) return false;
  }
  return i === USUAL_ORDER.length;
}

/** `workingCopy` of a state whose fields are in the usual order: the same copy, written in one go. */
function usualCopy(s: GameState, log: GameEvent[]): GameState {
  return {
    format: copy(s.format),
    scenarioId: copy(s.scenarioId),
    seed: copy(s.seed),
    rng: copy(s.rng),
    status: copy(s.status),
    meeting: copy(s.meeting),
    meetingsElapsed: copy(s.meetingsElapsed),
    order: s.order.slice(),
    round: copy(s.round),
    speaker: copy(s.speaker),
    away: s.away.slice(),
    textVersion: copy(s.textVersion),
    text: { ...s.text },
    packageVersion: { ...s.packageVersion },
    acceptances: copyRows(s.acceptances),
    rejections: copyRows(s.rejections),
    amendments: s.amendments.slice(),
    signatures: { ...s.signatures },
    commitments: s.commitments.slice(),
    commitmentSupport: { ...s.commitmentSupport },
    pendingConsultations: s.pendingConsultations.slice(),
    mandateShift: copyRows(s.mandateShift),
    reservationShift: { ...s.reservationShift },
    valueShift: copyValueShift(s.valueShift),
    addedOptions: s.addedOptions.slice(),
    trust: copyRows(s.trust),
    supportShift: copyRows(s.supportShift),
    droppedMeetings: s.droppedMeetings.slice(),
    firedEvents: s.firedEvents.slice(),
    ratifications: copy(s.ratifications),
    seq: copy(s.seq),
    outcome: s.outcome,
    log,
  };
}
