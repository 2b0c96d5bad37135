// The move log: every event this seat may see, as one line each (engine `describe`), newest at the bottom.
import type { GameEvent } from '../engine/state';
import { describe } from '../engine/transcript';
import type { SeatView } from '../engine/view';
import { el } from './dom';

export interface MoveLog {
  element: HTMLElement;
  update(view: SeatView): void;
  /** Lines shown so far. */
  count(): number;
}

const KIND: Partial<Record<GameEvent['type'], string>> = {
  'meeting.opened': 'log-meeting',
  'meeting.closed': 'log-meeting-closed',
  'scripted.event': 'log-event',
  'game.ended': 'log-outcome',
  'ratification.held': 'log-ratification',
  'text.published': 'log-text',
  'party.walkedAway': 'log-walkout',
};

export function createMoveLog(headingId: string): MoveLog {
  const list = el('ol', { className: 'move-log' });
  // The live region wraps the list (a list keeps its list semantics); new lines are announced politely.
  const scroller = el(
    'div',
    {
      className: 'move-log-scroll',
      attrs: {
        role: 'log',
        'aria-live': 'polite',
        'aria-relevant': 'additions',
        'aria-labelledby': headingId,
        tabindex: 0,
      },
    },
    list,
  );
  let seen = 0;
  let lines = 0;

  return {
    element: scroller,
    count: () => lines,
    update(view) {
      const parties = new Map(view.scenario.parties.map((p) => [p.id, p]));
      const name = (id: string) => parties.get(id)?.shortName ?? id;
      const issues = new Map(view.scenario.packages.flatMap((p) => p.issues.map((i) => [i.id, i] as const)));
      const label = (issueId: string, optionId: string) => {
        const issue = issues.get(issueId);
        return `${issue?.name ?? issueId}: ${issue?.options.find((o) => o.id === optionId)?.label ?? optionId}`;
      };
      const fresh = view.log.slice(seen);
      seen = view.log.length;
      for (const event of fresh) {
        const text = describe(event, name, label);
        if (text === null) continue;
        const clean = text
          .replace(/^\n+/, '')
          .replace(/^#+\s*/, '')
          .replace(/\n#+\s*/g, '\n');
        const by = 'by' in event && typeof event.by === 'string' ? parties.get(event.by) : undefined;
        const item = el('li', { className: `log-line ${KIND[event.type] ?? ''}`.trim() });
        if (by) {
          item.append(
            el('span', {
              className: 'log-dot',
              attrs: { 'aria-hidden': 'true', style: `background:${by.color}` },
            }),
          );
        }
        item.append(el('span', { className: 'log-text' }, clean));
        const reason = event.reason?.public;
        if (reason) item.append(el('span', { className: 'log-reason' }, `“${reason}”`));
        // The seat's own private note (only ever present on its own events) helps it remember why.
        if (event.private && event.private.party === view.seat) {
          item.append(el('span', { className: 'log-private' }, `Your note: ${event.private.note}`));
        }
        list.append(item);
        lines += 1;
      }
      if (fresh.length) scroller.scrollTop = scroller.scrollHeight;
    },
  };
}

/** The options a new text or an amendment names, in words (the engine's line gives ids). */
