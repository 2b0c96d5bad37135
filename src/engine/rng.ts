// A small seeded PRNG (mulberry32) whose whole state is one 32-bit integer kept in the game state.

/** Returns the next state and a float in [0, 1). */
export function nextRandom(rngState: number): { state: number; value: number } {
  const state = (rngState + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { state, value };
}

/** Integer in [0, n). */
export function nextInt(rngState: number, n: number): { state: number; value: number } {
  const r = nextRandom(rngState);
  return { state: r.state, value: Math.floor(r.value * n) };
}

/** Mixes a user seed (any integer or string) into an initial RNG state. */
export function seedFrom(seed: number | string): number {
  const s = String(seed);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h | 0;
}
