// AI delegations in the bidding / opponent-model / acceptance form. A delegation that writes the text (the
// mediator, or every speaker when there is none) drafts toward the believed Nash point while defending its own
// interests and answers every proposal; the others logroll, accept, sign or say exactly what stops them. Every
// move carries a reason derived from the decision taken; nothing crosses a red line, the reservation value or
// the mandate, and what an AI says it cannot sign it does not sign until it says publicly why it now can.
import type { Move, ReasonBasis, ReasonDriver } from '../engine/intents';
import { nextRandom } from '../engine/rng';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';
import type { Text } from '../scenario/schema';
import {
  believedShare,
  buildModels,
  concernsHit,
  crossesBelievedRedLine,
  type ModelSettings,
  type OpponentModels,
  type PartyModel,
} from './opponent-model';
import { type Evaluation, OwnPosition } from './own-position';

export type Difficulty = 'easy' | 'medium' | 'hard';

export interface AiConfig {
  difficulty: Difficulty;
  /** Seeds the AI's own tie-breaking; same seed, same moves. */
  seed: number;
}

/** What the AI remembers within one turn: what it has done, and the plan it made at the turn's start. */
export interface TurnMemory {
  done: string[];
  plan: Plan | null;
}

interface Plan {
  /** Issue → option changes to publish, or null to keep the text. */
  publish: Text | null;
  folds: number[];
  why: string;
  basis: ReasonBasis;
  privateNote: string;
}

/** How many of its heaviest issues an AI names, one a turn, most important first. */
const PRIORITIES_TOLD = 4;

export function newTurnMemory(): TurnMemory {
  return { done: [], plan: null };
}

interface Level {
  /** Concession exponent: above 1 concedes early (conceder), below 1 holds out (Boulware). */
  exponent: number;
  model: ModelSettings;
  /** How much an author weighs its own gain against the others' in its drafts. */
  selfWeight: number;
  /** Share of the others' concessions it mirrors (reciprocity). */
  reciprocity: number;
}

export const LEVELS: Record<Difficulty, Level> = {
  easy: {
    exponent: 2.4,
    model: { learning: 0.8, bluffBelief: 'always', startThreshold: 0.35 },
    selfWeight: 0.7,
    reciprocity: 0.6,
  },
  medium: {
    exponent: 1.1,
    model: { learning: 1, bluffBelief: 'credible', startThreshold: 0.4 },
    selfWeight: 1,
    reciprocity: 0.4,
  },
  hard: {
    exponent: 0.5,
    model: { learning: 1.2, bluffBelief: 'proven', startThreshold: 0.45 },
    selfWeight: 1.6,
    reciprocity: 0.25,
  },
};

/** hardliner, pragmatist or conceder, from the scenario's toughness. */
export function temperament(toughness: number): 'hardliner' | 'pragmatist' | 'conceder' {
  return toughness >= 60 ? 'hardliner' : toughness <= 35 ? 'conceder' : 'pragmatist';
}

/** How far through the calendar the table is, 0 at the first turn to 1 at the last. */
export function progress(view: SeatView): number {
  const total = view.meetingsElapsed + view.meetingsLeft + 1;
  const within = view.round / Math.max(1, view.meeting.turns);
  return Math.min(1, (view.meetingsElapsed + within) / Math.max(1, total - 0.5));
}

