// The author of the text (the mediator, or every speaker when there is none): drafts toward the believed Nash point
// while defending its own interests, folds, counters or declines every proposal, and works on whoever blocks.
import type { Move, ReasonDriver } from '../engine/intents';
import { nextRandom } from '../engine/rng';
import type { ReasonPhrase } from '../engine/said';
import type { SeatView } from '../engine/view';
import { ownValue } from '../scenario/own';
import type { Issue, PublicPrior, Text } from '../scenario/schema';
import { checkPasses, compileCheck, encodeText, type TextCoder, textCoder } from '../scenario/utility';
import { type Ctx, type Plan, progress, reason, type TurnMemory } from './ai-context';
import { answer, unanswered } from './answers';
import {
  believedShare,
  type CodedModel,
  codedModel,
  concernsHit,
  crossesBelievedRedLine,
  type PartyModel,
} from './opponent-model';

interface Scorer {
  score(text: Text): number;
  parts(text: Text): { own: number; others: Record<string, number> };
  /** The same objective on coded texts (a draft weighs thousands), or null when a term cannot be coded. */
  coded: {
    coder: TextCoder;
    score(code: Int32Array): number;
    /** Bounds the score never exceeds (its gains alone, without any of its penalties), for texts one or two
     * changes away from `code`, kept up to date as the draft takes changes. */
    bounds(code: Int32Array): Bounder;
  } | null;
}

/** What the objective reads of a text, on plain texts or on coded ones. Both must give the very same numbers
 * (sums taken in the same order): a change to what a term means is made in both. */
