// A simple AI delegation: time-dependent concessions (Faratin-style), never below its reservation value, never
// across a red line, reads signals. It sees only its own seat's view and gives a truthful reason for every move.
import type { Move } from '../engine/intents';
import { nextRandom } from '../engine/rng';
import type { SeatView } from '../engine/view';
import type { Text } from '../scenario/schema';
import { crossedRedLines, discounted, packageShare, runCheck, utilityOf } from '../scenario/utility';
import { believedShare, buildModels, hitsRedLine, hitsVeto, type OpponentModels } from './opponent-model';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** Concession exponent: above 1 concedes early (conceder), below 1 holds out (Boulware). */
export const CONCESSION_EXPONENT: Record<Difficulty, number> = { easy: 2.2, medium: 1, hard: 0.4 };

export interface NegotiatorConfig {
  difficulty: Difficulty;
  /** Seeds the AI's own tie-breaking; same seed, same moves. */
  seed: number;
}

/** What the AI remembers within one turn, so it does each thing once. */
export interface TurnMemory {
  published: boolean;
  signalled: string[];
  acted: string[];
}

export function newTurnMemory(): TurnMemory {
  return { published: false, signalled: [], acted: [] };
}

type Profile = NonNullable<SeatView['me']>;

function ownProfile(view: SeatView): Profile {
  if (!view.me) throw new Error('an AI plays a party seat');
  return view.me;
}

function scenarioLike(view: SeatView) {
  return { packages: view.scenario.packages } as Parameters<typeof packageShare>[0];
}

function profileLike(me: Profile) {
  return {
    preferences: me.preferences,
    redLines: me.rules.redLines,
    ratification: me.rules.ratification,
  } as unknown as Parameters<typeof utilityOf>[0];
}

/** How far through the calendar the table is, 0 at the first turn to 1 at the last. */
export function progress(view: SeatView): number {
  const total = view.meetingsElapsed + view.meetingsLeft + 1;
  const within = view.round / Math.max(1, view.meeting.turns);
  return Math.min(1, (view.meetingsElapsed + within) / Math.max(1, total - 0.5));
}

/** The least discounted utility this AI will settle for now. */
export function aspiration(view: SeatView, cfg: NegotiatorConfig, toughness: number): number {
  const me = ownProfile(view);
  const e = CONCESSION_EXPONENT[cfg.difficulty] * (1.25 - toughness / 200);
  const t = progress(view);
  const floor = me.reservation + 1;
  const top = discounted(me.ideal, view.scenario.discountPerMeeting, view.meetingsElapsed);
  const jitter = nextRandom(cfg.seed + view.meetingsElapsed * 31 + view.round).value * 0.04 - 0.02;
  const concession = Math.min(1, Math.max(0, t ** (1 / e) + jitter));
  return Math.max(floor, Math.round(top - (top - floor) * concession));
}

interface Evaluation {
  utility: number;
  redLines: string[];
  ratificationFails: string[];
  mandateShort: string[];
  ok: boolean;
}

function evaluate(view: SeatView, text: Text): Evaluation {
  const me = ownProfile(view);
  const profile = profileLike(me);
  const utility = discounted(
    utilityOf(profile, text),
    view.scenario.discountPerMeeting,
    view.meetingsElapsed,
  );
  const redLines = crossedRedLines(profile, text);
  const ratificationFails = me.rules.ratification
    .filter((c) => !runCheck(c, text, me.rules.supportShift[c.id] ?? 0).passed)
    .map((c) => c.id);
  const mandateShort = me.mandate
    .filter((m) => packageShare(scenarioLike(view), profile, text, m.package) < m.minimum)
    .map((m) => m.package);
  return {
    utility,
    redLines,
    ratificationFails,
    mandateShort,
    ok: redLines.length === 0 && ratificationFails.length === 0 && mandateShort.length === 0,
  };
}

function personality(view: SeatView): number {
  return ownProfile(view).personality.toughness;
}

