// Layout maths for the table canvas: regions, seats around an ellipse, the package card grid, the calendar strip.
// Pure functions in CSS pixels; no Phaser, so the node test project can check them.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

export interface SeatSpot extends Point {
  party: string;
  /** Parametric angle on the ellipse, radians; π/2 is the bottom of the screen (y grows downwards). */
  angle: number;
}

export interface TableLayout {
  width: number;
  height: number;
  /** Size factor for fonts and strokes: 1 at about 960×620. */
  k: number;
  pad: number;
  header: Rect;
  calendar: Rect;
  /** The space the table and its seats live in. */
  stage: Rect;
  footer: Rect;
  table: Ellipse;
  /** The ring the seats sit on, a little outside the table's rim. */
  seatRing: Ellipse;
  seatRadius: number;
  /** Where the package cards go, inside the table top. */
  cardArea: Rect;
}

/** Fonts shrink less than the geometry, so that text stays readable on a small canvas. */
export function fontScale(k: number): number {
  return Math.max(k, 0.86);
}

/** No text on the table is smaller than this, in CSS pixels, at any size of canvas. */
export const MIN_FONT_PX = 14;

/** The CSS pixel size of a font designed at `n` px for a table of about 960×620, on a table of size factor `k`. */
export function fontPx(n: number, k: number): number {
  return Math.max(MIN_FONT_PX, n * fontScale(k));
}

/** Height of a line of text of `px` pixels, as the canvas lays it out (with its ascent and descent). */
function linePx(px: number): number {
  return Math.ceil(px * 1.25);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Regions of a canvas of `width` × `height` CSS pixels. Degenerate sizes still give finite, non-negative boxes. */
export function tableLayout(width: number, height: number): TableLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const k = clamp(Math.min(w / 960, h / 620), 0.62, 1.35);
  const fk = fontScale(k);
  const pad = clamp(Math.min(w, h) * 0.03, 10, 24);
  // Each band is tall enough for its text at the font floor (the venue and date lines; a calendar pill; a legend).
  const headerH = Math.max(48 * fk, linePx(fontPx(24, k)) + linePx(fontPx(13, k)) + 2 * k);
  const header: Rect = { x: pad, y: pad, w: w - 2 * pad, h: headerH };
  const calendarH = Math.max(30 * fk, linePx(fontPx(11.5, k)) + 10 * k);
  const calendar: Rect = { x: pad, y: header.y + header.h + 8 * k, w: w - 2 * pad, h: calendarH };
  const footerH = Math.max(30 * fk, linePx(fontPx(12.5, k)) + 12 * k);
  const footer: Rect = { x: pad, y: h - pad - footerH, w: w - 2 * pad, h: footerH };
  const stageTop = calendar.y + calendar.h + 10 * k;
  const stage: Rect = {
    x: pad,
    y: stageTop,
    w: Math.max(0, w - 2 * pad),
    h: Math.max(0, footer.y - 8 * k - stageTop),
  };

  const seatRadius = 24 * k;
  // Room outside the rim for a seat and its name tag below it.
  const sideRoom = seatRadius * 1.6 + 44 * fk;
  const topRoom = seatRadius * 1.5;
  // A name tag: the party's name and a line of tags under it.
  const bottomRoom = seatRadius * 1.5 + Math.max(34 * fk, linePx(fontPx(12.5, k)) + linePx(fontPx(10.5, k)));
  let ry = Math.max(20, (stage.h - topRoom - bottomRoom) / 2);
  let rx = Math.max(30, Math.min(stage.w / 2 - sideRoom, ry * 2.1));
  // Landscape: a long table. Portrait (a phone, a side panel): nearly round, a little taller than wide.
  const wideEnough = rx >= ry * 1.25;
  if (!wideEnough) ry = Math.max(20, Math.min(ry, rx * 1.35));
  rx = Math.max(rx, 30);
  const cy = stage.y + topRoom + ry + (stage.h - topRoom - bottomRoom - 2 * ry) / 2;
  const table: Ellipse = { cx: w / 2, cy, rx, ry };
  const ringOut = seatRadius * 0.45;
  const seatRing: Ellipse = { cx: table.cx, cy: table.cy, rx: rx + ringOut, ry: ry + ringOut };

  // A rectangle with its corners about on the baize's edge (at angle θ), less a margin; a caption line on top.
  const theta = wideEnough ? 0.62 : 0.85;
  const halfW = rx * Math.cos(theta) - 10 * k;
  const halfH = ry * Math.sin(theta) + ry * 0.13;
  const caption = Math.max(22 * fk, linePx(fontPx(11, k)) + 4 * k);
  const cardArea: Rect = {
    x: table.cx - Math.max(10, halfW),
    y: table.cy - Math.max(10, halfH) + caption,
    w: Math.max(20, 2 * halfW),
    h: Math.max(20, 2 * halfH - caption - 8 * k),
  };
  return {
    width: w,
    height: h,
    k,
    pad,
    header,
    calendar,
    stage,
    footer,
    table,
    seatRing,
    seatRadius,
    cardArea,
  };
}

