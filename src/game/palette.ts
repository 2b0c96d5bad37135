// Colours and type for the table canvas: one calm palette, kept in one place.

export const COLORS = {
  background: 0xeef1f4,
  backgroundLine: 0xdfe4ea,
  ink: 0x1d2733,
  inkSoft: 0x4a5868,
  muted: 0x7a8794,
  paper: 0xffffff,
  offAgenda: 0xe8ecef,
  emptyDot: 0xaeb8c2,
  hairline: 0xd5dbe2,
  /** The table: a walnut rim around a green baize top. */
  rim: 0x5a4330,
  rimLight: 0x7a5b42,
  baize: 0x2d5b4c,
  baizeLight: 0x3a6d5c,
  baizeInk: 0xcfe3d8,
  shadow: 0x0e1a24,
  /** Provisionally agreed: gold, distinct from every party colour on the baize. */
  agreed: 0xc8961f,
  agreedFill: 0xfff6dc,
  agreedInk: 0x7c5a0c,
  agenda: 0x2a6f8f,
  agendaFill: 0xe3f0f6,
  rejected: 0xb3261e,
  signed: 0x1f7a4d,
  current: 0x2a6f8f,
  dropped: 0xa0aab4,
  banner: 0x14202b,
  bannerInk: 0xf4f6f8,
  bannerMuted: 0xaab7c4,
  news: 0xd08a1e,
} as const;

export const FONT = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  serif: 'Georgia, "Iowan Old Style", "Palatino Linotype", "Times New Roman", serif',
} as const;

/** '#3366cc' → 0x3366cc; anything malformed gives a neutral grey rather than throwing. */
export function hexColor(css: string): number {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(css.trim());
  return m?.[1] ? Number.parseInt(m[1], 16) : 0x8894a0;
}

export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

/** Mixes `color` toward `toward` by `t` (0 keeps it, 1 replaces it). */
export function mix(color: number, toward: number, t: number): number {
  const c = (shift: number) => {
    const a = (color >> shift) & 0xff;
    const b = (toward >> shift) & 0xff;
    return Math.round(a + (b - a) * t) & 0xff;
  };
  return (c(16) << 16) | (c(8) << 8) | c(0);
}
