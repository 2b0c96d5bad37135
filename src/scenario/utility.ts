// Exact integer utilities of texts and outcomes, conditions on texts, and ratification checks.
import type { Condition, Profile, RatificationCheck, Scenario, Text } from './schema';

/** Utility of a complete text to a party on the 0–10,000 scale (weights sum to 100, values 0–100). */
export function utilityOf(profile: Profile, text: Text): number {
  let total = 0;
  const preferences = profile.preferences;
  // Keys, not entries: no pair arrays on a path the AI takes for every text it weighs.
  for (const issueId of Object.keys(preferences)) {
    const option = text[issueId];
    if (option === undefined) continue;
    const pref = preferences[issueId]!;
    total += pref.weight * (pref.values[option] ?? 0);
  }
  return total;
}

/** The issue ids of a package, in file order. */
export function issuesOf(scenario: Scenario, packageId: string): string[] {
  const pkg = scenario.packages.find((p) => p.id === packageId);
  return pkg ? pkg.issues.map((i) => i.id) : [];
}

/** Utility of the part of a text that lies in one package, and the best that package could give. */
export function packageUtility(
  scenario: Scenario,
  profile: Profile,
  text: Text,
  packageId: string,
): { value: number; best: number } {
  let value = 0;
  let best = 0;
  for (const issueId of issuesOf(scenario, packageId)) {
    const pref = profile.preferences[issueId];
    if (!pref) continue;
    const option = text[issueId];
    value += pref.weight * (option === undefined ? 0 : (pref.values[option] ?? 0));
    best += pref.weight * bestValue(pref.values);
  }
  return { value, best };
}

/** Math.max(0, ...Object.values(values)), without the spread. */
function bestValue(values: Record<string, number>): number {
  let best = 0;
  for (const option of Object.keys(values)) best = Math.max(best, values[option]!);
  return best;
}

/** Share (0–100, rounded down) of its best package utility a text gives a party. */
export function packageShare(scenario: Scenario, profile: Profile, text: Text, packageId: string): number {
  const { value, best } = packageUtility(scenario, profile, text, packageId);
  return best === 0 ? 100 : Math.floor((value * 100) / best);
}

export function holds(condition: Condition, text: Text): boolean {
  if ('issue' in condition) {
    const option = text[condition.issue];
    return option !== undefined && condition.in.includes(option);
  }
  // Loops rather than every/some: no closure per call on a path the AI takes for every text it weighs.
  if ('all' in condition) {
    for (const c of condition.all) if (!holds(c, text)) return false;
    return true;
  }
  if ('any' in condition) {
    for (const c of condition.any) if (holds(c, text)) return true;
    return false;
  }
  return !holds(condition.not, text);
}

/** Red lines of a party that a text crosses. */
export function crossedRedLines(profile: Profile, text: Text): string[] {
  const crossed: string[] = [];
  for (const r of profile.redLines) if (holds(r.when, text)) crossed.push(r.id);
  return crossed;
}

export interface CheckResult {
  id: string;
  body: string;
  passed: boolean;
  /** False when a support check's `appliesWhen` does not hold for the text: not needed, so passed. */
  applies?: boolean;
  /** Support reached, for support checks that apply. */
  support?: number;
  threshold?: number;
}

/** Evaluates one ratification check; `shift` is support gained or lost in play (signals, events). */
export function runCheck(check: RatificationCheck, text: Text, shift = 0): CheckResult {
  if (check.kind === 'consent') {
    return { id: check.id, body: check.body, passed: !holds(check.failsWhen, text) };
  }
  if (check.appliesWhen !== undefined && !holds(check.appliesWhen, text)) {
    return { id: check.id, body: check.body, passed: true, applies: false };
  }
  let support = check.base + shift;
  for (const effect of check.effects) if (holds(effect.when, text)) support += effect.delta;
  support = Math.max(0, Math.min(100, support));
  return {
    id: check.id,
    body: check.body,
    passed: support >= check.threshold,
    support,
    threshold: check.threshold,
  };
}

/** Whether a check is held for a text at all: false only for a support check whose `appliesWhen` fails. */
export function checkApplies(check: RatificationCheck, text: Text): boolean {
  return check.kind === 'consent' || check.appliesWhen === undefined || holds(check.appliesWhen, text);
}

