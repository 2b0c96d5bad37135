// Hot seat: a screen that hides everything while the device passes to the next delegation.
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
  const heading = screenHeading(`Pass the device to ${options.partyName}`);
  root.replaceChildren(
    el(
      'div',
      { className: 'screen pass-screen' },
      el('span', {
        className: 'pass-swatch',
        attrs: { 'aria-hidden': 'true', style: `background:${options.color}` },
      }),
      heading,
      el(
        'p',
        {},
        `Hand the device to ${options.partyName}'s delegation. Everyone else, please look away: the next screen shows ${options.partyName}'s confidential information.`,
      ),
      el(
        'button',
        {
          id: 'pass-ready',
          className: 'primary',
          attrs: { type: 'button' },
          on: { click: () => options.onReady() },
        },
        `I am ${options.partyName}: show my screen`,
      ),
    ),
  );
  heading.focus();
  return () => root.replaceChildren();
}

/** The end of a hot-seat game: everyone gathers round to see the outcome together. */
function renderEndPass(root: HTMLElement, options: PassScreenOptions): () => void {
  const heading = screenHeading('The game is over: gather round');
  root.replaceChildren(
    el(
      'div',
      { className: 'screen pass-screen' },
      heading,
      el(
        'p',
        {},
        'Put the device where every delegation can see it. The next screen shows the outcome for all sides, and after it what each side really wanted.',
      ),
      el(
        'button',
        {
          id: 'pass-ready',
          className: 'primary',
          attrs: { type: 'button' },
          on: { click: () => options.onReady() },
        },
        'Show the outcome to everyone',
      ),
    ),
  );
  heading.focus();
  return () => root.replaceChildren();
}
