// An AI delegation's own side of the table, read from its seat's view: exact utilities from per-issue tables,
// its red lines, ratification and mandate checks, and the words it has given.
import type { SeatView } from '../engine/view';
import { ownValue } from '../scenario/own';
import type { Condition, Issue, Profile, Text } from '../scenario/schema';
import {
  type CodedCondition,
  checkPasses,
  compileCheck,
  compileCondition,
  discounted,
  holds,
  type TextCoder,
} from '../scenario/utility';

export type Brief = NonNullable<SeatView['me']>;

export interface Evaluation {
  /** Utility before the time discount, 0–10,000. */
  raw: number;
  /** Utility of a deal on this text signed now. */
  now: number;
  redLines: string[];
  ratificationFails: string[];
  /** Packages below the mandate's minimum. */
  mandateShort: string[];
  ok: boolean;
}

/** What a position reads from its preferences and the packages, the same for every decision until either
 * changes (live profiles and live packages are shared objects while play changes nothing of them). */
interface Tables {
  issues: Issue[];
  issuePackage: Map<string, string>;
  packageBest: Map<string, number>;
  /** Per issue, in one flat list: its id, package, and weight × value of each option (exact integers). */
  rows: Array<{ issue: string; pkg: string; points: Record<string, number> }>;
  /** The rows of each package. */
  packageRows: Map<string, Array<{ issue: string; points: Record<string, number> }>>;
  /** `codedRows` by coder. */
  coded: WeakMap<TextCoder, Array<{ issue: number; pkg: string; points: number[] }>>;
  /** `bestOption` by issue, once asked. */
  bestOption: Map<string, string | undefined>;
  /** `codedValid` by coder, with the rules, support shifts and mandate it was compiled for. */
  valid: WeakMap<
    TextCoder,
    {
      redLines: Brief['rules']['redLines'];
      ratification: Brief['rules']['ratification'];
      shifts: number[];
      mandate: Array<{ package: string; minimum: number }>;
      valid: CodedCondition;
    }
  >;
}

const tablesMemo = new WeakMap<Brief['preferences'], WeakMap<SeatView['scenario']['packages'], Tables>>();

function tablesOf(preferences: Brief['preferences'], packages: SeatView['scenario']['packages']): Tables {
  let byPackages = tablesMemo.get(preferences);
  if (!byPackages) {
    byPackages = new WeakMap();
    tablesMemo.set(preferences, byPackages);
  }
  let t = byPackages.get(packages);
  if (t) return t;
  t = {
    issues: packages.flatMap((p) => p.issues),
    issuePackage: new Map(),
    packageBest: new Map(),
    rows: [],
    packageRows: new Map(),
    coded: new WeakMap(),
    bestOption: new Map(),
    valid: new WeakMap(),
  };
  for (const p of packages)
    for (const i of p.issues) {
      const pref = preferences[i.id];
      if (!pref) continue;
      const points: Record<string, number> = {};
      for (const [o, v] of Object.entries(pref.values)) points[o] = pref.weight * v;
      t.rows.push({ issue: i.id, pkg: p.id, points });
      const own = t.packageRows.get(p.id) ?? [];
      own.push({ issue: i.id, points });
      t.packageRows.set(p.id, own);
    }
  for (const p of packages) {
    let best = 0;
    for (const i of p.issues) {
      t.issuePackage.set(i.id, p.id);
      const pref = preferences[i.id];
      let top = 0;
      for (const v of Object.values(pref?.values ?? {})) if (v > top) top = v;
      best += (pref?.weight ?? 0) * top;
    }
    t.packageBest.set(p.id, best);
  }
  byPackages.set(packages, t);
  return t;
}

export class OwnPosition {
  readonly me: Brief;
  readonly issues: Issue[];
  readonly issuePackage: Map<string, string>;
  readonly reservation: number;
  readonly ideal: number;
  private readonly factor: number;
  private readonly packageBest: Map<string, number>;
  private readonly rows: Tables['rows'];
  private readonly tables: Tables;

