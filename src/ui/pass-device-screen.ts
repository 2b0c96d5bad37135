// Hot seat: a screen that hides everything while the device passes to the next delegation.
import { el, screenHeading } from './dom';

export interface PassScreenOptions {
  partyName: string;
  color: string;
  onReady(): void;
}

export function renderPassScreen(root: HTMLElement, options: PassScreenOptions): () => void {
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
