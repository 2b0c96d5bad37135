// The game's terms in words a 17-year-old follows, shown where they are used: a small "What is …?" that opens
// in place (a <details>, so it works with a keyboard and a screen reader without any script).
import { msg } from '../i18n';
import { el } from './dom';

/** The game's own terms, in the order the glossary lists them; their words are in the dictionaries (src/i18n). */
const TERMS = [
  'mandate',
  'reservation value',
  'red line',
  'conditional acceptance',
  'ratification',
  'zone of agreement',
  'Pareto',
  'Nash',
] as const;

export type Term = (typeof TERMS)[number];

/** "What is a mandate?" that opens in place; `meaning` words it for this scenario (whom a mandate comes from). */
export function termHelp(term: Term, label?: string, meaning?: string): HTMLElement {
  const g = msg().glossary;
  return el(
    'details',
    { className: 'term-help' },
    el('summary', {}, label ?? g.questions[term]),
    el('p', {}, meaning ?? g.meanings[term]),
  );
}

/** Every term, as a definition list (the brief's glossary). */
export function glossaryList(extra: Record<string, string> = {}): HTMLElement {
  const g = msg().glossary;
  const entries: Array<[string, string]> = [
    ...TERMS.map((t): [string, string] => [g.terms[t], g.meanings[t]]),
    // The scenario's own terms, unless they say again what is above ("Pareto efficient", "Mandate"), in English
    // or in the interface's language.
    ...Object.entries(extra).filter(
      ([t]) => !TERMS.some((k) => [k, g.terms[k]].some((w) => t.toLowerCase().startsWith(w.toLowerCase()))),
    ),
  ];
  return el(
    'dl',
    { className: 'glossary-list' },
    ...entries.flatMap(([t, m]) => [el('dt', {}, t), el('dd', {}, m)]),
  );
}
