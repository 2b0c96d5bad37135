// The interface's language: English is bundled with the first screen; Ukrainian and Russian load when chosen.
// Every interface string is read through `msg()`; `t()` fills placeholders and picks plural forms.
import type { Outcome } from '../engine/state';
import type { LogPhrases } from '../engine/transcript';
import { en, type Messages } from './en';
import {
  type Agreement,
  fill,
  formatDateIn,
  formatNumber,
  guessAgreement,
  isLang,
  type Lang,
  listIn,
  type Named,
  type Plural,
  type Vars,
} from './format';
import { enLog } from './log-en';

export { isLang, LANGS, LOCALES } from './format';
export type { Agreement, Lang, Messages, Named, Plural };

export interface Language {
  messages: Messages;
  log: LogPhrases;
}

let lang: Lang = 'en';
let current: Language = { messages: en, log: enLog };
const listeners = new Set<(lang: Lang) => void>();

const STORAGE_KEY = 'shuttle-diplomacy.lang';

/** The loaded dictionaries of a language (Ukrainian and Russian are separate chunks). */
export async function loadLanguage(l: Lang): Promise<Language> {
  if (l === 'uk') return (await import('./uk')).uk;
  if (l === 'ru') return (await import('./ru')).ru;
  return { messages: en, log: enLog };
}

const preloads = new Set<(lang: Lang) => Promise<unknown>>();

/** Work a switch to a language waits for besides its dictionary (the scenarios' texts in that language), so that
 * every listener finds all the new words in place. */
export function beforeLanguageChange(f: (lang: Lang) => Promise<unknown>): () => void {
  preloads.add(f);
  return () => preloads.delete(f);
}

/** Switches the interface's language (loading its dictionary first); remembers the choice in this browser. */
export async function setLanguage(l: Lang, remember = true): Promise<void> {
  const [next] = await Promise.all([loadLanguage(l), ...[...preloads].map((f) => f(l))]);
  lang = l;
  current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = l;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private mode or storage off: the choice lasts for this page only.
    }
  }
  for (const f of listeners) f(l);
}

/** The language to start in: `?lang=` in the address, else the one chosen before, else the browser's, else English. */
export function initialLanguage(search: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // no storage
  }
  const browser = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2).toLowerCase();
  return isLang(browser) ? browser : 'en';
}

export function language(): Lang {
  return lang;
}

export function onLanguageChange(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The current language's interface strings. */
export function msg(): Messages {
  return current.messages;
}

/** The current language's move-log phrases (the engine's LogReader speaks them). */
export function logPhrases(): LogPhrases {
  return current.log;
}

/** A message with its placeholders filled (numbers written the language's way). */
export function t(message: string | Plural, vars?: Vars): string {
  return fill(lang, message, vars);
}

/** A whole number the language's way: 10,000 / 10 000. */
export function num(n: number): string {
  return formatNumber(lang, n);
}

/** A number with `digits` decimals the language's way: 0.42 / 0,42. */
export function decimal(n: number, digits: number): string {
  return formatNumber(lang, n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A day of the calendar the language's way. */
export function date(iso: string, long = false, withYear = true): string {
  return formatDateIn(lang, iso, long, withYear);
}

/** A party's name with how words agree with it in the interface's language: the scenario's `agreement` (its
 * translation's, for a localised scenario), else guessed from the full name. `text` defaults to the name. */
export function named(party: { name: string; agreement?: Agreement | undefined }, text = party.name): Named {
  return { text, agreement: party.agreement ?? guessAgreement(lang, party.name) };
}

/** Several names as one subject ('США и Россия'): plural, or the one name's own agreement. */
export function namedList(items: readonly Named[]): Named {
  if (items.length === 1 && items[0]) return items[0];
  return {
    text: listIn(
      lang,
      items.map((i) => i.text),
    ),
    agreement: 'plural',
  };
}

/** 'a, b and c' the language's way. */
export function list(items: readonly string[]): string {
  return listIn(lang, items);
}

/** How a game ended, in a sentence of the interface's language (the engine's summary is English). */
export function outcomeSummary(
  o: Pick<Outcome, 'kind' | 'version' | 'walkedAwayBy' | 'ratification'>,
  name: (id: string) => string,
): string {
  const c = msg().canvas;
  if (o.kind === 'deal') return t(c.summaryDeal, { version: o.version ?? 0 });
  if (o.kind === 'walkout') return t(c.summaryWalkout, { party: name(o.walkedAwayBy ?? '') });
  return o.ratification ? c.summaryRatification : c.summaryNoDeal;
}

/** Whom a delegation answers to, as the scenario names it (`parties[].principal`; a capital when it says nothing). */
export type PrincipalKind = 'capital' | 'government' | 'council';
export type PrincipalWords = Messages['principals']['council'];

/** The interface's words about a delegation's principal: "consult your capital", "… your council", … */
export function principalWords(kind: PrincipalKind | undefined): PrincipalWords {
  const m = current.messages;
  if (kind === 'government' || kind === 'council') return m.principals[kind];
  return {
    instructions: m.brief.instructions,
    mandateHint: m.brief.mandateHint,
    consulting: m.table.consulting,
    consultOn: m.table.consultOn,
    consult: m.table.consult,
    consultLast: m.table.consultLast,
    consultNote: m.table.consultNote,
    consultQuestion: m.table.consultQuestion,
    consultYes: m.table.consultYes,
    belowMandate: m.cards.belowMandate,
    canvasConsulting: m.canvas.consulting,
    mandateMeaning: m.glossary.meanings.mandate,
  };
}