  constructor(readonly view: SeatView) {
    if (!view.me) throw new Error('an AI plays a party seat');
    this.me = view.me;
    this.tables = tablesOf(this.me.preferences, view.scenario.packages);
    this.issues = this.tables.issues;
    this.issuePackage = this.tables.issuePackage;
    this.packageBest = this.tables.packageBest;
    this.rows = this.tables.rows;
    this.reservation = this.me.reservation;
    this.ideal = this.me.ideal;
    this.factor = discounted(10000, view.scenario.discountPerMeeting, view.meetingsElapsed) / 10000;
  }

  weight(issue: string): number {
    return this.me.preferences[issue]?.weight ?? 0;
  }

  value(issue: string, option: string | undefined): number {
    if (option === undefined) return 0;
    return this.me.preferences[issue]?.values[option] ?? 0;
  }

  top(issue: string): number {
    let t = 0;
    for (const v of Object.values(this.me.preferences[issue]?.values ?? {})) if (v > t) t = v;
    return t;
  }

  /** The best option of an issue for this party (first in file order among equals). */
  bestOption(issue: string): string | undefined {
    const known = this.tables.bestOption;
    if (known.has(issue)) return known.get(issue);
    const i = this.issues.find((x) => x.id === issue);
    let best: string | undefined;
    let bv = -1;
    for (const o of i?.options ?? []) {
      const v = this.value(issue, o.id);
      if (v > bv) {
        bv = v;
        best = o.id;
      }
    }
    known.set(issue, best);
    return best;
  }

  raw(text: Text): number {
    let u = 0;
    for (const row of this.rows) {
      const o = text[row.issue];
      if (o !== undefined) u += row.points[o] ?? 0;
    }
    return u;
  }

  /** Utility of a deal signed now on a text of raw utility `raw`. */
  discount(raw: number): number {
    return Math.floor(raw * this.factor);
  }

  packageShare(text: Text, pkg: string): number {
    const best = this.packageBest.get(pkg) ?? 0;
    if (best === 0) return 100;
    let v = 0;
    for (const row of this.tables.packageRows.get(pkg) ?? []) {
      const o = text[row.issue];
      if (o !== undefined) v += row.points[o] ?? 0;
    }
    // An integer far inside 32 bits: `| 0` changes only its form (see `liveShare` in the engine).
    return Math.floor((v * 100) / best) | 0;
  }

  /** The text's figures for us. Read at once: it must not change until its figures are read. */
  evaluate(text: Text): Evaluation {
    return new TextEvaluation(this, text);
  }

  /** The ids of our ratification checks the text fails. */
  ratificationFails(text: Text): string[] {
    const fails: string[] = [];
    for (const c of this.me.rules.ratification)
      if (!checkPasses(c, text, ownValue(this.me.rules.supportShift, c.id) ?? 0)) fails.push(c.id);
    return fails;
  }

  /** The packages the text leaves below our mandate's minimum. */
  mandateShort(text: Text): string[] {
    const short: string[] = [];
    for (const m of this.me.mandate)
      if (this.packageShare(text, m.package) < m.minimum) short.push(m.package);
    return short;
  }

  /** Whether this party could sign the text at all (limits only, not its aspiration). */
  valid(text: Text): boolean {
    for (const r of this.me.rules.redLines) if (holds(r.when, text)) return false;
    for (const c of this.me.rules.ratification)
      if (!checkPasses(c, text, ownValue(this.me.rules.supportShift, c.id) ?? 0)) return false;
    for (const m of this.me.mandate) if (this.packageShare(text, m.package) < m.minimum) return false;
    return true;
  }

