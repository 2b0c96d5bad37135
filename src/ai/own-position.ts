// An AI delegation's own side of the table, read from its seat's view: exact utilities from per-issue tables,
// its red lines, ratification and mandate checks, and the words it has given.
import type { SeatView } from '../engine/view';
import type { Condition, Issue, Profile, Text } from '../scenario/schema';
import { discounted, holds, runCheck } from '../scenario/utility';

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

export class OwnPosition {
  readonly me: Brief;
  readonly issues: Issue[];
  readonly issuePackage = new Map<string, string>();
  readonly reservation: number;
  readonly ideal: number;
  private readonly factor: number;
  private readonly packageBest = new Map<string, number>();
  /** Per issue, in one flat list: its id, package, and weight × value of each option (exact integers). */
  private readonly rows: Array<{ issue: string; pkg: string; points: Record<string, number> }> = [];

  constructor(readonly view: SeatView) {
    if (!view.me) throw new Error('an AI plays a party seat');
    this.me = view.me;
    this.issues = view.scenario.packages.flatMap((p) => p.issues);
    for (const p of view.scenario.packages)
      for (const i of p.issues) {
        const pref = this.me.preferences[i.id];
        if (!pref) continue;
        const points: Record<string, number> = {};
        for (const [o, v] of Object.entries(pref.values)) points[o] = pref.weight * v;
        this.rows.push({ issue: i.id, pkg: p.id, points });
      }
    for (const p of view.scenario.packages) {
      let best = 0;
      for (const i of p.issues) {
        this.issuePackage.set(i.id, p.id);
        best += this.weight(i.id) * this.top(i.id);
      }
      this.packageBest.set(p.id, best);
    }
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
    for (const row of this.rows) {
      if (row.pkg !== pkg) continue;
      const o = text[row.issue];
      if (o !== undefined) v += row.points[o] ?? 0;
    }
    return Math.floor((v * 100) / best);
  }

  evaluate(text: Text): Evaluation {
    const raw = this.raw(text);
    const redLines = this.me.rules.redLines.filter((r) => holds(r.when, text)).map((r) => r.id);
    const ratificationFails = this.me.rules.ratification
      .filter((c) => !runCheck(c, text, this.me.rules.supportShift[c.id] ?? 0).passed)
      .map((c) => c.id);
    const mandateShort = this.me.mandate
      .filter((m) => this.packageShare(text, m.package) < m.minimum)
      .map((m) => m.package);
    return {
      raw,
      now: this.discount(raw),
      redLines,
      ratificationFails,
      mandateShort,
      ok: redLines.length === 0 && ratificationFails.length === 0 && mandateShort.length === 0,
    };
  }

  /** Whether this party could sign the text at all (limits only, not its aspiration). */
  valid(text: Text): boolean {
    for (const r of this.me.rules.redLines) if (holds(r.when, text)) return false;
    for (const c of this.me.rules.ratification)
      if (!runCheck(c, text, this.me.rules.supportShift[c.id] ?? 0).passed) return false;
    if (this.me.mandate.length === 0) return true;
    // Every package's points in one pass, then each mandate against them.
    const sums = new Map<string, number>();
    for (const row of this.rows) {
      const o = text[row.issue];
      if (o !== undefined) sums.set(row.pkg, (sums.get(row.pkg) ?? 0) + (row.points[o] ?? 0));
    }
    for (const m of this.me.mandate) {
      const best = this.packageBest.get(m.package) ?? 0;
      const share = best === 0 ? 100 : Math.floor(((sums.get(m.package) ?? 0) * 100) / best);
      if (share < m.minimum) return false;
    }
    return true;
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
      if (runCheck(c, text, this.me.rules.supportShift[c.id] ?? 0).passed) continue;
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
          // The loss we could recover on this issue without an option another party can never sign.
          let reachable = this.value(i.id, o);
          for (const opt of i.options)
            if (!forbidden(i.id, opt.id)) reachable = Math.max(reachable, this.value(i.id, opt.id));
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
