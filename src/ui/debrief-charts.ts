// Plain SVG charts of the debrief: the outcome against the Pareto frontier (two sides at a time) and offers over time.
import type { FrontierChart, OfferSeries } from '../engine/debrief';
import { type Agreement, msg, num, t } from '../i18n';

const SVG = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function titled<T extends SVGElement>(node: T, title: string): T {
  node.append(svg('title', {}, title));
  return node;
}

export interface PartyInfo {
  id: string;
  name: string;
  shortName: string;
  color: string;
  agreement?: Agreement | undefined;
}

/** A round axis range that holds every value, with a little room. */
function range(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const step = 500;
  const a = Math.max(0, Math.floor((lo - 200) / step) * step);
  const b = Math.min(10_000, Math.ceil((hi + 200) / step) * step);
  return b > a ? [a, b] : [a, a + step];
}

/** Tick values: 3–6 round numbers across a range, at least `gap` units apart across `room` units (a narrow
 * chart on a phone gets fewer, so its 12 px numbers do not touch). */
function ticks(lo: number, hi: number, room = Number.POSITIVE_INFINITY, gap = 0): number[] {
  const span = hi - lo;
  let step = span <= 2000 ? 500 : span <= 5000 ? 1000 : 2000;
  for (const wider of [1000, 2000, 2500, 5000]) if (wider > step && (step / span) * room < gap) step = wider;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

const fmt = (n: number) => num(n);

/** The widths the charts are drawn for: narrower boxes (a phone) get them drawn at their own width (ChartFit). */
export const FRONTIER_WIDTH = 360;
export const OFFERS_WIDTH = 560;

/**
 * Charts drawn at the width they are shown, up to the width they are designed for: a chart drawn wide and scaled
 * down to a phone shrinks its text with it (11 px ticks read as 6.5 px at 375 px wide), so a narrower box gets the
 * chart drawn again at its own width, its text at its size in CSS pixels. Follows the box as it changes (a phone
 * turned, a window resized); `stop()` lets go of them all.
 */
export class ChartFit {
  private readonly observer: ResizeObserver | null;
  private readonly fits = new Map<Element, (width: number) => void>();

  constructor() {
    this.observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            for (const e of entries) this.fits.get(e.target)?.(e.contentRect.width);
          });
  }

  /** The chart `draw` makes at `design` width; drawn again at its box's width while that is narrower. */
  chart(design: number, draw: (width: number) => SVGSVGElement): SVGSVGElement {
    let drawnAt = design;
    const watch = (node: SVGSVGElement) => {
      this.fits.set(node, (shown) => {
        const want = Math.max(200, Math.min(design, Math.floor(shown)));
        if (shown <= 0 || Math.abs(want - drawnAt) < 2) return;
        drawnAt = want;
        const next = draw(want);
        this.fits.delete(node);
        this.observer?.unobserve(node);
        node.replaceWith(next);
        watch(next);
      });
      this.observer?.observe(node);
    };
    const first = draw(design);
    watch(first);
    return first;
  }

  stop(): void {
    this.observer?.disconnect();
    this.fits.clear();
  }
}

