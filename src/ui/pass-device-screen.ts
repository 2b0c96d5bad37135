// Hot seat: a screen that hides everything while the device passes to the next delegation.
import { msg, t } from '../i18n';
import { el, screenHeading } from './dom';

export interface PassScreenOptions {
  partyName: string;
  color: string;
  onReady(): void;
  /** The game is over: the device goes to everyone at once, and nothing confidential follows. */
  everyone?: boolean;
}

export function renderPassScreen(root: HTMLElement, options: PassScreenOptions): () => void {
  if (options.everyone) return renderEndPass(root, options);
  const m = msg().pass;
  const party = options.partyName;
  const heading = screenHeading(t(m.heading, { party }));
  root.replaceChildren(
    el(
      'div',
      { className: 'screen pass-screen' },
      el('span', {
        className: 'pass-swatch',
        attrs: { 'aria-hidden': 'true', style: `background:${options.color}` },
      }),
      heading,
      el('p', {}, t(m.text, { party })),
      el(
        'button',
        {
          id: 'pass-ready',
          className: 'primary',
          attrs: { type: 'button' },
          on: { click: () => options.onReady() },
        },
        t(m.ready, { party }),
      ),
    ),
  );
  heading.focus();
  return () => root.replaceChildren();
}

/** The end of a hot-seat game: everyone gathers round to see the outcome together. */
function renderEndPass(root: HTMLElement, options: PassScreenOptions): () => void {
  const m = msg().pass;
  const heading = screenHeading(m.endHeading);
  root.replaceChildren(
    el(
      'div',
      { className: 'screen pass-screen' },
      heading,
      el('p', {}, m.endText),
      el(
        'button',
        {
          id: 'pass-ready',
          className: 'primary',
          attrs: { type: 'button' },
          on: { click: () => options.onReady() },
        },
        m.endReady,
      ),
    ),
  );
  heading.focus();
  return () => root.replaceChildren();
}