  /** Per issue of `coder` that we weigh, in `raw`'s order: its package and the points of each option. */
  codedRows(coder: TextCoder): Array<{ issue: number; pkg: string; points: number[] }> {
    let out = this.tables.coded.get(coder);
    if (out) return out;
    out = [];
    for (const row of this.rows) {
      const i = coder.issueIndex.get(row.issue);
      // An issue the coder does not know is never in a coded text: it adds nothing, as in `raw`.
      if (i === undefined) continue;
      const points: number[] = [];
      for (const o of coder.options[i]!) points.push(row.points[o] ?? 0);
      out.push({ issue: i, pkg: row.pkg, points });
    }
    this.tables.coded.set(coder, out);
    return out;
  }

  /** `raw` on coded texts. */
  codedRaw(coder: TextCoder): (code: Int32Array) => number {
    const rows = this.codedRows(coder);
    return (code) => {
      let u = 0;
      for (const row of rows) u += row.points[code[row.issue]!]!;
      return u;
    };
  }

  /** `valid` on coded texts, compiled once: red lines, ratification, then the mandate. Kept with the tables
   * while our rules, support shifts and mandate stay as they were. */
  codedValid(coder: TextCoder): CodedCondition {
    const { rules, mandate } = this.me;
    const known = this.tables.valid.get(coder);
    if (
      known &&
      known.redLines === rules.redLines &&
      known.ratification === rules.ratification &&
      known.shifts.every((v, k) => v === (rules.supportShift[rules.ratification[k]!.id] ?? 0)) &&
      known.mandate.length === mandate.length &&
      known.mandate.every((m, k) => m.package === mandate[k]!.package && m.minimum === mandate[k]!.minimum)
    )
      return known.valid;
    const valid = this.compileValid(coder);
    this.tables.valid.set(coder, {
      redLines: rules.redLines,
      ratification: rules.ratification,
      shifts: rules.ratification.map((c) => ownValue(rules.supportShift, c.id) ?? 0),
      mandate: mandate.map((m) => ({ package: m.package, minimum: m.minimum })),
      valid,
    });
    return valid;
  }

  private compileValid(coder: TextCoder): CodedCondition {
    const crosses = this.me.rules.redLines.map((r) => compileCondition(coder, r.when));
    const checks = this.me.rules.ratification.map((c) =>
      compileCheck(coder, c, ownValue(this.me.rules.supportShift, c.id) ?? 0),
    );
    const rows = this.codedRows(coder);
    const mandates = this.me.mandate.map((m) => ({
      minimum: m.minimum,
      best: this.packageBest.get(m.package) ?? 0,
      rows: packageRowsOf(rows, m.package),
    }));
    return (code) => {
      for (const crossed of crosses) if (crossed(code)) return false;
      for (const passes of checks) if (!passes(code)) return false;
      for (const m of mandates) {
        let sum = 0;
        for (const row of m.rows) sum += row.points[code[row.issue]!]!;
        const share = m.best === 0 ? 100 : Math.floor((sum * 100) / m.best);
        if (share < m.minimum) return false;
      }
      return true;
    };
  }