/** Names and labels for plain-word reasons: never ids. */
class Words {
  constructor(private readonly view: SeatView) {}
  party(id: string): string {
    return this.view.scenario.parties.find((p) => p.id === id)?.name ?? id;
  }
  issue(id: string): string {
    for (const p of this.view.scenario.packages) for (const i of p.issues) if (i.id === id) return i.name;
    return id;
  }
  option(issue: string, option: string): string {
    for (const p of this.view.scenario.packages)
      for (const i of p.issues)
        if (i.id === issue) return i.options.find((o) => o.id === option)?.label ?? option;
    return option;
  }
  both(issue: string, option: string): string {
    return `${this.issue(issue)}: ${this.option(issue, option)}`;
  }
  pkg(id: string): string {
    return this.view.scenario.packages.find((p) => p.id === id)?.name ?? id;
  }
  list(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join('; ')} and ${items.at(-1)}`;
  }
}

interface Ctx {
  /** Whether another party has declared it can never sign this option (and we believe it). */
  forbidden: (issue: string, option: string) => boolean;
  view: SeatView;
  cfg: AiConfig;
  level: Level;
  own: OwnPosition;
  models: OpponentModels;
  words: Words;
  now: Evaluation;
  target: number;
  finalChance: boolean;
  drivers: ReasonDriver[];
}

function reason(pub: string, priv: string, basis: ReasonBasis) {
  return { public: clip(pub, 590), private: clip(priv, 1990), basis };
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Texts by version, rebuilt from the log this seat saw. */
function textsByVersion(log: readonly GameEvent[]): Map<number, Text> {
  const out = new Map<number, Text>();
  const text: Text = {};
  for (const e of log) {
    if (e.type !== 'text.published') continue;
    Object.assign(text, e.changed);
    out.set(e.version, { ...text });
  }
  return out;
}

/** The least discounted utility this AI will settle for now: time-dependent, mirrored by reciprocity. */
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
  const floor = own.reservation + 1;
  const top = own.discount(own.ideal);
  let target = top - (top - floor) * Math.min(1, t ** (1 / e));
  const drivers: ReasonDriver[] = ['aspiration'];
  // Reciprocity: mirror what the latest version gave or took from us.
  const versions = textsByVersion(view.log);
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
  const walls = new Set<string>();
  for (const m of Object.values(models))
    for (const r of m.redLines) if (r.believed) walls.add(`${r.issue}=${r.option}`);
  const ctx: Ctx = {
    forbidden: (issue, option) => walls.has(`${issue}=${option}`),
    view,
    cfg,
    level,
    own,
    models,
    words: new Words(view),
    now: own.evaluate(view.text),
    target,
    finalChance,
    drivers,
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

function mine(view: SeatView, e: GameEvent): boolean {
  return 'by' in e && e.by === view.seat;
}

/** Our standing objections (concerns and red lines not retracted), by issue and option. */
function standingObjections(
  view: SeatView,
): Array<{ issue: string; option: string; kind: 'concern' | 'red-line' }> {
  const standing = new Map<string, { issue: string; option: string; kind: 'concern' | 'red-line' }>();
  for (const e of view.log) {
    if (e.type !== 'signal.sent' || !mine(view, e) || e.option === null) continue;
    const key = `${e.issue}=${e.option}`;
    if (e.kind === 'concern' || e.kind === 'red-line')
      standing.set(key, { issue: e.issue, option: e.option, kind: e.kind });
    else if (e.kind === 'retract') standing.delete(key);
  }
  return [...standing.values()];
}

/** Signals that keep our words true: priorities once, red lines and blockers when the text holds them, and a
 * public retraction before we could sign a text holding an option we said we could not sign. */
function speakTruth(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, own, words } = ctx;
  // 1. Our heaviest issues, one per turn, most important first, told truthfully.
  const told = view.log.filter((e) => e.type === 'signal.sent' && mine(view, e) && e.kind === 'priority');
  if (told.length < PRIORITIES_TOLD && !memory.done.includes('priority')) {
    memory.done.push('priority');
    const ranked = Object.entries(own.me.preferences)
      .map(([issue, pref]) => ({ issue, weight: pref.weight }))
      .sort((a, b) => b.weight - a.weight || a.issue.localeCompare(b.issue));
    const already = new Set(told.map((e) => (e.type === 'signal.sent' ? e.issue : '')));
    const next =
      ranked.find((r) => !already.has(r.issue) && own.bestOption(r.issue) !== view.text[r.issue]) ??
      ranked.find((r) => !already.has(r.issue));
    if (next) {
      const option = own.bestOption(next.issue);
      return {
        type: 'signal.send',
        kind: 'priority',
        issue: next.issue,
        ...(option ? { option } : {}),
        to: 'all',
        reason: reason(
          `${words.issue(next.issue)} is among what matters most to us${option ? `: we want ${words.option(next.issue, option)}` : ''}.`,
          `Weight ${next.weight} of 100 on ${words.issue(next.issue)}.`,
          { drivers: ['priority'] },
        ),
      };
    }
  }
  const standing = standingObjections(view);
  // 2. What makes the current text impossible for us, said once while it stands.
  for (const raw of own.blockers(view.text, ctx.forbidden)) {
    // A package short of our mandate: name the option whose fix costs the others least, as we believe them.
    const fix = raw.rule === 'mandate' ? mandateFix(ctx, own.issuePackage.get(raw.issue) ?? '') : null;
    const b = fix ? { ...raw, issue: fix.issue, option: view.text[fix.issue] ?? raw.option } : raw;
    const said = standing.some((s) => s.issue === b.issue && s.option === b.option);
    const key = `block:${b.issue}=${b.option}`;
    if (said || memory.done.includes(key)) continue;
    memory.done.push(key);
    const isRedLine = b.rule === 'red-line';
    return {
      type: 'signal.send',
      kind: isRedLine ? 'red-line' : 'concern',
      issue: b.issue,
      option: b.option,
      to: 'all',
      reason: reason(
        isRedLine
          ? `We can never sign a text with ${words.both(b.issue, b.option)}.`
          : `As the text stands, ${words.both(b.issue, b.option)} ${b.rule === 'mandate' ? `takes ${words.pkg(own.issuePackage.get(b.issue) ?? '')} below what our capital lets us accept` : 'would not pass at home'}: we cannot sign it so.`,
        `${b.rule}: ${b.detail}.`,
        { drivers: [b.rule === 'red-line' ? 'red-line' : b.rule] },
      ),
    };
  }
  // 3. A concern that no longer holds, on an option still in the text: take it back in public, saying why.
  const blockingNow = new Set(own.blockers(view.text, ctx.forbidden).map((b) => `${b.issue}=${b.option}`));
  for (const s of standing) {
    if (s.kind !== 'concern') continue;
    if (view.text[s.issue] === s.option) {
      if (blockingNow.has(`${s.issue}=${s.option}`) || !ctx.now.ok) continue;
    } else {
      // Not in the text: would it still stop us if it came back, with the rest of the text as it is now?
      const back = { ...view.text, [s.issue]: s.option };
      if (!ctx.now.ok || !own.valid(back)) continue;
    }
    const widened = view.log.some((e) => e.type === 'capital.replied' && e.party === view.seat && e.widened);
    return {
      type: 'signal.send',
      kind: 'retract',
      issue: s.issue,
      option: s.option,
      to: 'all',
      reason: reason(
        widened
          ? `Our capital has widened our mandate: we can now live with ${words.both(s.issue, s.option)}.`
          : view.text[s.issue] === s.option
            ? `With the rest of text v${view.textVersion}, ${words.both(s.issue, s.option)} no longer stops us: we withdraw our concern.`
            : `With the rest of the text as it stands in v${view.textVersion}, ${words.both(s.issue, s.option)} would no longer stop us: we withdraw our concern.`,
        `The concern on ${s.issue}=${s.option} no longer blocks: mandate and ratification pass on v${view.textVersion}.`,
        { drivers: ['word', widened ? 'mandate' : 'link'] },
      ),
    };
  }
  return null;
}

/** Consult the capital when our own mandate is all that stops a text we would otherwise take. */
function consultIfOnlyMandate(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, now, target, words } = ctx;
  if (memory.done.includes('consult')) return null;
  if (now.redLines.length || now.ratificationFails.length || !now.mandateShort.length || now.now < target)
    return null;
  if (view.meetingsLeft === 0) return null;
  const pkg = now.mandateShort[0]!;
  const consulted = view.log.filter(
    (e) => e.type === 'capital.consulted' && mine(view, e) && e.package === pkg,
  ).length;
  if (consulted >= 2) return null;
  memory.done.push('consult');
  return {
    type: 'capital.consult',
    package: pkg,
    reason: reason(
      `Text v${view.textVersion} is close to what we can sign, but ${words.pkg(pkg)} is beyond our mandate: we must consult our capital.`,
      `Utility ${now.now} ≥ aspiration ${target}; ${pkg} share below the mandate's minimum.`,
      { drivers: ['mandate'] },
    ),
  };
}