/** `runCheck(check, text, shift).passed`, without building the result. */
export function checkPasses(check: RatificationCheck, text: Text, shift = 0): boolean {
  if (check.kind === 'consent') return !holds(check.failsWhen, text);
  if (check.appliesWhen !== undefined && !holds(check.appliesWhen, text)) return true;
  let support = check.base + shift;
  for (const effect of check.effects) if (holds(effect.when, text)) support += effect.delta;
  return Math.max(0, Math.min(100, support)) >= check.threshold;
}

/**
 * A party's weights after one `weight` event effect, in integers: the weight at `at` moves by `delta` (never
 * below 0), then every weight is scaled back to the total the weights had before: floor(w × total / new sum),
 * and the points that floor leaves over go one each to the largest remainders (w × total mod new sum), ties to
 * the lower index. The result sums to the old total exactly. If every weight would be 0, nothing changes.
 */
export function reweigh(weights: readonly number[], at: number, delta: number): number[] {
  if (at < 0 || at >= weights.length) return weights.slice();
  let total = 0;
  for (const w of weights) total += w;
  const changed = weights.slice();
  changed[at] = Math.max(0, changed[at]! + delta);
  let sum = 0;
  for (const w of changed) sum += w;
  if (sum === 0) return weights.slice();
  if (sum === total) return changed;
  const out = changed.map((w) => Math.floor((w * total) / sum));
  const remainder = changed.map((w) => (w * total) % sum);
  let left = total;
  for (const w of out) left -= w;
  const order = changed.map((_, j) => j).sort((a, b) => remainder[b]! - remainder[a]! || a - b);
  for (let k = 0; k < left; k++) out[order[k]!]! += 1;
  return out;
}

/** Every issue id → option ids, in file order. */
export function optionSpace(scenario: Scenario): Array<{ issue: string; options: string[] }> {
  return scenario.packages.flatMap((p) =>
    p.issues.map((i) => ({ issue: i.id, options: i.options.map((o) => o.id) })),
  );
}

/** Deal utility after `meetingsElapsed` meetings without a deal: floor(u × (1 − d)^k), in integers. */
export function discounted(utility: number, discountPercent: number, meetingsElapsed: number): number {
  let factor = 10000;
  for (let k = 0; k < meetingsElapsed; k++) factor = Math.floor((factor * (100 - discountPercent)) / 100);
  return Math.floor((utility * factor) / 10000);
}

/**
 * Texts as one option index per issue, for code that weighs thousands of texts in one decision (the AI's
 * drafts): a lookup in a small array instead of a string-keyed object, and conditions compiled once.
 * Option indexes follow file order; -1 marks an issue the text leaves out or an option the coder does not know.
 */
export interface TextCoder {
  /** Issue ids in package order, as `packages.flatMap((p) => p.issues)` lists them. */
  issues: string[];
  /** Per issue, its option ids in order. */
  options: string[][];
  issueIndex: Map<string, number>;
  /** Per issue, option id → index. */
  optionIndex: Array<Map<string, number>>;
  /** False when an issue id, or an option id within an issue, appears twice: such a scenario is not coded. */
  distinct: boolean;
}

type CodablePackage = { issues: ReadonlyArray<{ id: string; options: ReadonlyArray<{ id: string }> }> };

const coders = new WeakMap<readonly CodablePackage[], TextCoder>();

/** The coder of a list of packages (memoised by the list: live packages are shared while play adds nothing). */
export function textCoder(packages: readonly CodablePackage[]): TextCoder {
  let coder = coders.get(packages);
  if (coder) return coder;
  coder = { issues: [], options: [], issueIndex: new Map(), optionIndex: [], distinct: true };
  for (const p of packages)
    for (const issue of p.issues) {
      if (coder.issueIndex.has(issue.id)) coder.distinct = false;
      else coder.issueIndex.set(issue.id, coder.issues.length);
      const ids = issue.options.map((o) => o.id);
      const index = new Map(ids.map((id, k) => [id, k]));
      if (index.size !== ids.length) coder.distinct = false;
      coder.issues.push(issue.id);
      coder.options.push(ids);
      coder.optionIndex.push(index);
    }
  coders.set(packages, coder);
  return coder;
}