/**
 * Parties in seating order, the viewer first: the viewer sits at the bottom and the others follow clockwise
 * on screen. A seat that is not a party (the director) sees the table from between two seats.
 */
export function seatSpots(parties: readonly string[], viewer: string | null, ring: Ellipse): SeatSpot[] {
  const n = parties.length;
  if (n === 0) return [];
  const start = viewer === null ? -1 : parties.indexOf(viewer);
  const ordered = start < 0 ? [...parties] : [...parties.slice(start), ...parties.slice(0, start)];
  const step = (2 * Math.PI) / n;
  const offset = start < 0 ? step / 2 : 0;
  return ordered.map((party, i) => {
    const angle = Math.PI / 2 + offset + i * step;
    return {
      party,
      angle,
      x: ring.cx + ring.rx * Math.cos(angle),
      y: ring.cy + ring.ry * Math.sin(angle),
    };
  });
}

export interface CardGrid {
  columns: number;
  rows: number;
  cards: Rect[];
}

/**
 * Lays `count` cards out in `area`, choosing the column count that gives the largest cards of about
 * `aspect` (width / height) without exceeding `maxHeight`; the last row is centred.
 */
export function cardGrid(count: number, area: Rect, gap: number, aspect = 2, maxHeight = Infinity): CardGrid {
  if (count <= 0) return { columns: 0, rows: 0, cards: [] };
  let best: { columns: number; rows: number; w: number; h: number } | null = null;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellW = Math.max(0, (area.w - gap * (columns - 1)) / columns);
    const cellH = Math.max(0, (area.h - gap * (rows - 1)) / rows);
    const h = Math.min(cellH, cellW / aspect, maxHeight);
    // Wider than the aspect is fine (cards stretch a little), up to 1.5× the ideal width.
    const w = Math.min(cellW, h * aspect * 1.5);
    const size = w * h;
    if (!best || size > best.w * best.h + 1e-6) best = { columns, rows, w, h };
  }
  const { columns, rows, w, h } = best as { columns: number; rows: number; w: number; h: number };
  const totalH = rows * h + (rows - 1) * gap;
  const top = area.y + (area.h - totalH) / 2;
  const cards: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / columns);
    const inRow = row === rows - 1 ? count - row * columns : columns;
    const col = i - row * columns;
    const rowW = inRow * w + (inRow - 1) * gap;
    const left = area.x + (area.w - rowW) / 2;
    cards.push({ x: left + col * (w + gap), y: top + row * (h + gap), w, h });
  }
  return { columns, rows, cards };
}

/** Pills for `count` meetings across `area`, each at most `maxWidth` wide, centred as a group. */
export function calendarPills(count: number, area: Rect, gap: number, maxWidth: number): Rect[] {
  if (count <= 0) return [];
  const w = Math.max(0, Math.min(maxWidth, (area.w - gap * (count - 1)) / count));
  const total = count * w + (count - 1) * gap;
  const left = area.x + (area.w - total) / 2;
  return Array.from({ length: count }, (_, i) => ({ x: left + i * (w + gap), y: area.y, w, h: area.h }));
}

/** Centres of `count` dots of radius `r` in a row starting at `x`, `gap` apart (edge to edge). */
export function dotRow(count: number, x: number, y: number, r: number, gap: number): Point[] {
  return Array.from({ length: count }, (_, i) => ({ x: x + r + i * (2 * r + gap), y }));
}

/** Where a speech bubble of `size` goes next to a seat: above it in the lower half, below it in the upper half, kept on screen. */
export function bubbleSpot(
  seat: Point,
  seatRadius: number,
  size: { w: number; h: number },
  bounds: Rect,
  center: Point,
): Rect & { tail: 'down' | 'up' } {
  const above = seat.y >= center.y;
  const y = above ? seat.y - seatRadius - 12 - size.h : seat.y + seatRadius + 12;
  const x = clamp(seat.x - size.w / 2, bounds.x, Math.max(bounds.x, bounds.x + bounds.w - size.w));
  return {
    x,
    y: clamp(y, bounds.y, Math.max(bounds.y, bounds.y + bounds.h - size.h)),
    w: size.w,
    h: size.h,
    tail: above ? 'down' : 'up',
  };
}
