// Helpers for tests that edit scenario text and expect errors at exact places.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HARBOUR = fileURLToPath(new URL('../fixtures/harbour-two-party.yaml', import.meta.url));

export function harbourText(): string {
  return readFileSync(HARBOUR, 'utf8');
}

/** Replaces exactly one occurrence of `from`; fails loudly if the fixture changed under the test. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) {
    throw new Error(`expected exactly one ${JSON.stringify(from)} in the fixture`);
  }
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** 1-based line and column of the only occurrence of `needle` (the n-th if given). */
export function positionOf(text: string, needle: string, nth = 1): { line: number; col: number } {
  let offset = -1;
  for (let i = 0; i < nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The harbour fixture with three mistakes: an unknown key, a missing option, a weight in words. */
export function harbourWithThreeMistakes(): string {
  let text = harbourText();
  text = replaceOnce(text, '    shortName: North\n', '    shortName: North\n    motto: Fish first\n');
  text = replaceOnce(text, 'initialText: { quota: q70,', 'initialText: { quota: q99,');
  text = replaceOnce(text, 'weight: 40,', 'weight: high,');
  return text;
}