interface Measures<T> {
  /** Whether we could sign it at all (`own.valid`). */
  valid(text: T): boolean;
  /** Our own utility before the time discount (`own.raw`). */
  raw(text: T): number;
  /** How many public positions of silent sides the text leaves out. */
  silentMisses(text: T): number;
  /** How many of the other sides' public ratification checks the text fails (a wall: they could not ratify). */
  publicFails(text: T): number;
  /** How many sides' accepted packages the text writes as no version that side accepted. */
  unheld(text: T): number;
  /** Per model (in `ms` order): believed share, believed red lines crossed, all declared ones, concerns. */
  share(m: number, text: T): number;
  redLines(m: number, text: T, onlyBelieved: boolean): number;
  concerns(m: number, text: T): number;
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
  const silentPriors: Array<[string, PublicPrior]> = [];
  // Silent: it has had the floor and let texts go unsigned, yet never said what it needs.
  for (const p of ctx.view.scenario.publicPriors)
    if (p.about !== ctx.view.seat && !spoke.has(p.about) && (models[p.about]?.declined.length ?? 0) > 0)
      silentPriors.push([p.about, p]);
  const silentWeight = 1.5;
  const publicChecks = ctx.view.scenario.publicRatification;
  const accepted: Array<{ issues: string[]; combos: string[][] }> = [];
  for (const m of ms)
    for (const [pkg, combos] of Object.entries(m.acceptedCombos))
      accepted.push({
        issues: issueIdsOf(ctx.view.scenario.packages.find((x) => x.id === pkg)),
        combos: splitCombos(combos),
      });
  // Demands shown early soften as the calendar runs out: every side signs anything above no deal at the end.
  const wall = 12 * (1 - 0.6 * progress(ctx.view));
  // In a typed list: whole and fractional weights alike, one kind of list to the engine.
  const concernWeight = Float64Array.from(
    ms,
    (m) => (m.credibility >= 1 ? 8 : 2) * (1 - 0.5 * progress(ctx.view)),
  );
  const parts = (text: Text) => {
    const others: Record<string, number> = {};
    for (const m of ms) others[m.party] = believedShare(m, text);
    return { own: own.discount(own.raw(text)), others };
  };
  const objective = <T>(text: T, measure: Measures<T>): number => {
    if (!measure.valid(text)) return -1e6;
    const ownNow = own.discount(measure.raw(text));
    const g = (ownNow - own.reservation) / span;
    if (g <= 0) return -1e5 + g;
    let s = level.selfWeight * Math.log(g + 0.01);
    if (ownNow < authorTarget) s -= (10 * (authorTarget - ownNow)) / span;
    // A side that has said nothing is taken at its public positions: leaving one out is a risk.
    for (let k = measure.silentMisses(text); k > 0; k--) s -= silentWeight;
    // What another side's public rules say it cannot ratify, it cannot sign: as good as a red line it declared.
    s -= 60 * measure.publicFails(text);
    // Build the agreement from pieces each side has accepted: a package written as no version that side
    // ever accepted is a risk, whatever our model says.
    for (let k = measure.unheld(text); k > 0; k--) s -= 1.2;
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k]!;
      const share = measure.share(k, text);
      // The Nash product is taken over gains from a believed no-deal point; what a side has shown it
      // needs now (its threshold) is a wall the text must clear before it can be signed.
      const base = level.model.startThreshold;
      const gain = (share - base) / Math.max(0.05, 1 - base);
      s += gain > 0 ? Math.log(gain + 0.01) : -4.6 + 12 * gain;
      if (share < m.threshold) s -= (wall * (m.threshold - share)) / Math.max(0.05, 1 - m.threshold);
      const believed = measure.redLines(k, text, true);
      s -= 60 * believed;
      s -= 1.5 * (measure.redLines(k, text, false) - believed);
      // A concern says "we cannot sign it so": nearly a wall, from a party whose word has held.
      s -= concernWeight[k]! * measure.concerns(k, text);
    }
    return s;
  };
  /** The objective's gains without any of its penalties (each penalty only lowers the score): never below it,
   * from our raw utility and the believed shares. */
  const boundOf = (raw: number, shares: Float64Array): number => {
    const ownNow = own.discount(raw);
    const g = (ownNow - own.reservation) / span;
    if (g <= 0) return -1e5 + g;
    let s = level.selfWeight * Math.log(g + 0.01);
    const base = level.model.startThreshold;
    for (let k = 0; k < shares.length; k++) {
      const gain = (shares[k]! - base) / Math.max(0.05, 1 - base);
      s += gain > 0 ? Math.log(gain + 0.01) : -4.6 + 12 * gain;
    }
    return s;
  };
  const onTexts: Measures<Text> = {
    valid: (text) => own.valid(text),
    raw: (text) => own.raw(text),
    publicFails(text) {
      let n = 0;
      for (const { check } of publicChecks) if (!checkPasses(check, text)) n++;
      return n;
    },
    silentMisses(text) {
      let n = 0;
      for (const [, prior] of silentPriors)
        for (const issue of prior.priorities)
          if (
            ownValue(prior.preferred, issue) !== undefined &&
            text[issue] !== ownValue(prior.preferred, issue)
          )
            n++;
      return n;
    },
    unheld(text) {
      let n = 0;
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
        if (!held) n++;
      }
      return n;
    },
    share: (m, text) => believedShare(ms[m]!, text),
    redLines: (m, text, onlyBelieved) => crossesBelievedRedLine(ms[m]!, text, onlyBelieved),
    concerns: (m, text) => concernsHit(ms[m]!, text),
  };
  const onCodes = codedMeasures(ctx, ms, silentPriors, accepted);
  return {
    parts,
    score: (text) => objective(text, onTexts),
    coded: onCodes && {
      coder: onCodes.coder,
      score: memoised(onCodes.coder, (code) => objective(code, onCodes.measures)),
      bounds: (code) => onCodes.bounds(code, boundOf),
    },
  };
}

/** Scores remembered in a small open-addressing table (it stays in the processor's cache): a slot holds a
 * text's number and score while its stamp is the current draft's. Shared by the drafts of this thread, one
 * after the other; a full table simply starts over (a forgotten score is worked out again). */
const SLOTS = 1 << 11;
const remembered = {
  keys: new Int32Array(SLOTS),
  scores: new Float64Array(SLOTS),
  stamps: new Int32Array(SLOTS),
  stamp: 0,
  used: 0,
};

