// A tiny DOM builder: elements with attributes and text children. Data only ever enters the page as text nodes.
import { num } from '../i18n';

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  /** Plain attributes (aria-*, role, for, type, …); `true` sets an empty attribute, false/undefined skips it. */
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    if (handler) node.addEventListener(type, handler as EventListener);
  }
  append(node, ...children);
  return node;
}

/** Appends children; strings and numbers become text nodes (never parsed as HTML). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** A heading that can take focus when its screen opens, so screen readers announce the new screen. */
export function screenHeading(text: string, level: 1 | 2 = 1): HTMLHeadingElement {
  return el(level === 1 ? 'h1' : 'h2', { attrs: { tabindex: -1 }, className: 'screen-heading' }, text);
}

/** Moves focus to an element without scrolling the page on small screens more than needed. */
export function focusQuietly(node: HTMLElement | null | undefined): void {
  node?.focus({ preventScroll: false });
}

let uid = 0;
/** A page-unique id for label/control pairs. */
export function uniqueId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Points the interface language's way: "1,234" in English (as always), "1 234" in Ukrainian and Russian. */
export function formatPoints(n: number): string {
  return num(n);
}

/**
 * Whether a pointer pressed inside `area` is still down. A redraw between the press and the release would take the
 * pressed control away and lose its click, so callers hold their redraws while `pressed()`; `afterClick` runs once
 * the pointer is released, after the click that follows the release.
 */
export function pointerGuard(area: HTMLElement, afterClick: () => void): { pressed(): boolean } {
  let down = false;
  area.addEventListener('pointerdown', () => {
    down = true;
  });
  const lifted = () => {
    if (!down) return;
    down = false;
    // After the click that follows this pointerup in the same task.
    setTimeout(afterClick, 0);
  };
  window.addEventListener('pointerup', lifted);
  window.addEventListener('pointercancel', lifted);
  return { pressed: () => down };
}
