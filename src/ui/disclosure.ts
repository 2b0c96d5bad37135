// Disclosures whose contents are built when first opened (a table may hold dozens), and re-renders that keep open
// the ones a player is reading.
import { append, type Child, el } from './dom';

const builders = new WeakMap<HTMLDetailsElement, () => Child[]>();

function fill(details: HTMLDetailsElement): void {
  const build = builders.get(details);
  if (!build) return;
  builders.delete(details);
  append(details, ...build());
}

export interface LazyDetailsOptions {
  /** Stable across re-renders and unique on the page: names the disclosure for replaceKeepingOpen and its summary's id. */
  key: string;
  className: string;
  summary: Child[];
  build(): Child[];
}

/** A <details> (keyboard-operable as it is) whose body is built the first time it opens. */
export function lazyDetails(options: LazyDetailsOptions): HTMLDetailsElement {
  const details = el(
    'details',
    { className: options.className, attrs: { 'data-key': options.key } },
    el('summary', { id: `${options.key}-summary` }, ...options.summary),
  );
  builders.set(details, options.build);
  // Built on the click (mouse or keyboard) that opens it, so the body is there as it opens; the toggle event,
  // a task later, covers a disclosure opened any other way.
  details.firstElementChild?.addEventListener('click', () => fill(details));
  details.addEventListener('toggle', () => {
    if (details.open) fill(details);
  });
  return details;
}

/** Opens a disclosure and builds its body now (not on the next task, as the toggle event would). */
export function openNow(details: HTMLDetailsElement): void {
  details.open = true;
  fill(details);
}

/** Replaces a slot's content, keeping open the disclosures that were open (matched by data-key, else by their
 * data-party, else by their place among the unnamed ones), so a re-render after another side's move does not close
 * what is being read. A disclosure opened inside another one is kept open too. */
export function replaceKeepingOpen(slot: HTMLElement, next: HTMLElement): void {
  const keys = (root: HTMLElement) => {
    let unnamed = 0;
    return [...root.querySelectorAll('details')].map((d) => {
      const key = d.dataset.key ?? d.dataset.party;
      if (key !== undefined) return [d, key] as const;
      unnamed += 1;
      return [d, `#${unnamed}`] as const;
    });
  };
  const open = new Set(keys(slot).flatMap(([d, key]) => (d.open ? [key] : [])));
  const done = new Set<HTMLDetailsElement>();
  for (let again = true; again; ) {
    again = false;
    for (const [d, key] of keys(next)) {
      if (done.has(d)) continue;
      done.add(d);
      if (open.has(key)) {
        openNow(d);
        again = true;
      }
    }
  }
  slot.replaceChildren(next);
}
