// The scenario lab's chart (Chart.js, loaded with the lab only): the exact Pareto frontier projected on two parties'
// utilities, its deals, the Nash point, the region above both reservation values and where quick AI games landed.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { num } from '../i18n';
import type { Analysis } from '../scenario/analysis';
import type { LabGame } from './lab-games-protocol';

Chart.register(ScatterController, LineController, LinearScale, PointElement, LineElement, Legend, Tooltip);

export interface LabChartInput {
  canvas: HTMLCanvasElement;
  analysis: Analysis;
  x: { id: string; name: string };
  y: { id: string; name: string };
  games: LabGame[];
  words: { frontier: string; deals: string; nash: string; zone: string; games: string };
}

export interface LabChart {
  setGames(games: LabGame[]): void;
  destroy(): void;
}

type Point = { x: number; y: number };
type GamePoint = Point & { games: number };

/** Where the games that ended in a deal landed, on the chart's two axes: one point per place, with its count. */
function gamePoints(games: LabGame[], x: string, y: string): GamePoint[] {
  const at = new Map<string, GamePoint>();
  for (const g of games) {
    if (!g.utilities) continue;
    const p = { x: g.utilities[x] ?? 0, y: g.utilities[y] ?? 0 };
    const key = `${p.x},${p.y}`;
    const seen = at.get(key);
    if (seen) seen.games++;
    else at.set(key, { ...p, games: 1 });
  }
  return [...at.values()];
}

/** A place where more games ended is drawn larger. */
const gameRadius = (p: unknown) => 5 + 2 * Math.sqrt((p as GamePoint | undefined)?.games ?? 1);

export function drawLabChart(input: LabChartInput): LabChart {
  const { analysis: a, x, y, words } = input;
  const at = (u: Record<string, number>): Point => ({ x: u[x.id] ?? 0, y: u[y.id] ?? 0 });
  const others = a.frontier.filter((f) => !f.deal).map((f) => at(f.utilities));
  const deals = a.frontier.filter((f) => f.deal).map((f) => at(f.utilities));
  const rx = a.reservation[x.id] ?? 0;
  const ry = a.reservation[y.id] ?? 0;
  // Each axis starts a little below the lowest reservation value or frontier point, so the points spread out.
  const floor = (values: number[]) => Math.max(0, Math.floor((Math.min(...values) - 500) / 1000) * 1000);
  const xMin = floor([rx, ...a.frontier.map((f) => f.utilities[x.id] ?? 0)]);
  const yMin = floor([ry, ...a.frontier.map((f) => f.utilities[y.id] ?? 0)]);
  const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const chart = new Chart(input.canvas, {
    type: 'scatter',
    data: {
      datasets: [
        {
          type: 'line',
          label: words.zone,
          data: [
            { x: rx, y: 10_000 },
            { x: rx, y: ry },
            { x: 10_000, y: ry },
          ],
          borderColor: '#8a5a00',
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 0,
          fill: false,
          order: 4,
        },
        {
          label: words.frontier,
          data: others,
          backgroundColor: '#7a8794',
          borderColor: '#4a5561',
          pointRadius: 4,
          pointStyle: 'rect',
          order: 3,
        },
        {
          label: words.deals,
          data: deals,
          backgroundColor: '#1f6fb2',
          borderColor: '#0d3f66',
          pointRadius: 5,
          order: 2,
        },
        {
          label: words.games,
          data: gamePoints(input.games, x.id, y.id),
          backgroundColor: 'rgba(46, 160, 50, 0.55)',
          borderColor: '#1b5e20',
          borderWidth: 1.5,
          pointRadius: (ctx) => gameRadius(ctx.raw),
          pointHoverRadius: (ctx) => gameRadius(ctx.raw) + 2,
          pointStyle: 'triangle',
          order: 1,
        },
        {
          label: words.nash,
          data: a.nash ? [at(a.nash.utilities)] : [],
          backgroundColor: '#c62828',
          borderColor: '#7f0000',
          pointRadius: 10,
          pointStyle: 'star',
          borderWidth: 3,
          order: 0,
        },
      ],
    },
    options: {
      animation: reduce ? false : { duration: 250 },
      maintainAspectRatio: false,
      scales: {
        x: {
          type: 'linear',
          min: xMin,
          max: 10_000,
          title: { display: true, text: x.name, color: '#1d2730' },
          ticks: { color: '#1d2730', callback: (v) => num(Number(v)) },
        },
        y: {
          type: 'linear',
          min: yMin,
          max: 10_000,
          title: { display: true, text: y.name, color: '#1d2730' },
          ticks: { color: '#1d2730', callback: (v) => num(Number(v)) },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: '#1d2730', usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = item.raw as GamePoint;
              const games = p.games === undefined ? '' : ` (${num(p.games)})`;
              return `${item.dataset.label ?? ''}${games}: ${x.name} ${num(p.x)}, ${y.name} ${num(p.y)}`;
            },
          },
        },
      },
    },
  });
  return {
    setGames(games) {
      const set = chart.data.datasets[3];
      if (!set) return;
      set.data = gamePoints(games, x.id, y.id);
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