/** Accept the agenda's packages, then sign, when the text is good enough (or, at the last chance, beats no deal). */
function signIfGood(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, now, target, own } = ctx;
  const deadline = ctx.finalChance && now.ok && now.now > own.reservation;
  const good = now.ok && now.now >= target;
  if (!good && !deadline) return null;
  if (standingObjections(view).some((s) => view.text[s.issue] === s.option)) return null;
  if (!view.canPublish) {
    for (const pkg of view.packages) {
      if (!pkg.onAgenda || pkg.acceptedBy.includes(view.seat) || memory.done.includes(`accept:${pkg.id}`))
        continue;
      memory.done.push(`accept:${pkg.id}`);
      return {
        type: 'package.accept',
        package: pkg.id,
        version: view.textVersion,
        reason: reason(
          `We accept ${pkg.name} as it stands in v${view.textVersion}.`,
          `Whole text worth ${now.now} against our aspiration ${target}; ${pkg.id} at ${own.packageShare(view.text, pkg.id)}% of our best.`,
          { drivers: ['aspiration'] },
        ),
      };
    }
  }
  if (view.signatures[view.seat] === view.textVersion) return null;
  const drivers: ReasonDriver[] = good ? ctx.drivers : ['deadline', 'alternative'];
  return {
    type: 'text.sign',
    version: view.textVersion,
    reason: reason(
      good
        ? `We sign text v${view.textVersion}: it meets what we came for.`
        : `This is the last chance: text v${view.textVersion} is better for us than no agreement, so we sign it.`,
      `Utility ${now.now} (aspiration ${target}, reservation ${own.reservation}).`,
      { drivers },
    ),
  };
}

/** The issue of a text that costs us most against our best, among the given packages. */
function worstIssues(
  own: OwnPosition,
  text: Text,
  packages?: string[],
  forbidden: (issue: string, option: string) => boolean = () => false,
): Array<{ issue: string; loss: number; option: string }> {
  const out: Array<{ issue: string; loss: number; option: string }> = [];
  for (const i of own.issues) {
    if (packages && !packages.includes(own.issuePackage.get(i.id) ?? '')) continue;
    // The best option we could ask for without one another party can never sign.
    let best: string | undefined;
    let bv = -1;
    for (const o of i.options) {
      if (forbidden(i.id, o.id)) continue;
      const v = own.value(i.id, o.id);
      if (v > bv) {
        bv = v;
        best = o.id;
      }
    }
    const loss = own.weight(i.id) * (bv - own.value(i.id, text[i.id]));
    if (best !== undefined && loss > 0) out.push({ issue: i.id, loss, option: best });
  }
  // Packages short of our mandate come first: they are what stops us signing.
  const short = new Set(
    own.me.mandate.filter((m) => own.packageShare(text, m.package) < m.minimum).map((m) => m.package),
  );
  const rank = (x: { issue: string }) => Number(short.has(own.issuePackage.get(x.issue) ?? ''));
  return out.sort((a, b) => rank(b) - rank(a) || b.loss - a.loss || a.issue.localeCompare(b.issue));
}

/** A delegation that does not write the text: logroll with an amendment, accept on conditions, or reject
 * with the issue named. */
function delegateMove(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, own, now, target, words, models } = ctx;
  const good = now.ok && now.now >= target;
  if (good || (ctx.finalChance && now.ok && now.now > own.reservation)) return null;
  const agenda = view.packages.filter((p) => p.onAgenda).map((p) => p.id);
  const gaps = worstIssues(own, view.text, agenda, ctx.forbidden).filter(
    // Never ask for what would cross our own limits.
    (g) => !own.evaluate({ ...view.text, [g.issue]: g.option }).redLines.length,
  );
  // 1. One logrolling amendment a turn: ask on what we value most, give on what we value least.
  if (!memory.done.includes('amend') && gaps.length) {
    memory.done.push('amend');
    const shortPkg = ctx.now.mandateShort.find((p) => agenda.includes(p));
    const fix = shortPkg ? mandateFix(ctx, shortPkg) : null;
    const ask = fix ? { issue: fix.issue, option: fix.option, loss: fix.gain } : gaps[0]!;
    const pkg = own.issuePackage.get(ask.issue)!;
    const askOption = ask.option;
    const options: Text = { [ask.issue]: askOption };
    const give = bestGive(ctx, pkg, { ...view.text, ...options }, ask.issue);
    if (give) options[give.issue] = give.option;
    const repeated = view.openAmendments.some(
      (a) =>
        a.by === view.seat &&
        a.version === view.textVersion &&
        JSON.stringify(a.options) === JSON.stringify(options),
    );
    if (!repeated) {
      const conceded = give ? { [give.issue]: give.option } : undefined;
      return {
        type: 'amendment.propose',
        package: pkg,
        options,
        reason: reason(
          `We ask for ${words.both(ask.issue, askOption)}${give ? `, and in return we offer ${words.both(give.issue, give.option)}, which we believe matters more to ${words.party(give.forParty)} than to us` : ''}.`,
          `Text worth ${now.now} against aspiration ${target}; ${ask.issue} costs us ${ask.loss}${give ? `; giving ${give.issue} costs us ${give.cost}` : ''}.`,
          {
            drivers: give ? ['trade', 'priority'] : ['priority'],
            asked: { [ask.issue]: askOption },
            ...(conceded ? { conceded } : {}),
          },
        ),
      };
    }
  }
  // 2. Reject the package that holds our biggest gap, once per version, naming it.
  const worst = gaps[0] ?? worstIssues(own, view.text, agenda)[0];
  if (worst) {
    const pkg = own.issuePackage.get(worst.issue)!;
    const pv = view.packages.find((p) => p.id === pkg);
    if (pv && !pv.rejectedBy.includes(view.seat) && !memory.done.includes(`reject:${pkg}`)) {
      memory.done.push(`reject:${pkg}`);
      return {
        type: 'package.reject',
        package: pkg,
        version: view.textVersion,
        reason: reason(
          `We cannot accept ${words.pkg(pkg)} with ${words.both(worst.issue, view.text[worst.issue] ?? '')}.`,
          `That option costs us ${worst.loss} of ${own.ideal}; text worth ${now.now} against aspiration ${target}.`,
          { drivers: ['aspiration'], asked: { [worst.issue]: worst.option } },
        ),
      };
    }
  }
  // 3. Accept, on condition, the agenda packages that already work for us, bound to the one we care most about.
  const shares = agenda.map((p) => ({ pkg: p, share: own.packageShare(view.text, p) }));
  const wantShare = Math.min(100, Math.round((target * 100) / Math.max(1, own.discount(own.ideal))));
  const fine = shares.filter((s) => s.share >= wantShare);
  const anchor = [...fine].sort((a, b) => packageWeight(own, b.pkg) - packageWeight(own, a.pkg))[0];
  for (const s of fine) {
    const pv = view.packages.find((p) => p.id === s.pkg);
    if (
      !pv ||
      !anchor ||
      s.pkg === anchor.pkg ||
      pv.acceptedBy.includes(view.seat) ||
      memory.done.includes(`cond:${s.pkg}`)
    )
      continue;
    if (own.me.mandate.find((m) => m.package === s.pkg && s.share < m.minimum)) continue;
    memory.done.push(`cond:${s.pkg}`);
    return {
      type: 'package.acceptConditional',
      package: s.pkg,
      version: view.textVersion,
      onlyIf: [anchor.pkg],
      reason: reason(
        `We accept ${words.pkg(s.pkg)} as in v${view.textVersion}, only if ${words.pkg(anchor.pkg)} stays as it is.`,
        `${s.pkg} gives ${s.share}% of our best, ${anchor.pkg} ${anchor.share}%; together they carry the text.`,
        { drivers: ['link'] },
      ),
    };
  }
  void models;
  return null;
}