/** A score of coded texts remembered by text: a draft's climbs from several seeds meet the same texts again. */
function memoised(coder: TextCoder, score: (code: Int32Array) => number): (code: Int32Array) => number {
  // Each text as one number, its option indexes read as digits in a mixed radix.
  const radix: number[] = [];
  let span = 1;
  for (const options of coder.options) {
    radix.push(span);
    span *= Math.max(1, options.length);
  }
  if (span > 0x7fffffff) return score;
  const r = remembered;
  const forget = () => {
    r.stamp = (r.stamp + 1) | 0 || 1;
    r.used = 0;
  };
  forget();
  let stamp = r.stamp;
  return (code) => {
    let key = 0;
    for (let i = 0; i < radix.length; i++) key += code[i]! * radix[i]!;
    // Another draft (or a full table) has taken the table since: start over.
    if (stamp !== r.stamp || r.used >= SLOTS / 2) {
      forget();
      stamp = r.stamp;
    }
    let slot = Math.imul(key, 0x9e3779b1) >>> 21;
    while (r.stamps[slot] === stamp) {
      if (r.keys[slot] === key) return r.scores[slot]!;
      slot = (slot + 1) & (SLOTS - 1);
    }
    const s = score(code);
    r.stamps[slot] = stamp;
    r.keys[slot] = key;
    r.scores[slot] = s;
    r.used++;
    return s;
  };
}

/** The objective's measures on texts coded by the coder of the live packages: the same figures, each read
 * from small arrays. Null when a term names an issue the coder does not know. */
