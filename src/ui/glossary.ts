// The game's terms in words a 17-year-old follows, shown where they are used: a small "What is …?" that opens
// in place (a <details>, so it works with a keyboard and a screen reader without any script).
import { msg } from '../i18n';
import { el } from './dom';

export type Term =
  | 'mandate'
  | 'reservation value'
  | 'red line'
  | 'conditional acceptance'
  | 'ratification'
  | 'zone of agreement'
  | 'Pareto'
  | 'Nash';

export const GLOSSARY: Record<Term, string> = {
  mandate:
    'How far your government lets your team go. For each package it sets the least you may accept (as a share of the best you could get there). To accept less, you must first ask your capital, which costs you the rest of a meeting and may or may not say yes.',
  'reservation value':
    'What you get if there is no deal at all, on the same 0 to 10,000 scale as every text. A deal worth less than this is worse for you than walking away, so never sign one.',
  'red line':
    'Something your side can never sign, whatever else the text gives you. If the text crosses one of your red lines, you cannot sign it until it changes.',
  'conditional acceptance':
    'Saying yes to one package only while another stays as it is: "we accept this, but only if that one does not change". If the other package changes, your yes is withdrawn automatically.',
  ratification:
    'After everyone signs, each side still needs approval at home: a parliament vote, a referendum, or the consent of someone outside the room. If that fails, the deal fails, even though it was signed.',
  'zone of agreement':
    'The set of possible deals that every side prefers to having no deal. If it is empty, no deal can work for everyone; if it is large, there is a lot to bargain over.',
  Pareto:
    'A deal is Pareto efficient when no side could be made better off without making another side worse off. If a deal is not, there was a better one for someone that cost nobody anything: value was left on the table.',
  Nash: 'The Nash bargaining solution is one fair-minded benchmark: the deal where the gains of all sides over "no deal", multiplied together, are as large as possible. It balances gains so that no side gets everything.',
};

/** "What is a mandate?" that opens in place. */
export function termHelp(term: Term, label?: string): HTMLElement {
  const g = msg().glossary;
  return el(
    'details',
    { className: 'term-help' },
    el('summary', {}, label ?? g.questions[term]),
    el('p', {}, g.meanings[term]),
  );
}

/** Every term, as a definition list (the brief's glossary). */
export function glossaryList(extra: Record<string, string> = {}): HTMLElement {
  const g = msg().glossary;
  const entries: Array<[string, string]> = [
    ...(Object.keys(GLOSSARY) as Term[]).map((t): [string, string] => [g.terms[t], g.meanings[t]]),
    // The scenario's own terms, unless they say again what is above ("Pareto efficient", "Mandate").
    ...Object.entries(extra).filter(
      ([t]) => !Object.keys(GLOSSARY).some((k) => t.toLowerCase().startsWith(k.toLowerCase())),
    ),
  ];
  return el(
    'dl',
    { className: 'glossary-list' },
    ...entries.flatMap(([t, m]) => [el('dt', {}, t), el('dd', {}, m)]),
  );
}