function packageWeight(own: OwnPosition, pkg: string): number {
  let w = 0;
  for (const i of own.issues) if (own.issuePackage.get(i.id) === pkg) w += own.weight(i.id);
  return w;
}

/** The change in a package short of our mandate that helps us most for the least believed cost to the others,
 * never one another side has declared it can never sign. */
function mandateFix(ctx: Ctx, pkg: string): { issue: string; option: string; gain: number } | null {
  const { own, view, models } = ctx;
  let best: { issue: string; option: string; gain: number; score: number } | null = null;
  for (const issue of own.issues) {
    if (own.issuePackage.get(issue.id) !== pkg) continue;
    const current = view.text[issue.id];
    for (const o of issue.options) {
      if (o.id === current || ctx.forbidden(issue.id, o.id)) continue;
      const gain = own.weight(issue.id) * (own.value(issue.id, o.id) - own.value(issue.id, current));
      if (gain <= 0) continue;
      const t = { ...view.text, [issue.id]: o.id };
      if (own.evaluate(t).redLines.length) continue;
      let cost = 0;
      for (const m of Object.values(models))
        cost += Math.max(0, believedShare(m, view.text) - believedShare(m, t)) * 10000;
      const score = gain - cost;
      if (!best || score > best.score) best = { issue: issue.id, option: o.id, gain, score };
    }
  }
  return best ? { issue: best.issue, option: best.option, gain: best.gain } : null;
}

/** The cheapest option we can offer in a package, to the party we believe values it most. */
function bestGive(
  ctx: Ctx,
  pkg: string,
  text: Text,
  skip: string,
): { issue: string; option: string; cost: number; forParty: string } | null {
  const { own, models } = ctx;
  let best: { issue: string; option: string; cost: number; forParty: string; score: number } | null = null;
  for (const issue of own.issues) {
    if (issue.id === skip || own.issuePackage.get(issue.id) !== pkg) continue;
    const current = text[issue.id];
    for (const o of issue.options) {
      if (o.id === current) continue;
      const candidate = { ...text, [issue.id]: o.id };
      const cost = own.weight(issue.id) * (own.value(issue.id, current) - own.value(issue.id, o.id));
      if (!own.valid(candidate) && own.valid(text)) continue;
      if (own.evaluate(candidate).redLines.length) continue;
      for (const m of Object.values(models)) {
        const gain = believedShare(m, candidate) - believedShare(m, text);
        if (gain <= 0.005 || crossesBelievedRedLine(m, candidate, false)) continue;
        const score = gain * 10000 - Math.max(0, cost);
        if (score > 0 && (!best || score > best.score))
          best = { issue: issue.id, option: o.id, cost, forParty: m.party, score };
      }
    }
  }
  return best ? { issue: best.issue, option: best.option, cost: best.cost, forParty: best.forParty } : null;
}

// ---------------------------------------------------------------------------------------------------------
// The author of the text: drafts, folds, counters, declines, and works on whoever blocks.

interface Proposal {
  seq: number;
  kind: 'amendment' | 'conditional' | 'red-line';
  by: string;
  event: GameEvent;
}

/** Proposals by others that we have not answered yet. */
function unanswered(view: SeatView): Proposal[] {
  const answered = new Set<number>();
  for (const e of view.log) if (e.type === 'proposal.answered' && mine(view, e)) answered.add(e.ref);
  const out: Proposal[] = [];
  for (const e of view.log) {
    if (!('by' in e) || e.by === view.seat || answered.has(e.seq)) continue;
    if (e.type === 'amendment.proposed') out.push({ seq: e.seq, kind: 'amendment', by: e.by, event: e });
    else if (e.type === 'package.accepted' && e.onlyIf)
      out.push({ seq: e.seq, kind: 'conditional', by: e.by, event: e });
    else if (e.type === 'signal.sent' && e.kind === 'red-line' && e.option !== null)
      out.push({ seq: e.seq, kind: 'red-line', by: e.by, event: e });
  }
  return out;
}

interface Scorer {
  score(text: Text): number;
  parts(text: Text): { own: number; others: Record<string, number> };
}

/** The author's objective: a weighted Nash product of gains over what each side needs (its own exactly, the
 * others' as believed), with hard walls at our own limits and at believed red lines. */
