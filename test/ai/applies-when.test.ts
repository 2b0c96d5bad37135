// An AI's own limits with a support check held only for some texts (appliesWhen): it may sign where the check is
// not needed, and names the option that calls for the check when that is what blocks.
import { describe, expect, it } from 'vitest';
import { OwnPosition } from '../../src/ai/own-position';
import { createGame, viewFor } from '../../src/engine';
import type { Text } from '../../src/scenario/schema';
import { encodeText, textCoder } from '../../src/scenario/utility';
import { harbour } from '../engine/fixtures';

describe('an AI with an appliesWhen check', () => {
  const sc = harbour();
  const check = sc.profiles.north!.ratification[0]!;
  if (check.kind !== 'support') throw new Error('expected the council vote');
  // Held only when the pier is shared; then 20 + 10 (quota 70 or 50) never reaches 50.
  check.appliesWhen = { issue: 'owner', in: ['shared'] };
  check.base = 20;
  const own = new OwnPosition(viewFor(sc, createGame(sc, 1), 'north'));
  const text = (owner: string): Text => ({
    quota: 'q70',
    season: 'long',
    owner,
    rebuild: 'rebuild-no',
    toll: 'toll-high',
  });

  it('counts the check only where the text calls for it, coded or not', () => {
    const coder = textCoder(sc.packages);
    const valid = own.codedValid(coder);
    expect(own.ratificationFails(text('north-owns'))).toEqual([]);
    expect(own.valid(text('north-owns'))).toBe(true);
    expect(valid(encodeText(coder, text('north-owns'))!)).toBe(true);
    expect(own.ratificationFails(text('shared'))).toEqual(['council-vote']);
    expect(own.valid(text('shared'))).toBe(false);
    expect(valid(encodeText(coder, text('shared'))!)).toBe(false);
  });

  it('names the option that calls for the check as the blocker when no effect costs support', () => {
    expect(own.blockers(text('shared'))).toEqual([
      { issue: 'owner', option: 'shared', rule: 'ratification', detail: 'Town council would not ratify it' },
    ]);
    expect(own.blockers(text('north-owns'))).toEqual([]);
  });
});