  /** Options that make the text impossible for us, each with the rule it breaks. */
  blockers(
    text: Text,
    /** Options we believe another party can never sign: a fix must not need them. */
    forbidden: (issue: string, option: string) => boolean = () => false,
  ): Array<{ issue: string; option: string; rule: 'red-line' | 'ratification' | 'mandate'; detail: string }> {
    const out: Array<{
      issue: string;
      option: string;
      rule: 'red-line' | 'ratification' | 'mandate';
      detail: string;
    }> = [];
    for (const r of this.me.rules.redLines) {
      if (!holds(r.when, text)) continue;
      const leaf = firstLeafHolding(r.when, text);
      if (leaf) out.push({ ...leaf, rule: 'red-line', detail: r.description });
    }
    for (const c of this.me.rules.ratification) {
      if (checkPasses(c, text, ownValue(this.me.rules.supportShift, c.id) ?? 0)) continue;
      if (c.kind === 'consent') {
        const leaf = firstLeafHolding(c.failsWhen, text);
        if (leaf) out.push({ ...leaf, rule: 'ratification', detail: `${c.body} would not consent` });
      } else {
        // The option whose effect costs the most support.
        let worst: { issue: string; option: string; delta: number } | null = null;
        for (const e of c.effects) {
          if (e.delta >= 0 || !holds(e.when, text)) continue;
          const leaf = firstLeafHolding(e.when, text);
          if (leaf && (!worst || e.delta < worst.delta)) worst = { ...leaf, delta: e.delta };
        }
        // No effect costs support, yet the check fails: it is held at all only because the text meets its
        // `appliesWhen`, so the option that calls for it is what blocks.
        if (!worst && c.appliesWhen !== undefined) {
          const leaf = firstLeafHolding(c.appliesWhen, text);
          if (leaf) worst = { ...leaf, delta: 0 };
        }
        if (worst)
          out.push({
            issue: worst.issue,
            option: worst.option,
            rule: 'ratification',
            detail: `${c.body} would not ratify it`,
          });
      }
    }
    for (const m of this.me.mandate) {
      if (this.packageShare(text, m.package) >= m.minimum) continue;
      let worst: { issue: string; option: string; loss: number } | null = null;
      for (const p of this.view.scenario.packages) {
        if (p.id !== m.package) continue;
        for (const i of p.issues) {
          const o = text[i.id];
          if (o === undefined) continue;
          // The loss we could recover on this issue without an option another party can never sign (asked
          // only of an option that would raise it).
          let reachable = this.value(i.id, o);
          for (const opt of i.options) {
            const v = this.value(i.id, opt.id);
            if (v > reachable && !forbidden(i.id, opt.id)) reachable = v;
          }
          const loss = this.weight(i.id) * (reachable - this.value(i.id, o));
          if (loss > 0 && (!worst || loss > worst.loss)) worst = { issue: i.id, option: o, loss };
        }
      }
      if (worst)
        out.push({
          issue: worst.issue,
          option: worst.option,
          rule: 'mandate',
          detail: `our mandate on ${m.package}`,
        });
    }
    return out;
  }
}

const NOT_READ: string[] = [];

/** `evaluate`'s figures: utility and red lines at once, ratification and mandate when first read (most callers
 * ask only which red lines a text crosses). */
class TextEvaluation implements Evaluation {
  readonly raw: number;
  readonly now: number;
  readonly redLines: string[];
  // Not yet read: a shared empty list stands for it, so the fields keep one kind of value.
  private fails: string[] = NOT_READ;
  private short: string[] = NOT_READ;

  constructor(
    private readonly own: OwnPosition,
    private readonly text: Text,
  ) {
    this.raw = own.raw(text);
    this.now = own.discount(this.raw);
    this.redLines = [];
    for (const r of own.me.rules.redLines) if (holds(r.when, text)) this.redLines.push(r.id);
  }

  get ratificationFails(): string[] {
    if (this.fails === NOT_READ) this.fails = this.own.ratificationFails(this.text);
    return this.fails;
  }

  get mandateShort(): string[] {
    if (this.short === NOT_READ) this.short = this.own.mandateShort(this.text);
    return this.short;
  }

  get ok(): boolean {
    return (
      this.redLines.length === 0 && this.ratificationFails.length === 0 && this.mandateShort.length === 0
    );
  }
}

/** The coded rows of one package (pushed, so every list is of one kind to the engine). */
function packageRowsOf<R extends { pkg: string }>(rows: readonly R[], pkg: string): R[] {
  const out: R[] = [];
  for (const r of rows) if (r.pkg === pkg) out.push(r);
  return out;
}

/** The first `issue in [...]` leaf of a condition that the text satisfies, to name what blocks it. */
export function firstLeafHolding(cond: Condition, text: Text): { issue: string; option: string } | null {
  if ('issue' in cond) {
    const option = text[cond.issue];
    return option !== undefined && cond.in.includes(option) ? { issue: cond.issue, option } : null;
  }
  if ('all' in cond || 'any' in cond) {
    for (const c of 'all' in cond ? cond.all : cond.any) {
      const leaf = firstLeafHolding(c, text);
      if (leaf) return leaf;
    }
  }
  return null;
}

export type { Profile };