function codedMeasures(
  ctx: Ctx,
  ms: PartyModel[],
  silentPriors: Array<[string, PublicPrior]>,
  accepted: Array<{ issues: string[]; combos: string[][] }>,
): {
  coder: TextCoder;
  measures: Measures<Int32Array>;
  bounds(code: Int32Array, boundOf: (raw: number, shares: Float64Array) => number): Bounder;
} | null {
  const coder = textCoder(ctx.view.scenario.packages);
  if (!coder.distinct) return null;
  const option = (issue: number, id: string | undefined) =>
    id === undefined ? -1 : (coder.optionIndex[issue]!.get(id) ?? -1);
  // Silent positions: a miss unless the text holds the preferred option (never, for an unknown issue).
  let alwaysMissed = 0;
  const positions: Array<{ issue: number; option: number }> = [];
  for (const [, prior] of silentPriors)
    for (const issueId of prior.priorities) {
      const preferred = ownValue(prior.preferred, issueId);
      if (preferred === undefined) continue;
      const i = coder.issueIndex.get(issueId);
      if (i === undefined) alwaysMissed++;
      else positions.push({ issue: i, option: option(i, preferred) });
    }
  const groups: Array<{ issues: number[]; combos: number[][] }> = [];
  for (const { issues, combos } of accepted) {
    const coded: number[] = [];
    for (const id of issues) {
      const i = coder.issueIndex.get(id);
      if (i === undefined) return null;
      coded.push(i);
    }
    const codedCombos: number[][] = [];
    for (const c of combos) {
      const combo: number[] = [];
      for (let k = 0; k < coded.length; k++) combo.push(option(coded[k]!, c[k]));
      codedCombos.push(combo);
    }
    groups.push({ issues: coded, combos: codedCombos });
  }
  const models: CodedModel[] = [];
  for (const m of ms) {
    const coded = codedModel(m, coder);
    if (!coded) return null;
    models.push(coded);
  }
  const valid = ctx.own.codedValid(coder);
  const raw = ctx.own.codedRaw(coder);
  const publicPasses: Array<(code: Int32Array) => boolean> = [];
  for (const { check } of ctx.view.scenario.publicRatification) publicPasses.push(compileCheck(coder, check));
  // Per issue and option: our raw points and each model's believed contribution, for sums kept one change at a
  // time (a bound needs no exact sum: its slack covers the rounding).
  const issues = coder.options.length;
  const points: Float64Array[] = [];
  for (let i = 0; i < issues; i++) points.push(new Float64Array(coder.options[i]!.length));
  for (const row of ctx.own.codedRows(coder)) points[row.issue] = Float64Array.from(row.points);
  const contributions = models.map((m) => m.contributions(issues));
  const at = (table: Float64Array, option: number) => (option < table.length ? table[option]! : 0);
  return {
    coder,
    bounds(code, boundOf) {
      let raw = 0;
      for (let i = 0; i < issues; i++) raw += at(points[i]!, code[i]!);
      const shares = new Float64Array(models.length);
      for (let k = 0; k < models.length; k++)
        for (let i = 0; i < issues; i++) shares[k]! += at(contributions[k]![i]!, code[i]!);
      const trial = new Float64Array(models.length);
      return {
        with(a, oa, b, ob) {
          const ca = code[a]!;
          let r = raw - at(points[a]!, ca) + at(points[a]!, oa);
          for (let k = 0; k < models.length; k++) {
            const c = contributions[k]!;
            trial[k] = shares[k]! - at(c[a]!, ca) + at(c[a]!, oa);
          }
          if (b >= 0) {
            const cb = code[b]!;
            r += at(points[b]!, ob) - at(points[b]!, cb);
            for (let k = 0; k < models.length; k++) {
              const c = contributions[k]!;
              trial[k] = trial[k]! - at(c[b]!, cb) + at(c[b]!, ob);
            }
          }
          return boundOf(r, trial);
        },
        take(a, oa) {
          const ca = code[a]!;
          raw += at(points[a]!, oa) - at(points[a]!, ca);
          for (let k = 0; k < models.length; k++) {
            const c = contributions[k]!;
            shares[k] = shares[k]! - at(c[a]!, ca) + at(c[a]!, oa);
          }
        },
      };
    },
    measures: {
      valid,
      raw,
      publicFails(code) {
        let n = 0;
        for (const passes of publicPasses) if (!passes(code)) n++;
        return n;
      },
      silentMisses(code) {
        let n = alwaysMissed;
        for (const p of positions) if (code[p.issue] !== p.option) n++;
        return n;
      },
      unheld(code) {
        let n = 0;
        for (const { issues, combos } of groups) {
          let held = false;
          for (const combo of combos) {
            let all = true;
            for (let k = 0; k < issues.length && all; k++) if (code[issues[k]!] !== combo[k]) all = false;
            if (all) {
              held = true;
              break;
            }
          }
          if (!held) n++;
        }
        return n;
      },
      share: (m, code) => models[m]!.share(code),
      redLines: (m, code, onlyBelieved) => models[m]!.redLines(code, onlyBelieved),
      concerns: (m, code) => models[m]!.concerns(code),
    },
  };
}

/** Bounds on the score of texts near a coded text: `with` changes issue a to option oa (and b to ob) in thought;
 * `take` makes a change for good. */
interface Bounder {
  with(a: number, oa: number, b: number, ob: number): number;
  take(a: number, oa: number): void;
}

/** How far below the needed gain a text's bound must be for the draft to skip working out its score. */
const BOUND_SLACK = 1e-7;

