// A move's public reason in structured form: which sentence it says and with what (ids and numbers, never words),
// so an interface can say it in any language. The engine only checks its shape and logs it with the words; it
// never reads it, so a transcript is the same with or without it.
import { z } from 'zod';

const value = z.union([
  z.string().max(64),
  z.number().int(),
  z.boolean(),
  z.array(z.union([z.string().max(64), z.number().int()])).max(20),
]);
export type SaidValue = z.infer<typeof value>;

/** One sentence: `k` names it, the other fields are its ids and numbers. */
export const SaidPartSchema = z.object({ k: z.string().min(1).max(40) }).catchall(value);
export const SaidSchema = z.array(SaidPartSchema).max(8);
export type SaidPart = z.infer<typeof SaidPartSchema>;

/** Why an author cannot take a proposed option. `costs` names the side it would cost (in `party`). */
export type RefusalWhy = 'red-line' | 'mandate' | 'home' | 'costs' | 'too-much' | 'no-fit' | 'no-help';

/**
 * The sentences the AI delegations say, with their fields. An interface renders each one per language; a
 * sentence it does not know falls back to the reason's own words.
 * Field names say what an id is: `who`/`party` a party, `pkg`/`anchor` a package, `issue` with `option` an
 * option of that issue; lists run in parallel (`issues[i]` with `options[i]`).
 */
export type ReasonPhrase =
  // Answers of the text's author.
  | { k: 'amend-met'; v: number; who: string; n: number }
  | {
      k: 'amend-counter';
      who: string;
      n: number;
      giveIssues: string[];
      giveOptions: string[];
      askIssue?: string;
      askOption?: string;
      refIssues: string[];
      refOptions: string[];
      refWhy: RefusalWhy[];
      refParty: string[];
    }
  | {
      k: 'amend-decline';
      who: string;
      n: number;
      issue: string;
      option?: string;
      why: RefusalWhy;
      party?: string;
    }
  | { k: 'cond-kept'; linked: string[]; v: number; who: string; pkg: string }
  | { k: 'cond-changed'; moved: string[]; who: string; pkg: string; v: number }
  | { k: 'red-line-met'; v: number; issue: string; option: string; who: string }
  | { k: 'red-line-doubted'; issue: string; option: string; who: string; broken: boolean }
  | { k: 'red-line-heard'; issue: string; option: string; who: string; askIssue?: string; askOption?: string }
  | { k: 'cannot-take-up' }
  // A delegation's own moves.
  | { k: 'priority'; issue: string; option?: string }
  | { k: 'never-sign'; issue: string; option: string }
  | { k: 'concern'; issue: string; option: string; pkg?: string }
  | { k: 'retract'; issue: string; option: string; v: number; how: 'widened' | 'in-text' | 'not-in-text' }
  | { k: 'consult'; v: number; pkg: string }
  | { k: 'accept'; pkg: string; v: number }
  | { k: 'sign'; v: number; last: boolean }
  | {
      k: 'ask';
      issue: string;
      option: string;
      giveIssue?: string;
      giveOption?: string;
      party?: string;
      /** The option offered costs the asker nothing (it gains too): said as "with it", not "in return". */
      alsoOurs?: boolean;
    }
  | { k: 'reject'; pkg: string; issue: string; option: string }
  | { k: 'accept-if'; pkg: string; v: number; anchor: string }
  // Ending a turn.
  | { k: 'signed-wait'; v: number; waiting: string[] }
  | { k: 'signed' }
  | { k: 'cannot-sign'; v: number; issue?: string; option?: string }
  | { k: 'not-enough'; v: number; issue?: string; option?: string }
  | { k: 'wait-concerns' }
  | { k: 'wait-others' }
  | { k: 'spoiler'; party: string }
  // The author's new text.
  | {
      k: 'publish';
      v: number;
      issues: string[];
      options: string[];
      /** Whom each change is for: a party id, 'us', or '' for nobody in particular. */
      for: string[];
    }
  | { k: 'probe'; party: string; said: boolean }
  | { k: 'folds'; amendments: number[]; by: string[] }
  | { k: 'answers'; parties: string[] }
  | { k: 'trade'; both: boolean };

/**
 * The private notes the AI delegations keep (shown in the debrief once the game is over), with their figures.
 * Utilities are on the 0–10,000 scale; `pct` fields are whole percent; `x100` fields are hundredths.
 */
export type NotePhrase =
  | { k: 'n-met' }
  | { k: 'n-counter' }
  | { k: 'n-declined' }
  | { k: 'n-kept' }
  | { k: 'n-linked-changed' }
  | { k: 'n-doubted' }
  | { k: 'n-believed' }
  | { k: 'n-weight'; weight: number; issue: string }
  | { k: 'n-blocker'; rule: 'red-line' | 'ratification' | 'mandate'; issue: string; option: string }
  | { k: 'n-concern-gone'; issue: string; option: string; v: number }
  | { k: 'n-consult'; utility: number; target: number; pkg: string }
  | { k: 'n-accept'; utility: number; target: number; pkg: string; share: number }
  | { k: 'n-sign'; utility: number; target: number; reservation: number }
  | {
      k: 'n-amend';
      utility: number;
      target: number;
      issue: string;
      loss: number;
      giveIssue?: string;
      giveCost?: number;
    }
  | { k: 'n-reject'; loss: number; ideal: number; utility: number; target: number }
  | { k: 'n-accept-if'; pkg: string; share: number; anchor: string; anchorShare: number }
  | {
      k: 'n-turn';
      utility: number;
      raw: number;
      target: number;
      reservation: number;
      temperament: 'hardliner' | 'pragmatist' | 'conceder';
      difficulty: 'easy' | 'medium' | 'hard';
    }
  | {
      k: 'n-plan';
      ownBefore: number;
      ownAfter: number;
      /** Parties, with the share of its best each is believed to get before and after (pct), and needs (pct). */
      parties: string[];
      before: number[];
      after: number[];
      needs: number[];
      target: number;
      x100Before: number;
      x100After: number;
    };

/** The engine's shape of a phrase (what the schema accepts) from its typed form. */
export function saidParts(parts: readonly (ReasonPhrase | NotePhrase)[]): SaidPart[] {
  // Optional fields left undefined are dropped: the schema takes only values.
  return parts.map((p) => {
    const out: Record<string, SaidValue> = {};
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) continue;
      // Whole numbers only (the schema's): a figure is rounded, a list of figures too.
      out[k] =
        typeof v === 'number'
          ? Math.round(v)
          : Array.isArray(v)
            ? v.map((x: string | number) => (typeof x === 'number' ? Math.round(x) : x))
            : (v as SaidValue);
    }
    return out as SaidPart;
  });
}