/** Search for the text the AI would publish: best for the others as it believes them, good enough for itself. */
function bestText(view: SeatView, models: OpponentModels, floor: number, seed: number): Text | null {
  const agenda = new Set(view.meeting.agenda);
  const issues = view.scenario.packages.filter((p) => agenda.has(p.id)).flatMap((p) => p.issues);
  // Lexicographic: first no broken limit of ours, then our aspiration, then what the others need.
  const score = (text: Text): number => {
    const ev = evaluate(view, text);
    const broken = ev.redLines.length + ev.ratificationFails.length + ev.mandateShort.length;
    const ideal = Math.max(1, ownProfile(view).ideal);
    if (broken > 0 || ev.utility < floor) return -1e6 * broken + ev.utility / ideal;
    let s = 0;
    for (const m of Object.values(models)) {
      s += Math.log(believedShare(m, text) + 0.02);
      s -= 2.5 * hitsVeto(m, text);
      if (hitsRedLine(m, text)) s -= 100;
    }
    return 1e3 + s + 0.5 * (ev.utility / ideal);
  };
  let best: Text = { ...view.text };
  let bestScore = score(best);
  let rng = seed;
  const moves: Array<{ issue: string; option: string }> = issues.flatMap((i) =>
    i.options.map((o) => ({ issue: i.id, option: o.id })),
  );
  // Hill-climb on single changes, then on pairs (a concession on one issue paid for on another).
  for (let pass = 0; pass < 6; pass++) {
    let improved = false;
    const r = nextRandom(rng);
    rng = r.state;
    const startAt = Math.floor(r.value * Math.max(1, moves.length));
    for (let k = 0; k < moves.length; k++) {
      const m = moves[(k + startAt) % moves.length]!;
      if (best[m.issue] === m.option) continue;
      const candidate = { ...best, [m.issue]: m.option };
      const s = score(candidate);
      if (s > bestScore + 1e-9) {
        best = candidate;
        bestScore = s;
        improved = true;
      }
    }
    if (!improved) {
      for (let a = 0; a < moves.length && !improved; a++) {
        const ma = moves[(a + startAt) % moves.length]!;
        if (best[ma.issue] === ma.option) continue;
        for (let b = a + 1; b < moves.length; b++) {
          const mb = moves[(b + startAt) % moves.length]!;
          if (mb.issue === ma.issue || best[mb.issue] === mb.option) continue;
          const candidate = { ...best, [ma.issue]: ma.option, [mb.issue]: mb.option };
          const s = score(candidate);
          if (s > bestScore + 1e-9) {
            best = candidate;
            bestScore = s;
            improved = true;
            break;
          }
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

function changes(from: Text, to: Text): Text {
  const out: Text = {};
  for (const [k, v] of Object.entries(to)) if (from[k] !== v) out[k] = v;
  return out;
}

function issueName(view: SeatView, issueId: string): string {
  for (const p of view.scenario.packages) for (const i of p.issues) if (i.id === issueId) return i.name;
  return issueId;
}

function optionLabel(view: SeatView, issueId: string, optionId: string): string {
  for (const p of view.scenario.packages)
    for (const i of p.issues)
      if (i.id === issueId) return i.options.find((o) => o.id === optionId)?.label ?? optionId;
  return optionId;
}

/** The AI's next move in its own turn. Call again with the new view until it ends the turn. */
export function nextMove(view: SeatView, cfg: NegotiatorConfig, memory: TurnMemory): Move {
  const me = ownProfile(view);
  const target = aspiration(view, cfg, personality(view));
  const models = buildModels(view);
  const now = evaluate(view, view.text);
  const seed = cfg.seed + view.log.length * 7919;

  // 1. Tell the table, truthfully, what matters most (once per game).
  const toldPriorities = view.log.some(
    (e) => e.type === 'signal.sent' && e.by === view.seat && e.kind === 'priority',
  );
  if (!toldPriorities && !memory.signalled.includes('priorities')) {
    memory.signalled.push('priorities');
    const top = Object.entries(me.preferences).sort((a, b) => b[1].weight - a[1].weight)[0];
    if (top) {
      const [issueId, pref] = top;
      const option = Object.entries(pref.values).sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        type: 'signal.send',
        kind: 'priority',
        issue: issueId,
        ...(option ? { option } : {}),
        to: 'all',
        reason: {
          public: `${issueName(view, issueId)} matters most to us.`,
          private: `Largest weight (${pref.weight}) is on ${issueId}.`,
        },
      };
    }
  }

  // 2. Voice what makes the current text impossible for us: a red line or a ratification that would fail.
  const blockers: Array<{ issue: string; option: string; why: string; redLine?: boolean }> = [];
  for (const rl of me.rules.redLines) {
    if (!now.redLines.includes(rl.id)) continue;
    const leaf = firstLeafHolding(rl.when, view.text);
    if (leaf) blockers.push({ ...leaf, why: `red line ${rl.id}`, redLine: 'issue' in rl.when });
  }
  for (const check of me.rules.ratification) {
    if (!now.ratificationFails.includes(check.id)) continue;
    if (check.kind === 'consent') {
      const leaf = firstLeafHolding(check.failsWhen, view.text);
      if (leaf) blockers.push({ ...leaf, why: `${check.body} would not consent` });
    } else {
      const worst = check.effects.filter((e) => e.delta < 0).find((e) => firstLeafHolding(e.when, view.text));
      const leaf = worst ? firstLeafHolding(worst.when, view.text) : null;
      if (leaf) blockers.push({ ...leaf, why: `${check.body} would not ratify` });
    }
  }
  for (const pkgId of now.mandateShort) {
    // Name the option in the package that costs us most against its best.
    const pkg = view.scenario.packages.find((p) => p.id === pkgId);
    let worst: { issue: string; option: string; loss: number } | null = null;
    for (const issue of pkg?.issues ?? []) {
      const pref = me.preferences[issue.id];
      const option = view.text[issue.id];
      if (!pref || !option) continue;
      const loss = pref.weight * (Math.max(...Object.values(pref.values)) - (pref.values[option] ?? 0));
      if (!worst || loss > worst.loss) worst = { issue: issue.id, option, loss };
    }
    if (worst && worst.loss > 0)
      blockers.push({ issue: worst.issue, option: worst.option, why: `our mandate on ${pkgId}` });
  }
  for (const b of blockers) {
    const key = `concern:${b.issue}:${b.option}`;
    const said = view.log.some(
      (e) =>
        e.type === 'signal.sent' &&
        e.by === view.seat &&
        e.kind === 'concern' &&
        e.issue === b.issue &&
        e.option === b.option,
    );
    if (said || memory.signalled.includes(key)) continue;
    memory.signalled.push(key);
    return {
      type: 'signal.send',
      kind: b.redLine ? 'red-line' : 'concern',
      issue: b.issue,
      option: b.option,
      to: 'all',
      reason: {
        public: b.redLine
          ? `We can never sign a text with ${issueName(view, b.issue)}: ${optionLabel(view, b.issue, b.option)}.`
          : `We cannot sign a text with ${issueName(view, b.issue)}: ${optionLabel(view, b.issue, b.option)} as it stands. Our hands are tied.`,
        private: `Because of ${b.why}.`,
      },
    };
  }

  // 3. Consult the capital if our own mandate is what stops a deal we would now take.
  if (
    now.redLines.length === 0 &&
    now.ratificationFails.length === 0 &&
    now.mandateShort.length > 0 &&
    now.utility >= target
  ) {
    const pkg = now.mandateShort[0]!;
    const consultedBefore = view.log.filter(
      (e) => e.type === 'capital.consulted' && e.by === view.seat && e.package === pkg,
    ).length;
    if (consultedBefore < 3 && view.meetingsLeft > 0) {
      return {
        type: 'capital.consult',
        package: pkg,
        reason: {
          public: `We must consult our capital on ${pkg}.`,
          private: `The text is worth ${now.utility} ≥ aspiration ${target}, but ${pkg} is below the mandate.`,
        },
      };
    }
  }

  // 4. As author, publish a better text if the current one does not hold.
  if (view.canPublish && !memory.published) {
    memory.published = true;
    const rejected = view.packages.some((p) => p.rejectedBy.length > 0);
    const vetoed = Object.values(models).some((m) => hitsVeto(m, view.text) > 0 || hitsRedLine(m, view.text));
    const needsChange = !now.ok || now.utility < target || rejected || vetoed;
    if (needsChange) {
      const candidate = bestText(view, models, target, seed);
      if (candidate) {
        const changed = changes(view.text, candidate);
        if (Object.keys(changed).length > 0) {
          const folds = view.openAmendments
            .filter((a) => Object.entries(a.options).every(([i, o]) => candidate[i] === o))
            .map((a) => a.id);
          return {
            type: 'text.publish',
            text: changed,
            ...(folds.length ? { folds } : {}),
            reason: {
              public: `A new text that we believe moves every side closer on ${[...new Set(Object.keys(changed).map((i) => issueName(view, i)))].join(', ')}.`,
              private: `Own utility ${evaluate(view, candidate).utility} against aspiration ${target}.`,
            },
          };
        }
      }
    }
  }

  // 5. Sign a text that is good enough and safe; first accept its packages on the agenda.
  const signedNow = view.signatures[view.seat] === view.textVersion;
  const good = now.ok && now.utility >= target;
  for (const pkg of view.packages) {
    if (!pkg.onAgenda || memory.acted.includes(pkg.id)) continue;
    const mine = me.mandate.find((m) => m.package === pkg.id);
    const share = packageShare(scenarioLike(view), profileLike(me), view.text, pkg.id);
    const wantShare = Math.round((target / Math.max(1, me.ideal)) * 100);
    const accepted = pkg.acceptedBy.includes(view.seat);
    const packageFine = share >= (mine?.minimum ?? 0) && (good || share >= wantShare);
    memory.acted.push(pkg.id);
    if (packageFine && !accepted) {
      return {
        type: 'package.accept',
        package: pkg.id,
        version: view.textVersion,
        reason: {
          public: `We can accept ${pkg.name} as it stands.`,
          private: `Share ${share}% (mandate ${mine?.minimum ?? 0}%).`,
        },
      };
    }
    // The author changes the text itself rather than amend or reject it.
    if (!packageFine && !view.canPublish && !pkg.rejectedBy.includes(view.seat)) {
      const amendment = bestAmendment(view, pkg.id, models);
      const repeated = view.openAmendments.some(
        (a) =>
          a.by === view.seat &&
          a.version === view.textVersion &&
          JSON.stringify(a.options) === JSON.stringify(amendment),
      );
      if (amendment && Object.keys(amendment).length > 0 && !repeated) {
        memory.acted.push(`amend:${pkg.id}`);
        return {
          type: 'amendment.propose',
          package: pkg.id,
          options: amendment,
          reason: {
            public: `We propose changes to ${pkg.name}: ${Object.entries(amendment)
              .map(([i, o]) => `${issueName(view, i)} → ${optionLabel(view, i, o)}`)
              .join('; ')}.`,
            private: `Share ${share}% is short of ${wantShare}%.`,
          },
        };
      }
      return {
        type: 'package.reject',
        package: pkg.id,
        version: view.textVersion,
        reason: {
          public: `${pkg.name} does not work for us yet.`,
          private: `Share ${share}% is short of ${wantShare}%.`,
        },
      };
    }
  }
  if (good && !signedNow) {
    return {
      type: 'text.sign',
      version: view.textVersion,
      reason: {
        public: 'We can sign this text.',
        private: `Utility ${now.utility} ≥ aspiration ${target} (reservation ${me.reservation}).`,
      },
    };
  }
  return {
    type: 'turn.end',
    reason: {
      public: good ? 'We await the others.' : 'We need more before we can sign.',
      private: `Utility ${now.utility}, aspiration ${target}, reservation ${me.reservation}.`,
    },
  };
}

/** Changes in one package that would help us most while costing the others least, as we believe them. */
function bestAmendment(view: SeatView, pkgId: string, models: OpponentModels): Text | null {
  const pkg = view.scenario.packages.find((p) => p.id === pkgId);
  if (!pkg) return null;
  const me = ownProfile(view);
  const gains: Array<{ issue: string; option: string; gain: number }> = [];
  for (const issue of pkg.issues) {
    const pref = me.preferences[issue.id];
    if (!pref) continue;
    const current = pref.values[view.text[issue.id] ?? ''] ?? 0;
    for (const option of issue.options) {
      const mine = (pref.values[option.id] ?? 0) - current;
      if (mine <= 0) continue;
      const candidate = { ...view.text, [issue.id]: option.id };
      if (evaluate(view, candidate).redLines.length > 0) continue;
      let theirLoss = 0;
      for (const m of Object.values(models))
        theirLoss += believedShare(m, view.text) - believedShare(m, candidate);
      gains.push({ issue: issue.id, option: option.id, gain: pref.weight * mine - 3000 * theirLoss });
    }
  }
  gains.sort((a, b) => b.gain - a.gain || a.issue.localeCompare(b.issue) || a.option.localeCompare(b.option));
  const out: Text = {};
  for (const g of gains) {
    if (out[g.issue] || Object.keys(out).length >= 2) continue;
    out[g.issue] = g.option;
  }
  return out;
}

type Cond = Parameters<typeof crossedRedLines>[0]['redLines'][number]['when'];

/** The first `issue in [...]` leaf of a condition that the text satisfies, to name what blocks it. */
function firstLeafHolding(cond: Cond, text: Text): { issue: string; option: string } | null {
  if ('issue' in cond) {
    const option = text[cond.issue];
    return option !== undefined && cond.in.includes(option) ? { issue: cond.issue, option } : null;
  }
  if ('all' in cond || 'any' in cond) {
    for (const c of 'all' in cond ? cond.all : cond.any) {
      const leaf = firstLeafHolding(c, text);
      if (leaf) return leaf;
    }
    return null;
  }
  return null;
}