function scorer(ctx: Ctx, authorTarget: number): Scorer {
  const { own, models, level } = ctx;
  const span = Math.max(1, own.discount(own.ideal) - own.reservation);
  const ms = Object.values(models);
  const spoke = new Set(
    ctx.view.log.filter((e) => e.type === 'signal.sent').map((e) => ('by' in e ? e.by : '')),
  );
  const silentPriors = ctx.view.scenario.publicPriors
    // Silent: it has had the floor and let texts go unsigned, yet never said what it needs.
    .filter(
      (p) => p.about !== ctx.view.seat && !spoke.has(p.about) && (models[p.about]?.declined.length ?? 0) > 0,
    )
    .map((p): [string, (typeof ctx.view.scenario.publicPriors)[number]] => [p.about, p]);
  const silentWeight = 1.5;
  const accepted: Array<{ issues: string[]; combos: string[][] }> = [];
  for (const m of ms)
    for (const [pkg, combos] of Object.entries(m.acceptedCombos))
      accepted.push({
        issues: ctx.view.scenario.packages.find((x) => x.id === pkg)?.issues.map((i) => i.id) ?? [],
        combos: combos.map((c) => c.split('|')),
      });
  // Demands shown early soften as the calendar runs out: every side signs anything above no deal at the end.
  const wall = 12 * (1 - 0.6 * progress(ctx.view));
  const parts = (text: Text) => {
    const others: Record<string, number> = {};
    for (const m of ms) others[m.party] = believedShare(m, text);
    return { own: own.discount(own.raw(text)), others };
  };
  return {
    parts,
    score(text: Text): number {
      if (!own.valid(text)) return -1e6;
      const p = parts(text);
      const g = (p.own - own.reservation) / span;
      if (g <= 0) return -1e5 + g;
      let s = level.selfWeight * Math.log(g + 0.01);
      if (p.own < authorTarget) s -= (10 * (authorTarget - p.own)) / span;
      // A side that has said nothing is taken at its public positions: leaving one out is a risk.
      for (const [party, prior] of silentPriors) {
        for (const issue of prior.priorities)
          if (prior.preferred[issue] !== undefined && text[issue] !== prior.preferred[issue])
            s -= silentWeight;
        void party;
      }
      // Build the agreement from pieces each side has accepted: a package written as no version that side
      // ever accepted is a risk, whatever our model says.
      for (const { issues, combos } of accepted) {
        let held = false;
        for (const combo of combos) {
          let all = true;
          for (let k = 0; k < issues.length && all; k++) if (text[issues[k]!] !== combo[k]) all = false;
          if (all) {
            held = true;
            break;
          }
        }
        if (!held) s -= 1.2;
      }
      for (const m of ms) {
        const share = p.others[m.party] ?? 0;
        // The Nash product is taken over gains from a believed no-deal point; what a side has shown it
        // needs now (its threshold) is a wall the text must clear before it can be signed.
        const base = level.model.startThreshold;
        const gain = (share - base) / Math.max(0.05, 1 - base);
        s += gain > 0 ? Math.log(gain + 0.01) : -4.6 + 12 * gain;
        if (share < m.threshold) s -= (wall * (m.threshold - share)) / Math.max(0.05, 1 - m.threshold);
        s -= 60 * crossesBelievedRedLine(m, text, true);
        s -= 1.5 * (crossesBelievedRedLine(m, text, false) - crossesBelievedRedLine(m, text, true));
        // A concern says "we cannot sign it so": nearly a wall, from a party whose word has held.
        s -= (m.credibility >= 1 ? 8 : 2) * (1 - 0.5 * progress(ctx.view)) * concernsHit(m, text);
      }
      return s;
    },
  };
}

/** Hill-climbing over the agenda's issues from several seeds, single changes then pairs. */
function draft(ctx: Ctx, sc: Scorer, seeds: Text[], frozen: ReadonlySet<string> = new Set()): Text {
  const { view } = ctx;
  const agenda = new Set(view.meeting.agenda);
  const issues = view.scenario.packages
    .filter((p) => agenda.has(p.id))
    .flatMap((p) => p.issues)
    .filter((i) => !frozen.has(i.id));
  let rng = ctx.cfg.seed ^ (view.textVersion * 2654435761);
  let bestText = seeds[0] ?? view.text;
  let bestScore = sc.score(bestText);
  for (const seed of seeds) {
    let text = { ...seed };
    let score = sc.score(text);
    for (let sweep = 0; sweep < 12; sweep++) {
      const r = nextRandom(rng);
      rng = r.state;
      const start = Math.floor(r.value * issues.length);
      let improved = false;
      for (let k = 0; k < issues.length; k++) {
        const issue = issues[(k + start) % issues.length]!;
        for (const o of issue.options) {
          if (text[issue.id] === o.id) continue;
          const candidate = { ...text, [issue.id]: o.id };
          const s = sc.score(candidate);
          if (s > score + 1e-9) {
            text = candidate;
            score = s;
            improved = true;
          }
        }
      }
      if (!improved) {
        // Pairs: a concession on one issue paid for on another.
        outer: for (let a = 0; a < issues.length; a++) {
          for (let b = a + 1; b < issues.length; b++) {
            const ia = issues[a]!;
            const ib = issues[b]!;
            for (const oa of ia.options) {
              if (text[ia.id] === oa.id) continue;
              for (const ob of ib.options) {
                if (text[ib.id] === ob.id) continue;
                const candidate = { ...text, [ia.id]: oa.id, [ib.id]: ob.id };
                const s = sc.score(candidate);
                if (s > score + 1e-9) {
                  text = candidate;
                  score = s;
                  improved = true;
                  break outer;
                }
              }
            }
          }
        }
      }
      if (!improved) break;
    }
    if (score > bestScore + 1e-9) {
      bestScore = score;
      bestText = text;
    }
  }
  return bestText;
}

function changes(from: Text, to: Text): Text {
  const out: Text = {};
  for (const [k, v] of Object.entries(to)) if (from[k] !== v) out[k] = v;
  return out;
}

/** Who has not signed the current text and what they said stops them. */
function blockersOfTable(ctx: Ctx): Array<{ party: string; issues: string[] }> {
  const { view, models } = ctx;
  const out: Array<{ party: string; issues: string[] }> = [];
  for (const m of Object.values(models)) {
    if (view.signatures[m.party] === view.textVersion) continue;
    const issues = [
      ...m.concerns.filter((c) => view.text[c.issue] === c.option).map((c) => c.issue),
      ...m.redLines.filter((c) => view.text[c.issue] === c.option).map((c) => c.issue),
    ];
    out.push({ party: m.party, issues });
  }
  return out;
}

/** A party that has rejected version after version and asked for nothing: a spoiler to name in public. */
function spoiler(ctx: Ctx): string | null {
  const { view } = ctx;
  for (const m of Object.values(ctx.models)) {
    let rejections = 0;
    let proposals = 0;
    const versions = new Set<number>();
    for (const e of view.log) {
      if (!('by' in e) || e.by !== m.party) continue;
      if (e.type === 'package.rejected') {
        rejections++;
        versions.add(e.version);
      }
      if (e.type === 'amendment.proposed' || e.type === 'signal.sent' || e.type === 'package.accepted')
        proposals++;
    }
    if (versions.size >= 3 && rejections >= 4 && proposals === 0) return m.party;
  }
  return null;
}