/** A text's code, or null unless it names a known option for every issue of the coder and nothing else. */
export function encodeText(coder: TextCoder, text: Text): Int32Array | null {
  if (!coder.distinct) return null;
  const code = new Int32Array(coder.issues.length);
  let keys = 0;
  for (const issueId in text) {
    keys++;
    const i = coder.issueIndex.get(issueId);
    const o = i === undefined ? undefined : coder.optionIndex[i]!.get(text[issueId]!);
    if (i === undefined || o === undefined) return null;
    code[i] = o;
  }
  return keys === coder.issues.length ? code : null;
}

/** `holds` on coded texts: the condition compiled once against a coder. */
export type CodedCondition = (code: Int32Array) => boolean;

/** Compiled conditions by coder and condition (conditions are parts of a loaded scenario, never changed). */
const compiled = new WeakMap<TextCoder, WeakMap<Condition, CodedCondition>>();

export function compileCondition(coder: TextCoder, condition: Condition): CodedCondition {
  let byCondition = compiled.get(coder);
  if (!byCondition) {
    byCondition = new WeakMap();
    compiled.set(coder, byCondition);
  }
  let fn = byCondition.get(condition);
  if (!fn) {
    fn = compileAnew(coder, condition);
    byCondition.set(condition, fn);
  }
  return fn;
}

function compileAnew(coder: TextCoder, condition: Condition): CodedCondition {
  if ('issue' in condition) {
    const i = coder.issueIndex.get(condition.issue);
    if (i === undefined) return () => false;
    const mask = new Uint8Array(coder.options[i]!.length);
    coder.options[i]!.forEach((id, k) => {
      mask[k] = condition.in.includes(id) ? 1 : 0;
    });
    return (code) => mask[code[i]!] === 1;
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(coder, c));
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2) {
      const [a, b] = parts as [CodedCondition, CodedCondition];
      return (code) => a(code) && b(code);
    }
    return (code) => {
      for (const p of parts) if (!p(code)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(coder, c));
    if (parts.length === 1) return parts[0]!;
    return (code) => {
      for (const p of parts) if (p(code)) return true;
      return false;
    };
  }
  const inner = compileCondition(coder, condition.not);
  return (code) => !inner(code);
}

/** `runCheck(check, text, shift).passed` on coded texts, compiled once against a coder. */
export function compileCheck(coder: TextCoder, check: RatificationCheck, shift = 0): CodedCondition {
  if (check.kind === 'consent') {
    const fails = compileCondition(coder, check.failsWhen);
    return (code) => !fails(code);
  }
  const start = check.base + shift;
  const { threshold } = check;
  // Effects on one issue each (the usual kind) fold into a table of support per option of each issue they name:
  // a sum of a few integers, the same as adding the deltas one by one. Others are tested as compiled.
  const byIssue = new Map<number, Int32Array>();
  const others: Array<{ when: CodedCondition; delta: number }> = [];
  for (const e of check.effects) {
    const i = 'issue' in e.when ? coder.issueIndex.get(e.when.issue) : undefined;
    if (!('issue' in e.when) || i === undefined) {
      others.push({ when: compileCondition(coder, e.when), delta: e.delta });
      continue;
    }
    let row = byIssue.get(i);
    if (!row) {
      row = new Int32Array(coder.options[i]!.length);
      byIssue.set(i, row);
    }
    const inSet = e.when.in;
    coder.options[i]!.forEach((id, k) => {
      if (inSet.includes(id)) row![k]! += e.delta;
    });
  }
  const issues = Int32Array.from(byIssue.keys());
  const rows = [...byIssue.values()];
  const held = (code: Int32Array): boolean => {
    let support = start;
    for (let k = 0; k < issues.length; k++) support += rows[k]![code[issues[k]!]!]!;
    for (const e of others) if (e.when(code)) support += e.delta;
    return Math.max(0, Math.min(100, support)) >= threshold;
  };
  // A check without `appliesWhen` compiles to the plain count: no extra test on the hot path.
  if (check.appliesWhen === undefined) return held;
  const applies = compileCondition(coder, check.appliesWhen);
  return (code) => !applies(code) || held(code);
}
