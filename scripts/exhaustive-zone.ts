// The zone of agreement by brute force: every complete text of a scenario, one by one, with none of the
// analysis's machinery (outcome-space.ts, pareto-frontier.ts, zone-count.ts). It checks the figures that
// test/scenario/analysis.test.ts asserts for the default scenario.
// usage: npx tsx scripts/exhaustive-zone.ts FILE [MEETING_ID | MEETINGS_ELAPSED]
// A meeting id fires the events scripted up to it and counts the meetings before it; a number only sets the
// meetings held (the time discount), with no event fired.
// Prints the number of texts, valid texts and deals (and deals at the meeting's time discount), and the Nash
// point (the deal with the largest product of gains over reservation values; ties to the first found, as texts
// are enumerated with the last issue changing fastest).
import { loadScenarioFile } from '../src/cli/simulate';
import { playAtMeeting } from '../src/scenario/analysis';
import type { Condition, Scenario } from '../src/scenario/schema';
import { discounted } from '../src/scenario/utility';

const [file, meeting] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx scripts/exhaustive-zone.ts FILE [MEETING_ID]\n');
  process.exit(2);
}
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const sc: Scenario = structuredClone(loaded.scenario);
const play =
  meeting === undefined
    ? { firedEvents: [], meetingsElapsed: 0 }
    : /^\d+$/.test(meeting)
      ? { firedEvents: [], meetingsElapsed: Number(meeting) }
      : playAtMeeting(sc, meeting);

// The fired events, applied to a copy of the scenario (only the kinds that change the outcome space).
const reservationShift: Record<string, number> = {};
const supportShift: Record<string, number> = {};
const valueShift = new Map<string, number>();
for (const id of play.firedEvents) {
  const event = sc.events.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id}`);
  for (const fx of event.effects) {
    if (fx.type === 'reservation') reservationShift[fx.party] = (reservationShift[fx.party] ?? 0) + fx.delta;
    else if (fx.type === 'support')
      supportShift[`${fx.party}/${fx.check}`] = (supportShift[`${fx.party}/${fx.check}`] ?? 0) + fx.delta;
    else if (fx.type === 'value') {
      const key = `${fx.party}/${fx.issue}/${fx.option}`;
      valueShift.set(key, (valueShift.get(key) ?? 0) + fx.delta);
    } else if (fx.type === 'addOption') {
      const issue = sc.packages.flatMap((p) => p.issues).find((i) => i.id === fx.issue);
      if (!issue) throw new Error(`no issue ${fx.issue}`);
      issue.options.push(fx.option);
      for (const [party, v] of Object.entries(fx.values)) {
        const pref = sc.profiles[party]?.preferences[fx.issue];
        if (pref) pref.values[fx.option.id] = v;
      }
    } else if (fx.type === 'weight') throw new Error('weight effects are not handled by this script');
  }
}
for (const [key, delta] of valueShift) {
  const [party, issue, option] = key.split('/') as [string, string, string];
  const pref = sc.profiles[party]?.preferences[issue];
  if (pref) pref.values[option] = Math.max(0, Math.min(100, (pref.values[option] ?? 0) + delta));
}

const issues = sc.packages.flatMap((p) => p.issues);
const parties = sc.parties.map((p) => p.id);
const n = issues.length;
const code = new Int32Array(n);
const at = new Map(issues.map((i, k) => [i.id, k]));

/** A condition as a test on the text's option indexes. */
function compile(c: Condition): () => boolean {
  if ('issue' in c) {
    const k = at.get(c.issue);
    if (k === undefined) return () => false;
    const allowed = new Set(c.in.map((o) => issues[k]!.options.findIndex((x) => x.id === o)));
    return () => allowed.has(code[k]!);
  }
  if ('all' in c) {
    const parts = c.all.map(compile);
    return () => parts.every((f) => f());
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return () => parts.some((f) => f());
  }
  const inner = compile(c.not);
  return () => !inner();
}

const value = (party: string, k: number, o: number) => {
  const pref = sc.profiles[party]?.preferences[issues[k]!.id];
  return pref ? pref.weight * (pref.values[issues[k]!.options[o]!.id] ?? 0) : 0;
};
const tables = parties.map((p) => issues.map((_, k) => issues[k]!.options.map((_, o) => value(p, k, o))));
const redLines = parties.flatMap((p) => sc.profiles[p]!.redLines.map((r) => compile(r.when)));
const checks = parties.flatMap((p) =>
  sc.profiles[p]!.ratification.map((c) => {
    if (c.kind === 'consent') {
      const fails = compile(c.failsWhen);
      return () => !fails();
    }
    const applies = c.appliesWhen ? compile(c.appliesWhen) : () => true;
    const effects = c.effects.map((e) => ({ when: compile(e.when), delta: e.delta }));
    const base = c.base + (supportShift[`${p}/${c.id}`] ?? 0);
    return () => {
      if (!applies()) return true;
      let s = base;
      for (const e of effects) if (e.when()) s += e.delta;
      return Math.max(0, Math.min(100, s)) >= c.threshold;
    };
  }),
);
const reservation = parties.map((p) => sc.profiles[p]!.reservation.value + (reservationShift[p] ?? 0));
const elapsed = play.meetingsElapsed;

let texts = 0;
let valid = 0;
let deals = 0;
let lateDeals = 0;
let nash: { product: number; u: number[] } | null = null;
const u = new Array<number>(parties.length).fill(0);
const started = performance.now();

function leaf(): void {
  texts++;
  for (const r of redLines) if (r()) return;
  for (const c of checks) if (!c()) return;
  valid++;
  let product = 1;
  for (let i = 0; i < u.length; i++) {
    if (u[i]! <= reservation[i]!) return;
    product *= u[i]! - reservation[i]!;
  }
  deals++;
  if (u.every((v, i) => discounted(v, sc.discountPerMeeting, elapsed) > reservation[i]!)) lateDeals++;
  if (!nash || product > nash.product) nash = { product, u: [...u] };
}

function walk(k: number): void {
  if (k === n) {
    leaf();
    return;
  }
  const options = issues[k]!.options.length;
  for (let o = 0; o < options; o++) {
    code[k] = o;
    for (let i = 0; i < u.length; i++) u[i]! += tables[i]![k]![o]!;
    walk(k + 1);
    for (let i = 0; i < u.length; i++) u[i]! -= tables[i]![k]![o]!;
  }
}
walk(0);

const found = nash as { product: number; u: number[] } | null;
process.stdout.write(
  `${file}${meeting ? ` at ${meeting}` : ''}: ${texts} texts, ${valid} valid, ${deals} deals, ${lateDeals} deals after ${elapsed} meetings' discount; Nash ${
    found ? parties.map((p, i) => `${p} ${found.u[i]}`).join(', ') : 'none'
  } (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