function makePlan(ctx: Ctx): Plan {
  const { view, own, words, models } = ctx;
  const authorTarget = Math.max(own.reservation + 1, ctx.target);
  const sc = scorer(ctx, authorTarget);
  const open = unanswered(view).filter((p) => p.kind === 'amendment');
  const seeds: Text[] = [{ ...view.text }];
  for (const p of open)
    if (p.event.type === 'amendment.proposed') seeds.push({ ...view.text, ...p.event.options });
  // A move we made toward a side that has not signed yet stays while that side still has not: undoing it
  // at once would teach it nothing and us nothing.
  const frozen = probedIssues(view);
  const best = draft(ctx, sc, seeds, frozen);
  const currentScore = sc.score(view.text);
  const bestScore = sc.score(best);
  const changed = changes(view.text, best);
  const signedBy = Object.entries(view.signatures)
    .filter(([, v]) => v === view.textVersion)
    .map(([p]) => p);
  // Publishing lapses every signature: worth it when someone is blocked, or for a clearly better text.
  const blocked = Object.values(models).some(
    (m) =>
      view.signatures[m.party] !== view.textVersion &&
      (concernsHit(m, view.text) > 0 ||
        crossesBelievedRedLine(m, view.text, true) > 0 ||
        m.declined.includes(view.textVersion)),
  );
  const margin = signedBy.length > 0 && !blocked ? 0.25 : 0.02;
  let publish = Object.keys(changed).length > 0 && bestScore > currentScore + margin ? changed : null;
  let probe: string | null = null;
  if (!publish) {
    // Nothing better by our model, yet a side keeps the text unsigned: our model of it is wrong. Move the
    // text toward it on the issue it seems to want most, at the least cost to us and to the others' walls.
    const step = workOnBlocker(ctx, authorTarget);
    if (step) {
      publish = step.change;
      probe = step.party;
    }
  }
  const result = publish ? { ...view.text, ...publish } : view.text;
  const folds = publish
    ? view.openAmendments
        .filter((a) => a.by !== view.seat && Object.entries(a.options).every(([i, o]) => result[i] === o))
        .map((a) => a.id)
    : [];
  // Plain words: what changes, and for whom, as we believe it.
  const before = sc.parts(view.text);
  const after = sc.parts(result);
  const items: string[] = [];
  const conceded: Text = {};
  const asked: Text = {};
  for (const [issue, option] of Object.entries(publish ?? {})) {
    const single = { ...view.text, [issue]: option };
    const ownDelta = own.raw(single) - own.raw(view.text);
    let beneficiary: string | null = null;
    let bestGain = 0.004;
    for (const m of Object.values(models)) {
      const g = believedShare(m, single) - believedShare(m, view.text);
      if (g > bestGain) {
        bestGain = g;
        beneficiary = m.party;
      }
    }
    if (ownDelta < 0) conceded[issue] = option;
    else if (ownDelta > 0) asked[issue] = option;
    const forWhom = beneficiary ? ` for ${words.party(beneficiary)}` : ownDelta > 0 ? ' for us' : '';
    items.push(`${words.both(issue, option)}${forWhom}`);
  }
  const foldedBy = folds.map((id) => {
    const a = view.openAmendments.find((x) => x.id === id);
    return a ? `${words.party(a.by)}'s amendment ${id}` : `amendment ${id}`;
  });
  const blockers = blockersOfTable(ctx).filter((b) => b.issues.length > 0);
  const answersTo = blockers
    .filter((b) => b.issues.some((i) => publish && publish[i] !== undefined))
    .map((b) => words.party(b.party));
  const why = publish
    ? `Text v${view.textVersion + 1}: ${words.list(items)}.${probe ? ` ${words.party(probe)} has not signed${saidWhat(view, probe) ? ': we move toward what it seems to want' : ' and has not said why: we move toward what it seems to want and ask it to say what it needs'}.` : ''}${foldedBy.length ? ` It folds in ${words.list(foldedBy)}.` : ''}${answersTo.length ? ` It answers what ${words.list(answersTo)} said stopped them.` : ''}${Object.keys(conceded).length && Object.keys(asked).length ? ' We give on some issues to gain on others.' : Object.keys(conceded).length ? ' We give ground ourselves to close the gap.' : ''}`
    : '';
  const fmt = (p: { own: number; others: Record<string, number> }) =>
    `own ${p.own}; believed shares ${Object.entries(p.others)
      .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
      .join(', ')}`;
  const needs = Object.values(models)
    .map((m) => `${m.party} needs ~${(m.threshold * 100).toFixed(0)}%`)
    .join(', ');
  const drivers: ReasonDriver[] = probe ? ['probe'] : ['trade'];
  if (folds.length) drivers.push('answer');
  if (view.meetingsLeft === 0) drivers.push('deadline');
  return {
    publish,
    folds,
    why,
    basis: {
      drivers,
      ...(Object.keys(conceded).length ? { conceded } : {}),
      ...(Object.keys(asked).length ? { asked } : {}),
    },
    privateNote: `Before: ${fmt(before)}. After: ${fmt(after)}. Aspiration ${authorTarget}; ${needs}; objective ${currentScore.toFixed(2)} → ${bestScore.toFixed(2)}.`,
  };
}

/** Issues our own earlier probes moved toward a side that has still not signed (since the probe). */
function probedIssues(view: SeatView): Set<string> {
  const frozen = new Set<string>();
  const mine = view.log.filter((e) => e.type === 'text.published' && e.by === view.seat);
  for (const e of mine.slice(-3)) {
    if (e.type !== 'text.published' || !e.reason?.basis?.drivers.includes('probe')) continue;
    // Who it was for: the sides that had not signed the version before it, and have not signed since.
    const unsigned = view.scenario.parties
      .map((p) => p.id)
      .filter((p) => p !== view.seat && view.signatures[p] !== view.textVersion);
    if (unsigned.length === 0) continue;
    for (const issue of Object.keys(e.changed)) frozen.add(issue);
  }
  return frozen;
}

/** Whether a side has said what it needs: an amendment, a concern or a red line of its own. */
function saidWhat(view: SeatView, party: string): boolean {
  return view.log.some(
    (e) =>
      (e.type === 'amendment.proposed' && e.by === party) ||
      (e.type === 'signal.sent' && e.by === party && e.kind !== 'priority'),
  );
}

/** A single change toward the side that keeps refusing to sign, when the model finds nothing better. */
function workOnBlocker(ctx: Ctx, authorTarget: number): { change: Text; party: string } | null {
  const { view, own, models } = ctx;
  const blocker = Object.values(models)
    .filter(
      (m) =>
        view.signatures[m.party] !== view.textVersion &&
        m.declined.filter((v) => v === view.textVersion).length >= 1,
    )
    .sort((a, b) => a.party.localeCompare(b.party))[0];
  if (!blocker) return null;
  // Work where it has not accepted: a package it left unaccepted is where the text falls short for it.
  const unaccepted = view.packages
    .filter((p) => p.onAgenda && !p.acceptedBy.includes(blocker.party))
    .map((p) => p.id);
  const agenda = new Set(unaccepted.length ? unaccepted : view.meeting.agenda);
  const floor =
    view.meetingsLeft === 0 ? own.reservation + 1 : Math.min(authorTarget, own.discount(own.raw(view.text)));
  let best: { change: Text; score: number } | null = null;
  for (const issue of own.issues) {
    if (!agenda.has(own.issuePackage.get(issue.id) ?? '')) continue;
    for (const o of issue.options) {
      if (view.text[issue.id] === o.id) continue;
      const t = { ...view.text, [issue.id]: o.id };
      if (!own.valid(t) || own.discount(own.raw(t)) < floor) continue;
      // Where we know nothing of its values (equal beliefs) in a package it left unaccepted, a move is worth
      // trying: its silence there is all we have to go on.
      const believed = believedShare(blocker, t) - believedShare(blocker, view.text);
      const unknown = Math.abs(believed) < 1e-9 && unaccepted.includes(own.issuePackage.get(issue.id) ?? '');
      const gain = unknown ? 0.01 : believed;
      if (gain <= 0) continue;
      let cost = (own.raw(view.text) - own.raw(t)) / 10000;
      let wall = false;
      for (const m of Object.values(models)) {
        if (m.party === blocker.party) continue;
        if (crossesBelievedRedLine(m, t, true) || concernsHit(m, t) > concernsHit(m, view.text)) wall = true;
        cost += Math.max(0, believedShare(m, view.text) - believedShare(m, t));
      }
      if (wall) continue;
      const score = gain - 0.5 * cost;
      if (!best || score > best.score) best = { change: { [issue.id]: o.id }, score };
    }
  }
  return best ? { change: best.change, party: blocker.party } : null;
}

