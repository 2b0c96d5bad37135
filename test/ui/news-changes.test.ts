// What the news banner says an event changed for a seat, in words: here, an event that shifts an issue's weight.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { viewFor } from '../../src/engine';
import { newsChanges } from '../../src/ui/news-banner';
import { harbour } from '../engine/fixtures';

describe('the news banner’s changes', () => {
  it('says an issue matters more to the seat, with the weight it now has of 100, and says nothing to the other', () => {
    const s = harbour();
    const storm = s.events.find((e) => e.id === 'storm')!;
    storm.effects.push({ type: 'weight', party: 'north', issue: 'quota', delta: 20 });
    const state = playAiGame(s, 7).state;
    const north = viewFor(s, state, 'north');
    const news = north.news.find((n) => n.title === storm.title);
    expect(news, 'the storm fired').toBeDefined();
    const weight = north.me!.preferences.quota!.weight;
    expect(weight).toBeGreaterThan(s.profiles.north!.preferences.quota!.weight);
    expect(newsChanges(north, news!)).toContain(
      `Quota split matters more to you: it now weighs ${weight} of your 100 points`,
    );
    const south = viewFor(s, state, 'south');
    const theirs = south.news.find((n) => n.title === storm.title)!;
    expect(newsChanges(south, theirs).join(' ')).not.toMatch(/matters (more|less)/);
  });
});
