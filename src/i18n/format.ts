// The i18n layer's pure parts: message shapes, placeholder filling, plurals, numbers and dates per locale.
import { formatDate } from '../engine/transcript';

/** A message that depends on a count: `{n}` picks the form by the language's plural rules (Intl.PluralRules). */
export interface Plural {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Lang = 'en' | 'uk' | 'ru';
export const LANGS: ReadonlyArray<{ id: Lang; name: string }> = [
  { id: 'en', name: 'English' },
  { id: 'uk', name: 'Українська' },
  { id: 'ru', name: 'Русский' },
];

export function isLang(s: unknown): s is Lang {
  return s === 'en' || s === 'uk' || s === 'ru';
}

/** The Intl locale of a language. English keeps en-GB (1,234 and 2 Dec 2025), as the game always showed. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };

/**
 * A dictionary's shape with every string widened: a dictionary typed `Shape<typeof en>` fails the type-check when
 * it lacks any key English has (or has a key English lacks).
 */
export type Shape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K] extends Plural ? Plural : Shape<T[K]>;
};

/**
 * How the words around a name agree with it: "США предложили" (plural), "Россия предложила" (feminine). English
 * verbs do not change; Ukrainian and Russian past tenses, short adjectives and pronouns do.
 */
export type Agreement = 'masculine' | 'feminine' | 'neuter' | 'plural';
export const AGREEMENTS: readonly Agreement[] = ['masculine', 'feminine', 'neuter', 'plural'];

/** A name with its agreement: a placeholder `{party}` writes the name, `{party|m|f|n|pl}` the form agreeing with it. */
export interface Named {
  readonly text: string;
  readonly agreement: Agreement;
}

export type Vars = Record<string, string | number | Named>;

/** Adjective endings by agreement, Russian and Ukrainian ("Соединённые Штаты", "Сполучене Королівство"). */
const ADJECTIVE_ENDINGS: ReadonlyArray<[RegExp, Agreement]> = [
  [/(ые|ие|ні|ті|ві|чі|жі|ші|щі|лі|рі|зі|сі|ці|ьні)$/, 'plural'],
  [/(ая|яя)$/, 'feminine'],
  [/(ое|ее|не|те|ве|ке|ге|хе|зе|се|ле|ре)$/, 'neuter'],
  [/(ый|ий|ой|ій)$/, 'masculine'],
];

/**
 * The agreement a name most likely takes in `lang` when the scenario does not say: a leading adjective decides
 * ("Соединённые Штаты" plural, "Российская Федерация" feminine), else the first word's ending: -а/-я feminine
 * ("Россия", "Республика Аурель"), -о/-е neuter, -ы/-и/-і plural ("Штаты"), else masculine. English: neuter
 * (nothing in an English message agrees with a name). A scenario's `agreement` overrides this guess.
 */
export function guessAgreement(lang: Lang, name: string): Agreement {
  if (lang === 'en') return 'neuter';
  const words = name.toLowerCase().match(/[\p{L}’'-]+/gu) ?? [];
  const first = words[0] ?? '';
  if (words.length > 1) for (const [ending, a] of ADJECTIVE_ENDINGS) if (ending.test(first)) return a;
  if (/[ая]$/.test(first)) return 'feminine';
  if (/[оеёє]$/.test(first)) return 'neuter';
  if (/[ыиі]$/.test(first)) return 'plural';
  return 'masculine';
}

/** The agreement of a value given for a placeholder: a Named says it; plain text is guessed from its words. */
function agreementOf(lang: Lang, v: string | number | Named): Agreement {
  if (typeof v === 'object') return v.agreement;
  return guessAgreement(lang, String(v));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  const key = `${lang}${options ? JSON.stringify(options) : ''}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, f);
  }
  return f.format(n);
}

export function isPlural(m: unknown): m is Plural {
  return typeof m === 'object' && m !== null && 'one' in m && 'other' in m;
}

/** Fills `{name}` placeholders; numbers are written the language's way; a plural picks its form by `{n}`;
 * `{name|m|f|n|pl}` writes the form (masculine, feminine, neuter, plural) that agrees with the value of `{name}`. */
export function fill(lang: Lang, message: string | Plural, vars: Vars = {}): string {
  let template: string;
  if (typeof message === 'string') template = message;
  else {
    const n = Number(vars.n ?? 0);
    let rules = pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(LOCALES[lang]);
      pluralRules.set(lang, rules);
    }
    const form = rules.select(n) as keyof Plural;
    template = message[form] ?? message.other;
  }
  return template.replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (whole, name: string, agreeing?: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    // `{party|предложил|предложила|предложило|предложили}`: the form that agrees with the party's name.
    if (agreeing !== undefined) {
      const forms = agreeing.split('|');
      return forms[AGREEMENTS.indexOf(agreementOf(lang, v))] ?? forms[forms.length - 1] ?? '';
    }
    if (typeof v === 'object') return v.text;
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/** '2025-12-02' → '2 Dec 2025' in English, '2 груд. 2025 р.' in Ukrainian (Intl), anything else as is. */
export function formatDateIn(lang: Lang, iso: string, long = false, withYear = true): string {
  // English: the engine's own format (the log and the transcripts use it).
  if (lang === 'en') return formatDate(iso, long, withYear);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return iso;
  const format = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: long ? 'long' : 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  return format.format(Date.UTC(y, mo - 1, d));
}

/** 'a, b and c' in the language's own way (Intl.ListFormat). */
export function listIn(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}