function authorMove(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view, own, words, models } = ctx;
  if (!memory.plan) memory.plan = makePlan(ctx);
  const plan = memory.plan;
  // 1. Publish the new draft first: folded amendments are answered by the engine as it publishes.
  if (plan.publish && !memory.done.includes('publish')) {
    memory.done.push('publish');
    return {
      type: 'text.publish',
      text: plan.publish,
      ...(plan.folds.length ? { folds: plan.folds } : {}),
      reason: reason(plan.why, plan.privateNote, plan.basis),
    };
  }
  // 2. Answer every other proposal: folded if the text now meets it, else a named trade or a reason.
  for (const p of unanswered(view)) {
    const key = `answer:${p.seq}`;
    if (memory.done.includes(key)) continue;
    memory.done.push(key);
    return answer(ctx, p);
  }
  void own;
  void words;
  void models;
  return null;
}

function answer(ctx: Ctx, p: Proposal): Move {
  const { view, own, words, models } = ctx;
  const e = p.event;
  const who = words.party(p.by);
  const proposerModel = models[p.by];
  if (e.type === 'amendment.proposed') {
    const met = Object.entries(e.options).every(([i, o]) => view.text[i] === o);
    if (met)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'folded',
        reason: reason(
          `Text v${view.textVersion} already holds what ${who} asked in amendment ${e.amendment}.`,
          'Met.',
          {
            drivers: ['answer'],
          },
        ),
      };
    // Which of its options we could take, and which we cannot.
    const give: Text = {};
    const refuse: Array<{ issue: string; option: string; why: string }> = [];
    for (const [issue, option] of Object.entries(e.options)) {
      if (view.text[issue] === option) continue;
      const t = { ...view.text, [issue]: option };
      const ev = own.evaluate(t);
      const cost = own.raw(view.text) - own.raw(t);
      const hurts = Object.values(models)
        .filter((m) => m.party !== p.by)
        .find(
          (m) =>
            crossesBelievedRedLine(m, t, true) || believedShare(m, t) < believedShare(m, view.text) - 0.04,
        );
      if (!own.valid(t) && own.valid(view.text)) {
        refuse.push({
          issue,
          option,
          why: ev.redLines.length
            ? 'it crosses our red line'
            : ev.mandateShort.length
              ? 'it takes us beyond our mandate'
              : 'it would not pass at home',
        });
      } else if (hurts) {
        refuse.push({
          issue,
          option,
          why: `it costs ${words.party(hurts.party)} more than it gives ${who}, as far as we can tell`,
        });
      } else if (cost > 300) {
        refuse.push({ issue, option, why: 'it costs us too much on its own' });
      } else give[issue] = option;
    }
    // A counter: what we can give, and what we ask of the proposer in return (something it seems to value less).
    const ask = proposerModel ? cheapAsk(ctx, proposerModel, Object.keys(e.options)) : null;
    // An offer left out of the text we just wrote is only honest with a price on it: without one, what we
    // did not put in the text is declined, with the reason that the others could not sign it.
    if (!ask)
      for (const [issue, option] of Object.entries(give)) {
        delete give[issue];
        refuse.push({ issue, option, why: 'we could not fit it into a text the others can sign' });
      }
    if (Object.keys(give).length > 0) {
      const giveText = Object.keys(give).length
        ? words.list(Object.entries(give).map(([i, o]) => words.both(i, o)))
        : null;
      const refused = refuse.map((r) => `${words.both(r.issue, r.option)} (${r.why})`);
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'countered',
        issue: refuse[0]?.issue ?? Object.keys(e.options)[0]!,
        ...(Object.keys(give).length ? { give } : {}),
        ...(ask ? { ask: { [ask.issue]: ask.option } } : {}),
        reason: reason(
          giveText
            ? `On ${who}'s amendment ${e.amendment}: we can offer ${giveText}${ask ? ` if ${who} accepts ${words.both(ask.issue, ask.option)}` : ''}${refused.length ? `; not ${words.list(refused)}` : ''}.`
            : `On ${who}'s amendment ${e.amendment}: not ${words.list(refused)}${ask ? `; we could look again if ${who} accepts ${words.both(ask.issue, ask.option)}` : ''}.`,
          `Counter built from our own utility and believed shares.`,
          {
            drivers: ['answer', 'trade'],
            ...(Object.keys(give).length ? { conceded: give } : {}),
            ...(ask ? { asked: { [ask.issue]: ask.option } } : {}),
          },
        ),
      };
    }
    const r = refuse[0] ?? {
      issue: Object.keys(e.options)[0]!,
      option: '',
      why: 'it does not help the table',
    };
    return {
      type: 'proposal.answer',
      ref: p.seq,
      verdict: 'declined',
      issue: r.issue,
      reason: reason(
        `We decline ${who}'s amendment ${e.amendment}: ${r.option ? words.both(r.issue, r.option) : words.issue(r.issue)}, because ${r.why}.`,
        'Declined.',
        { drivers: ['answer'] },
      ),
    };
  }
  if (e.type === 'package.accepted' && e.onlyIf) {
    const kept = Object.entries(e.onlyIf).every(
      ([pkg, v]) => view.packages.find((x) => x.id === pkg)?.version === v,
    );
    const linked = words.list(Object.keys(e.onlyIf).map((x) => words.pkg(x)));
    if (kept)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'folded',
        reason: reason(
          `${linked} stays as it is in text v${view.textVersion}, so ${who}'s acceptance of ${words.pkg(e.package)} stands.`,
          'Kept.',
          {
            drivers: ['answer', 'link'],
          },
        ),
      };
    const moved = Object.keys(e.onlyIf).find(
      (x) => view.packages.find((y) => y.id === x)?.version !== e.onlyIf?.[x],
    );
    return {
      type: 'proposal.answer',
      ref: p.seq,
      verdict: 'countered',
      ...(moved ? { issue: view.scenario.packages.find((x) => x.id === moved)?.issues[0]?.id ?? '' } : {}),
      reason: reason(
        `We had to change ${moved ? words.pkg(moved) : linked} to bring the others along; we ask ${who} to accept ${words.pkg(e.package)} again with text v${view.textVersion}.`,
        'The linked package changed.',
        { drivers: ['answer', 'link'] },
      ),
    };
  }
  // A red-line signal.
  if (e.type === 'signal.sent' && e.option !== null) {
    const option = e.option;
    const believed =
      proposerModel?.redLines.find((r) => r.issue === e.issue && r.option === option)?.believed ?? true;
    if (view.text[e.issue] !== option)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'folded',
        issue: e.issue,
        reason: reason(
          `Text v${view.textVersion} does not hold ${words.both(e.issue, option)}; ${who}'s red line is respected.`,
          'Met.',
          {
            drivers: ['answer', 'red-line'],
          },
        ),
      };
    if (!believed)
      return {
        type: 'proposal.answer',
        ref: p.seq,
        verdict: 'declined',
        issue: e.issue,
        reason: reason(
          `We do not take ${words.both(e.issue, option)} as a red line for ${who}: ${proposerModel && proposerModel.credibility < 1 ? `${who} has broken its public word before` : `it does not fit what ${who} is publicly known to want`}. It stays unless ${who} offers something for it.`,
          'Red line doubted: a possible bluff.',
          { drivers: ['answer', 'word'] },
        ),
      };
    const ask = proposerModel ? cheapAsk(ctx, proposerModel, [e.issue]) : null;
    return {
      type: 'proposal.answer',
      ref: p.seq,
      verdict: 'countered',
      issue: e.issue,
      ...(ask ? { ask: { [ask.issue]: ask.option } } : {}),
      reason: reason(
        `We hear ${who}'s red line on ${words.both(e.issue, option)}. Taking it out costs the others; ${ask ? `we can work on it if ${who} accepts ${words.both(ask.issue, ask.option)}` : 'we will look for a text without it that the others can also sign'}.`,
        'Red line believed; kept in the model as a wall.',
        { drivers: ['answer', 'red-line', 'trade'], ...(ask ? { asked: { [ask.issue]: ask.option } } : {}) },
      ),
    };
  }
  return {
    type: 'proposal.answer',
    ref: p.seq,
    verdict: 'declined',
    reason: reason('We cannot take this up.', '', { drivers: ['answer'] }),
  };
}