/** Hill-climbing over the agenda's issues from several seeds, single changes then pairs. */
function draft(ctx: Ctx, sc: Scorer, seeds: Text[], frozen: ReadonlySet<string> = new Set()): Text {
  const { view } = ctx;
  const agenda = new Set(view.meeting.agenda);
  const issues: Issue[] = [];
  for (const p of view.scenario.packages)
    if (agenda.has(p.id)) for (const i of p.issues) if (!frozen.has(i.id)) issues.push(i);
  // Where the scorer reads coded texts, each issue's place in the code (its options are in the same order).
  const coded = sc.coded;
  const at: number[] = [];
  if (coded) for (const i of issues) at.push(coded.coder.issueIndex.get(i.id) ?? -1);
  let rng = ctx.cfg.seed ^ (view.textVersion * 2654435761);
  let bestText = seeds[0] ?? view.text;
  let bestScore = sc.score(bestText);
  for (const seed of seeds) {
    let text = { ...seed };
    const code = coded ? encodeText(coded.coder, text) : null;
    const bounder = code && coded ? coded.bounds(code) : null;
    let score = sc.score(text);
    /** The score of the text with option `oa` of issue `a` (and option `ob` of issue `b`), indexes in `issues`. */
    const scoreWith = (a: number, oa: number, b = -1, ob = -1): number => {
      if (code && coded) {
        const ca = code[at[a]!]!;
        const cb = b < 0 ? 0 : code[at[b]!]!;
        // A text whose bound cannot beat the score by the margin a step needs is not worked out: it would not
        // be taken. (The bound's own rounding is far below the slack.)
        const top = bounder!.with(at[a]!, oa, b < 0 ? -1 : at[b]!, ob);
        if (top < score + 1e-9 - BOUND_SLACK) return top;
        code[at[a]!] = oa;
        if (b >= 0) code[at[b]!] = ob;
        const s = coded.score(code);
        code[at[a]!] = ca;
        if (b >= 0) code[at[b]!] = cb;
        return s;
      }
      const ia = issues[a]!;
      if (b < 0) return sc.score({ ...text, [ia.id]: ia.options[oa]!.id });
      const ib = issues[b]!;
      return sc.score({ ...text, [ia.id]: ia.options[oa]!.id, [ib.id]: ib.options[ob]!.id });
    };
    /** Whether the text holds option `oa` of issue `a` already. */
    const holds = (a: number, oa: number): boolean =>
      code ? code[at[a]!] === oa : text[issues[a]!.id] === issues[a]!.options[oa]!.id;
    const take = (a: number, oa: number) => {
      const issue = issues[a]!;
      text = { ...text, [issue.id]: issue.options[oa]!.id };
      if (code) {
        bounder?.take(at[a]!, oa);
        code[at[a]!] = oa;
      }
    };
    for (let sweep = 0; sweep < 12; sweep++) {
      const r = nextRandom(rng);
      rng = r.state;
      const start = Math.floor(r.value * issues.length);
      let improved = false;
      for (let k = 0; k < issues.length; k++) {
        const a = (k + start) % issues.length;
        const issue = issues[a]!;
        for (let oa = 0; oa < issue.options.length; oa++) {
          if (holds(a, oa)) continue;
          const s = scoreWith(a, oa);
          if (s > score + 1e-9) {
            take(a, oa);
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
            for (let oa = 0; oa < ia.options.length; oa++) {
              if (holds(a, oa)) continue;
              for (let ob = 0; ob < ib.options.length; ob++) {
                if (holds(b, ob)) continue;
                const s = scoreWith(a, oa, b, ob);
                if (s > score + 1e-9) {
                  take(a, oa);
                  take(b, ob);
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

/** A package's issue ids (none for no package), pushed so every list is of one kind to the engine. */
function issueIdsOf(pkg: { issues: readonly Issue[] } | undefined): string[] {
  const ids: string[] = [];
  for (const i of pkg?.issues ?? []) ids.push(i.id);
  return ids;
}

/** Accepted versions, each split into its options (pushed, so every list is of one kind to the engine). */
function splitCombos(combos: string[]): string[][] {
  const out: string[][] = [];
  for (const c of combos) {
    const options: string[] = [];
    for (const o of c.split('|')) options.push(o);
    out.push(options);
  }
  return out;
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
    const issues: string[] = [];
    for (const c of m.concerns) if (view.text[c.issue] === c.option) issues.push(c.issue);
    for (const c of m.redLines) if (view.text[c.issue] === c.option) issues.push(c.issue);
    out.push({ party: m.party, issues });
  }
  return out;
}

/** A party that has rejected version after version and asked for nothing: a spoiler to name in public. */
export function spoiler(ctx: Ctx): string | null {
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
  // An amendment seeds the draft with its options on this meeting's agenda only: a text may change nothing
  // else (one carried over from a meeting with another agenda would otherwise make the draft unpublishable).
  const onAgenda = new Set<string>();
  for (const p of view.scenario.packages)
    if (view.meeting.agenda.includes(p.id)) for (const i of p.issues) onAgenda.add(i.id);
  for (const p of open) {
    if (p.event.type !== 'amendment.proposed') continue;
    const seed: Text = { ...view.text };
    let any = false;
    for (const [issue, option] of Object.entries(p.event.options))
      if (onAgenda.has(issue)) {
        seed[issue] = option;
        any = true;
      }
    if (any) seeds.push(seed);
  }
  // A move we made toward a side that has not signed yet stays while that side still has not: undoing it
  // at once would teach it nothing and us nothing.
  const frozen = probedIssues(view);
  const best = draft(ctx, sc, seeds, frozen);
  const currentScore = sc.score(view.text);
  const bestScore = sc.score(best);
  const changed = changes(view.text, best);
  let signedBy = 0;
  for (const p in view.signatures) if (view.signatures[p] === view.textVersion) signedBy++;
  // Publishing lapses every signature: worth it when someone is blocked, or for a clearly better text.
  const blocked = Object.values(models).some(
    (m) =>
      view.signatures[m.party] !== view.textVersion &&
      (concernsHit(m, view.text) > 0 ||
        crossesBelievedRedLine(m, view.text, true) > 0 ||
        m.declined.includes(view.textVersion)),
  );
  const margin = signedBy > 0 && !blocked ? 0.25 : 0.02;
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
  // The lists below are built by pushing: then an empty one and a full one are of the same kind to the engine,
  // and the code reading them is not deoptimised when the other kind turns up.
  const folds: number[] = [];
  if (publish)
    for (const a of view.openAmendments)
      if (a.by !== view.seat && Object.entries(a.options).every(([i, o]) => result[i] === o))
        folds.push(a.id);
  // Plain words: what changes, and for whom, as we believe it.
  const before = sc.parts(view.text);
  const after = sc.parts(result);
  const items: string[] = [];
  const changeFor: string[] = [];
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
    changeFor.push(beneficiary ?? (ownDelta > 0 ? 'us' : ''));
    items.push(`${words.both(issue, option)}${forWhom}`);
  }
  const foldedBy: string[] = [];
  const foldedAuthors: string[] = [];
  for (const id of folds) {
    const a = view.openAmendments.find((x) => x.id === id);
    foldedBy.push(a ? `${words.party(a.by)}'s amendment ${id}` : `amendment ${id}`);
    foldedAuthors.push(a?.by ?? '');
  }
  const answersTo: string[] = [];
  const answeredParties: string[] = [];
  for (const b of blockersOfTable(ctx))
    if (b.issues.length > 0 && b.issues.some((i) => publish && publish[i] !== undefined)) {
      answersTo.push(words.party(b.party));
      answeredParties.push(b.party);
    }
  const why = publish
    ? `Text v${view.textVersion + 1}: ${words.list(items)}.${probe ? ` ${words.party(probe)} has not signed${saidWhat(view, probe) ? ': we move toward what it seems to want' : ' and has not said why: we move toward what it seems to want and ask it to say what it needs'}.` : ''}${foldedBy.length ? ` It folds in ${words.list(foldedBy)}.` : ''}${answersTo.length ? ` It answers what ${words.list(answersTo)} said stopped them.` : ''}${Object.keys(conceded).length && Object.keys(asked).length ? ' We give on some issues to gain on others.' : Object.keys(conceded).length ? ' We give ground ourselves to close the gap.' : ''}`
    : '';
  const said: ReasonPhrase[] = [];
  if (publish) {
    said.push({
      k: 'publish',
      v: view.textVersion + 1,
      issues: Object.keys(publish),
      options: Object.values(publish),
      for: changeFor,
    });
    if (probe) said.push({ k: 'probe', party: probe, said: saidWhat(view, probe) });
    if (folds.length) said.push({ k: 'folds', amendments: folds, by: foldedAuthors });
    if (answeredParties.length) said.push({ k: 'answers', parties: answeredParties });
    if (Object.keys(conceded).length) said.push({ k: 'trade', both: Object.keys(asked).length > 0 });
  }
  const fmt = (p: { own: number; others: Record<string, number> }) =>
    `own ${p.own}; believed shares ${Object.entries(p.others)
      .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
      .join(', ')}`;
  let needs = '';
  for (const m of Object.values(models))
    needs += `${needs ? ', ' : ''}${m.party} needs ~${(m.threshold * 100).toFixed(0)}%`;
  const drivers: ReasonDriver[] = probe ? ['probe'] : ['trade'];
  if (folds.length) drivers.push('answer');
  if (view.meetingsLeft === 0) drivers.push('deadline');
  return {
    publish,
    folds,
    why,
    said,
    basis: {
      drivers,
      ...(Object.keys(conceded).length ? { conceded } : {}),
      ...(Object.keys(asked).length ? { asked } : {}),
    },
    privateSaid: [
      {
        k: 'n-plan',
        ownBefore: before.own,
        ownAfter: after.own,
        parties: Object.keys(before.others),
        before: Object.values(before.others).map((x) => x * 100),
        after: Object.keys(before.others).map((p) => (after.others[p] ?? 0) * 100),
        needs: Object.keys(before.others).map((p) => (models[p]?.threshold ?? 0) * 100),
        target: authorTarget,
        x100Before: currentScore * 100,
        x100After: bestScore * 100,
      },
    ],
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
  const unaccepted: string[] = [];
  for (const p of view.packages)
    if (p.onAgenda && !p.acceptedBy.includes(blocker.party)) unaccepted.push(p.id);
  let pool = unaccepted.length ? unaccepted : view.meeting.agenda;
  // In the last meeting a spoiler (it rejects everything and asks for nothing) is not chased by undoing what
  // another side has accepted: the text that side accepted stays on the table for it to sign (on easy, we do).
  if (view.meetingsLeft === 0 && !ctx.level.yieldsToSpoiler && spoiler(ctx) === blocker.party) {
    const acceptedByOthers = new Set(
      view.packages
        .filter((p) => p.acceptedBy.some((q) => q !== blocker.party && q !== view.seat))
        .map((p) => p.id),
    );
    pool = pool.filter((p) => !acceptedByOthers.has(p));
    if (pool.length === 0) return null;
  }
  const agenda = new Set(pool);
  const floor =
    view.meetingsLeft === 0
      ? Math.max(own.reservation, ctx.walkAway) + 1
      : Math.min(authorTarget, own.discount(own.raw(view.text)));
  let best: { change: Text; score: number } | null = null;
  // Other sides' public checks the text passes now: a move that breaks one is a wall.
  const passingNow = view.scenario.publicRatification.filter(({ check }) => checkPasses(check, view.text));
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
      for (const { check } of passingNow) if (!checkPasses(check, t)) wall = true;
      if (wall) continue;
      const score = gain / (cost + 0.005);
      if (!best || score > best.score) best = { change: { [issue.id]: o.id }, score };
    }
  }
  return best ? { change: best.change, party: blocker.party } : null;
}

export function authorMove(ctx: Ctx, memory: TurnMemory): Move | null {
  const { view } = ctx;
  if (!memory.plan) memory.plan = makePlan(ctx);
  const plan = memory.plan;
  // 1. Publish the new draft first: folded amendments are answered by the engine as it publishes.
  if (plan.publish && !memory.done.includes('publish')) {
    memory.done.push('publish');
    return {
      type: 'text.publish',
      text: plan.publish,
      ...(plan.folds.length ? { folds: plan.folds } : {}),
      reason: reason(plan.why, plan.privateNote, plan.basis, plan.said, plan.privateSaid),
    };
  }
  // 2. Answer every other proposal: folded if the text now meets it, else a named trade or a reason.
  for (const p of unanswered(view)) {
    const key = `answer:${p.seq}`;
    if (memory.done.includes(key)) continue;
    memory.done.push(key);
    return answer(ctx, p);
  }
  return null;
}
