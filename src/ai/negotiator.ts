// AI delegations in the bidding / opponent-model / acceptance form. A delegation that writes the text (the
// mediator, or every speaker when there is none) drafts toward the believed Nash point while defending its own
// interests and answers every proposal; the others logroll, accept, sign or say exactly what stops them. Every
// move carries a reason derived from the decision taken; nothing crosses a red line, the reservation value or
// the mandate, and what an AI says it cannot sign it does not sign until it says publicly why it now can.
import type { Move, ReasonDriver } from '../engine/intents';
import { nextRandom } from '../engine/rng';
import type { SeatView } from '../engine/view';
import {
  type AiConfig,
  type Ctx,
  LEVELS,
  type Level,
  progress,
  standingObjections,
  type TurnMemory,
  textsByVersion,
  Words,
} from './ai-context';
import { consultIfOnlyMandate, delegateMove, endTurn, signIfGood, speakTruth } from './delegate-moves';
import { authorMove } from './mediator';
import { buildModels } from './opponent-model';
import { OwnPosition } from './own-position';

export {
  type AiConfig,
  type Difficulty,
  LEVELS,
  newTurnMemory,
  progress,
  type TurnMemory,
  temperament,
} from './ai-context';

/** The least utility a delegation signs for at the very end: its reservation value, plus a share of the way to
 * its best on the harder levels (a tough bargainer walks away from a deal that gives it almost nothing). */
export function walkAwayPoint(own: OwnPosition, level: Level): number {
  const top = own.discount(own.ideal);
  return Math.round(own.reservation + Math.max(0, level.walkAway * (top - own.reservation)));
}

export function aspiration(
  view: SeatView,
  own: OwnPosition,
  level: Level,
  seed = 0,
): { target: number; drivers: ReasonDriver[] } {
  const me = own.me;
  const toughness = me.personality.toughness;
  // Each game's delegation has its own mood: a seeded ±25% on how fast it concedes.
  const mood = 0.75 + 0.5 * nextRandom(seed).value;
  const e = level.exponent * (1.3 - toughness / 150) * mood;
  const t = progress(view);
  const top = own.discount(own.ideal);
  const floor = walkAwayPoint(own, level) + 1;
  let target = top - (top - floor) * Math.min(1, t ** (1 / e));
  const drivers: ReasonDriver[] = ['aspiration'];
  // Reciprocity: mirror what the latest version gave or took from us.
  const versions = textsByVersion(view.log, [view.textVersion - 1, view.textVersion]);
  const latest = versions.get(view.textVersion);
  const before = versions.get(view.textVersion - 1);
  if (latest && before) {
    const delta = own.raw(latest) - own.raw(before);
    if (delta !== 0) {
      target -= level.reciprocity * delta * (delta > 0 ? 0.5 : 1);
      drivers.push('reciprocity');
    }
  }
  if (view.meetingsLeft === 0) drivers.push('deadline');
  return { target: Math.round(Math.max(floor, Math.min(top, target))), drivers };
}

/** The AI's next move in its own turn. Call again with the new view until it ends the turn. */
export function decide(view: SeatView, cfg: AiConfig, memory: TurnMemory): Move {
  const own = new OwnPosition(view);
  const level = LEVELS[cfg.difficulty];
  const models = buildModels(view, level.model);
  const { target, drivers } = aspiration(view, own, level, cfg.seed);
  const finalChance = view.meetingsLeft === 0 && view.round >= view.meeting.turns - 1;
  // Issue → options some other side has a believed red line on (asked for every option a move weighs).
  const walls = new Map<string, Set<string>>();
  for (const m of Object.values(models))
    for (const r of m.redLines)
      if (r.believed) {
        const options = walls.get(r.issue) ?? new Set<string>();
        options.add(r.option);
        walls.set(r.issue, options);
      }
  const ctx: Ctx = {
    forbidden: (issue, option) => walls.get(issue)?.has(option) === true,
    view,
    cfg,
    level,
    own,
    models,
    words: new Words(view),
    now: own.evaluate(view.text),
    target,
    walkAway: walkAwayPoint(own, level),
    finalChance,
    drivers,
    standing: standingObjections(view),
  };
  return (
    speakTruth(ctx, memory) ??
    (view.canPublish ? authorMove(ctx, memory) : null) ??
    consultIfOnlyMandate(ctx, memory) ??
    (view.canPublish ? null : delegateMove(ctx, memory)) ??
    signIfGood(ctx, memory) ??
    endTurn(ctx)
  );
}