/** Something to ask of a party in return: an option good for us that it seems to value little. */
function cheapAsk(ctx: Ctx, m: PartyModel, skip: string[]): { issue: string; option: string } | null {
  const { view, own } = ctx;
  const agenda = new Set(view.meeting.agenda);
  let best: { issue: string; option: string; score: number } | null = null;
  for (const issue of own.issues) {
    if (skip.includes(issue.id) || !agenda.has(own.issuePackage.get(issue.id) ?? '')) continue;
    for (const o of issue.options) {
      if (view.text[issue.id] === o.id) continue;
      const t = { ...view.text, [issue.id]: o.id };
      if (!own.valid(t)) continue;
      const ownGain = own.raw(t) - own.raw(view.text);
      if (ownGain <= 0) continue;
      const theirLoss = (believedShare(m, view.text) - believedShare(m, t)) * 10000;
      // Never ask for what any side has declared it can never sign.
      if (Object.values(ctx.models).some((x) => crossesBelievedRedLine(x, t, false))) continue;
      // Nor for what the proposer itself wants: that would be no price.
      if (believedShare(m, t) >= believedShare(m, view.text)) continue;
      const score = ownGain - theirLoss;
      if (!best || score > best.score) best = { issue: issue.id, option: o.id, score };
    }
  }
  return best ? { issue: best.issue, option: best.option } : null;
}

function endTurn(ctx: Ctx): Move {
  const { view, own, now, target, words } = ctx;
  const signed = view.signatures[view.seat] === view.textVersion;
  let pub: string;
  const drivers: ReasonDriver[] = [...ctx.drivers];
  if (signed) {
    const waiting = view.scenario.parties
      .filter((p) => view.signatures[p.id] !== view.textVersion)
      .map((p) => p.name);
    pub = waiting.length
      ? `We have signed text v${view.textVersion} and wait for ${words.list(waiting)}.`
      : 'We have signed.';
    const sp = view.canPublish ? spoiler(ctx) : null;
    if (sp) {
      pub += ` ${words.party(sp)} has rejected version after version without saying what it needs; the table cannot negotiate against itself.`;
      drivers.push('spoiler');
    }
  } else if (!now.ok) {
    const b = own.blockers(view.text)[0];
    pub = b
      ? `We cannot sign text v${view.textVersion} while it holds ${words.both(b.issue, b.option)}.`
      : `We cannot sign text v${view.textVersion} as it stands.`;
    drivers.push(b?.rule === 'red-line' ? 'red-line' : b?.rule === 'mandate' ? 'mandate' : 'ratification');
  } else if (now.now < target) {
    const worst = worstIssues(own, view.text)[0];
    pub = `Text v${view.textVersion} is not enough for us yet${worst ? `: ${words.both(worst.issue, view.text[worst.issue] ?? '')} costs us most` : ''}.`;
  } else if (standingObjections(view).some((s) => view.text[s.issue] === s.option)) {
    pub = 'We wait: our stated concerns still stand.';
    drivers.push('word');
  } else {
    pub = 'We wait for the others.';
  }
  if (view.canPublish && !signed) {
    const sp = spoiler(ctx);
    if (sp) {
      pub += ` ${words.party(sp)} has rejected version after version without saying what it needs; the table cannot negotiate against itself.`;
      drivers.push('spoiler');
    }
  }
  return {
    type: 'turn.end',
    reason: reason(
      pub,
      `Utility now ${now.now} (raw ${now.raw}); aspiration ${target}; reservation ${own.reservation}; ${temperament(own.me.personality.toughness)}, ${ctx.cfg.difficulty}.`,
      { drivers },
    ),
  };
}