/** One chart of the frontier for two sides: x is better for `a`, y is better for `b`. */
export function frontierPairChart(
  chart: FrontierChart,
  a: PartyInfo,
  b: PartyInfo,
  extra: { missed: Record<string, number> | null; outcomeLabel: string },
  titleId: string,
  width = FRONTIER_WIDTH,
): SVGSVGElement {
  const W = width;
  const H = 320;
  const left = 58;
  // Room for half of the last tick's number ("10 000" at 12 px) right of the plot.
  const right = 24;
  const top = 14;
  const bottom = 48;
  const pts = chart.frontier;
  const at = (p: string, u: Record<string, number>) => u[p] ?? 0;
  const xs = [
    ...pts.map((f) => at(a.id, f.utilities)),
    chart.reservation[a.id] ?? 0,
    at(a.id, chart.outcome.utilities),
    ...(chart.lastText ? [at(a.id, chart.lastText.utilities)] : []),
  ];
  const ys = [
    ...pts.map((f) => at(b.id, f.utilities)),
    chart.reservation[b.id] ?? 0,
    at(b.id, chart.outcome.utilities),
    ...(chart.lastText ? [at(b.id, chart.lastText.utilities)] : []),
  ];
  const [x0, x1] = range(xs);
  const [y0, y1] = range(ys);
  const X = (v: number) => left + ((v - x0) / (x1 - x0)) * (W - left - right);
  const Y = (v: number) => H - bottom - ((v - y0) / (y1 - y0)) * (H - top - bottom);
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart frontier-chart',
    role: 'img',
    'aria-labelledby': titleId,
    'data-x': a.id,
    'data-y': b.id,
  });
  const rx = X(chart.reservation[a.id] ?? 0);
  const ry = Y(chart.reservation[b.id] ?? 0);
  // Where both sides on this chart do better than no deal.
  root.append(
    svg('rect', {
      class: 'zone',
      x: rx,
      y: top,
      width: Math.max(0, W - right - rx),
      height: Math.max(0, ry - top),
      'data-area': 'zone',
    }),
  );
  const grid = svg('g', { class: 'axes' });
  // "10 000" is about 42 units wide at 12 px: x ticks at least 60 apart.
  for (const v of ticks(x0, x1, W - left - right, 60)) {
    grid.append(
      svg('line', { x1: X(v), x2: X(v), y1: top, y2: H - bottom, class: 'gridline' }),
      svg('text', { x: X(v), y: H - bottom + 16, 'text-anchor': 'middle', class: 'tick' }, fmt(v)),
    );
  }
  for (const v of ticks(y0, y1, H - top - bottom, 24)) {
    grid.append(
      svg('line', { x1: left, x2: W - right, y1: Y(v), y2: Y(v), class: 'gridline' }),
      svg('text', { x: left - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'tick' }, fmt(v)),
    );
  }
  grid.append(
    svg('line', { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: 'axis' }),
    svg('line', { x1: left, x2: left, y1: top, y2: H - bottom, class: 'axis' }),
    svg(
      'text',
      { x: (left + W - right) / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis-label' },
      `${a.shortName} →`,
    ),
    svg(
      'text',
      {
        x: 14,
        y: (top + H - bottom) / 2,
        'text-anchor': 'middle',
        class: 'axis-label',
        transform: `rotate(-90 14 ${(top + H - bottom) / 2})`,
      },
      `${b.shortName} →`,
    ),
  );
  root.append(grid);
  root.append(
    titled(
      svg('line', { x1: rx, x2: rx, y1: top, y2: H - bottom, class: 'reservation' }),
      t(msg().charts.noDeal, { party: a.name }),
    ),
    titled(
      svg('line', { x1: left, x2: W - right, y1: ry, y2: ry, class: 'reservation' }),
      t(msg().charts.noDeal, { party: b.name }),
    ),
  );
  const words = (u: Record<string, number>) =>
    `${a.shortName} ${fmt(at(a.id, u))}, ${b.shortName} ${fmt(at(b.id, u))}`;
  const dots = svg('g', { class: 'frontier-points' });
  for (const f of pts) {
    dots.append(
      titled(
        svg('circle', {
          cx: X(at(a.id, f.utilities)),
          cy: Y(at(b.id, f.utilities)),
          r: 4,
          class: f.deal ? 'frontier deal' : 'frontier',
          'data-point': 'frontier',
        }),
        t(msg().charts.bestText, { values: words(f.utilities) }) + (f.deal ? '' : msg().charts.notForAll),
      ),
    );
  }
  root.append(dots);
  const marker = (
    kind: string,
    u: Record<string, number>,
    shape: 'diamond' | 'circle' | 'square' | 'triangle',
    title: string,
  ) => {
    const cx = X(at(a.id, u));
    const cy = Y(at(b.id, u));
    const s = 8;
    let node: SVGElement;
    if (shape === 'circle') node = svg('circle', { cx, cy, r: 7 });
    else if (shape === 'square') node = svg('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12 });
    else if (shape === 'triangle')
      node = svg('polygon', {
        points: `${cx},${cy - s} ${cx + s},${cy + s * 0.8} ${cx - s},${cy + s * 0.8}`,
      });
    else node = svg('polygon', { points: `${cx},${cy - s} ${cx + s},${cy} ${cx},${cy + s} ${cx - s},${cy}` });
    node.setAttribute('class', `marker ${kind}`);
    node.setAttribute('data-point', kind);
    root.append(titled(node, `${title}: ${words(u)}`));
  };
  const D = msg().debrief;
  if (extra.missed) marker('missed', extra.missed, 'triangle', D.preferred);
  if (chart.nash) marker('nash', chart.nash.utilities, 'diamond', D.nashPoint);
  if (chart.lastText)
    marker(
      'last-text',
      chart.lastText.utilities,
      'square',
      t(D.lastText, { version: chart.lastText.version }),
    );
  marker('outcome', chart.outcome.utilities, 'circle', extra.outcomeLabel);
  return root;
}

/** Each party's true utility of one side's offers, in the order they were made. */
export function offersChart(
  series: OfferSeries,
  parties: PartyInfo[],
  reservation: Record<string, number>,
  titleId: string,
  width = OFFERS_WIDTH,
) {
  const W = width;
  const H = 240;
  const left = 56;
  const right = 16;
  const top = 12;
  const bottom = 40;
  const n = series.offers.length;
  const values = series.offers.flatMap((o) => parties.map((p) => o.utilities[p.id] ?? 0));
  const [y0, y1] = range([...values, ...parties.map((p) => reservation[p.id] ?? 0)]);
  const X = (i: number) => (n <= 1 ? (left + W - right) / 2 : left + (i / (n - 1)) * (W - left - right));
  const Y = (v: number) => H - bottom - ((v - y0) / (y1 - y0)) * (H - top - bottom);
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart offers-chart',
    role: 'img',
    'aria-labelledby': titleId,
  });
  const grid = svg('g', { class: 'axes' });
  for (const v of ticks(y0, y1)) {
    grid.append(
      svg('line', { x1: left, x2: W - right, y1: Y(v), y2: Y(v), class: 'gridline' }),
      svg('text', { x: left - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'tick' }, fmt(v)),
    );
  }
  grid.append(svg('line', { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: 'axis' }));
  // Labels far enough apart to be read: the first and the last, and others that fit between them (about 8
  // units a character at 12 px, wide letters counted).
  const extent = (i: number, label: string): [number, number] => {
    const x = X(i);
    const w = label.length * 8;
    if (n === 1) return [x - w / 2, x + w / 2];
    if (i === 0) return [x, x + w];
    if (i === n - 1) return [x - w, x];
    return [x - w / 2, x + w / 2];
  };
  const lastLeft = n > 1 ? extent(n - 1, series.offers[n - 1]?.label ?? '')[0] : Number.POSITIVE_INFINITY;
  let placedRight = Number.NEGATIVE_INFINITY;
  series.offers.forEach((o, i) => {
    const [l, r] = extent(i, o.label);
    const lastLabel = i === n - 1;
    if (!lastLabel && (l < placedRight + 10 || r > lastLeft - 10)) return;
    placedRight = r;
    grid.append(
      svg(
        'text',
        {
          x: X(i),
          y: H - bottom + 16,
          'text-anchor': n === 1 ? 'middle' : i === 0 ? 'start' : lastLabel ? 'end' : 'middle',
          class: 'tick',
        },
        o.label,
      ),
    );
  });
  grid.append(
    svg(
      'text',
      { x: (left + W - right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' },
      msg().charts.offersAxis,
    ),
  );
  root.append(grid);
  for (const p of parties) {
    const r = reservation[p.id];
    if (r !== undefined)
      root.append(
        titled(
          svg('line', {
            x1: left,
            x2: W - right,
            y1: Y(r),
            y2: Y(r),
            class: 'reservation',
            style: `stroke:${p.color}`,
          }),
          t(msg().charts.noDealAt, { party: p.name, value: fmt(r) }),
        ),
      );
    const line = series.offers.map((o, i) => `${X(i)},${Y(o.utilities[p.id] ?? 0)}`).join(' ');
    root.append(svg('polyline', { points: line, class: 'series', stroke: p.color }));
    for (const [i, o] of series.offers.entries())
      root.append(
        titled(
          svg('circle', {
            cx: X(i),
            cy: Y(o.utilities[p.id] ?? 0),
            r: 3.5,
            fill: p.color,
            class: 'series-point',
          }),
          t(msg().charts.offerPoint, {
            offer: o.label,
            venue: o.meetingVenue,
            value: fmt(o.utilities[p.id] ?? 0),
            party: p.name,
          }),
        ),
      );
  }
  return root;
}
