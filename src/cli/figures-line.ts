// The figures `validate` prints under a valid file (and the game's scenario list shows designers), in one line.
import { type BalanceFigures, printable } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

/** The figures a designer watches while tuning, in one line: frontier, zone, Nash point. */
export function figuresLine(s: Scenario, f: BalanceFigures): string {
  const name = (id: string) => printable(s.parties.find((p) => p.id === id)?.shortName ?? id);
  const count = (n: number) => (n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(3));
  const zone = !f.zone.exists
    ? 'no zone of agreement'
    : `zone of agreement ${f.zone.exact ? '' : 'about '}${count(f.zone.estimate)} of ${count(f.texts)} texts (${(f.zone.share * 100).toFixed(f.zone.share < 0.001 ? 4 : 1)}%)`;
  const nash = f.nash
    ? `Nash point ${Object.entries(f.nash)
        .map(([p, u]) => `${name(p)} ${u}`)
        .join(', ')}`
    : 'no Nash point';
  return `frontier ${count(f.frontierPoints)} point${f.frontierPoints === 1 ? '' : 's'} (${f.frontierDeals} deal${f.frontierDeals === 1 ? '' : 's'}); ${zone}; ${nash}`;
}
