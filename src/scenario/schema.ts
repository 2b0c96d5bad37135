// Zod schemas for scenario files: the single source of truth for their shape (types are inferred from here).
import { z } from 'zod';

const id = z
  .string()
  .max(40, 'ids are at most 40 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    'ids are letters, digits, dashes and underscores, starting with a letter or digit, e.g. "army-cap"',
  )
  .meta({
    description: 'A stable identifier used for references inside the scenario.',
    examples: ['army-cap', 'north_2'],
  });

/** No control characters (terminal escapes, bidirectional overrides) other than tabs and line breaks. */
const PRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/**
 * Text a player reads, at most `max` characters, so no screen or quoted AI reason overflows: names 60, option
 * labels 80, titles 200, paragraphs 4,000.
 */
const words = (max: number) =>
  z
    .string()
    .max(max, `at most ${max.toLocaleString('en-US')} characters`)
    .regex(PRINTABLE, 'control characters (terminal escapes and the like) are not allowed in text');
const NAME = 60;
const LABEL = 80;
const SHORT = 120;
const TITLE = 200;
const STATUS = 400;
const PARAGRAPH = 4_000;
const LONG = 10_000;

const sourceIds = z
  .array(id)
  .meta({ description: 'Ids into meta.sources.', examples: [['un-report', 'wire-0612']] });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine(isCalendarDay, 'no such day in the calendar')
  .meta({ description: 'A day, written YYYY-MM-DD.', examples: ['2025-12-06'] });

/** Whether YYYY-MM-DD names a real day (not 2025-02-30). */
function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return true; // the pattern reports it
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Every number a designer sets carries its reason and its sources. */
const justified = {
  rationale: words(PARAGRAPH).min(1).meta({ description: 'Why this number: in plain words.' }),
  sources: sourceIds,
};

export const SourceSchema = z.strictObject({
  id,
  publisher: words(SHORT)
    .min(1)
    .meta({ description: 'Who published it: an agency, a ministry, a newspaper.', examples: ['Reuters'] }),
  title: words(TITLE).min(1).meta({ description: 'The title the page shows.' }),
  date: isoDate.meta({
    description:
      'The date the page shows. A source dated after meta.asOf may back events and the epilogue only (validate warns).',
  }),
  url: z
    .url()
    .max(2_000)
    .optional()
    .meta({ description: 'Only when the address is known.', examples: ['https://example.org/report'] }),
  kind: z.enum(['official', 'international', 'wire', 'press', 'state-media', 'research']).optional().meta({
    description:
      "What kind of source it is, shown to students: a side's own text or statement (official), an international organisation, a news agency (wire), a newspaper or broadcaster (press), state-controlled media, or research (think tanks, pollsters, lawyers).",
  }),
  note: words(PARAGRAPH).min(1).optional().meta({
    description: 'A caveat students should read with the source (who republished it, what it leaves out).',
  }),
});

export const TeacherNoteSchema = z.strictObject({
  topic: words(SHORT).min(1).meta({ description: 'What the note is about, e.g. "Attacks on civilians".' }),
  text: words(PARAGRAPH)
    .min(1)
    .meta({ description: 'What a teacher should know or say; shown only to teachers.' }),
  sources: sourceIds,
});

export const MetaSchema = z.strictObject({
  id: id.meta({ description: 'The scenario id; the game saves and replays refer to it.' }),
  title: words(TITLE)
    .min(1)
    .meta({ description: 'Shown in the scenario list.', examples: ['The harbour talks'] }),
  asOf: isoDate.meta({ description: 'The day the game starts; nothing later than this is taught as known.' }),
  summary: words(PARAGRAPH).min(1).meta({ description: 'What the negotiation is about, for every player.' }),
  contentNote: words(PARAGRAPH).min(1).meta({ description: 'Shown before play.' }),
  sources: z
    .array(SourceSchema)
    .min(1)
    .meta({ description: 'Every source the scenario cites, each with an id other fields refer to.' }),
  teacherNotes: z
    .array(TeacherNoteSchema)
    .optional()
    .meta({ description: 'Sensitive points a teacher should be ready for, with sources.' }),
});

export const MemberSchema = z.strictObject({
  role: words(SHORT).min(1).meta({ description: 'A role title, not a name.' }),
  note: words(PARAGRAPH).optional().meta({ description: 'What this member does at the table.' }),
});

/** How words agree with a party's name in languages whose verbs and adjectives change with it. */
const agreement = z
  .enum(['masculine', 'feminine', 'neuter', 'plural'], {
    error: 'agreement is one of masculine, feminine, neuter or plural (how verbs agree with the name)',
  })
  .meta({
    description:
      'How verbs and adjectives agree with the name, in languages where they change: `plural` for "США" ("США предложили"), `feminine` for "Россия". Left out, it is guessed from the full name (a leading adjective, else the first word\'s ending: \'Республика Аурель\' feminine); set it where the guess is wrong.',
    examples: ['plural'],
  });

export const PartySchema = z.strictObject({
  id,
  name: words(NAME)
    .min(1)
    .meta({ description: 'Full name, as the game writes it.', examples: ['Republic of Aurel'] }),
  shortName: words(12)
    .min(1)
    .meta({ description: 'At most 12 characters, for charts and tight spaces.', examples: ['Aurel'] }),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'colours are written #rrggbb')
    .meta({ description: "The party's colour on charts and badges, #rrggbb.", examples: ['#1f6fb2'] }),
  delegation: z
    .array(MemberSchema)
    .min(1)
    .meta({ description: 'Who sits at the table for this party, unless a meeting says otherwise.' }),
  publicProfile: words(PARAGRAPH).min(1).meta({ description: 'What every side knows about this party.' }),
  principal: z
    .enum(['capital', 'government', 'council'])
    .optional()
    .meta({
      description:
        'Whom the delegation answers to, in the words the interface uses: `capital` ("consult your capital", the default when left out), `government`, or `council` (a city council, a board).',
      examples: ['council'],
    }),
  agreement: agreement.optional(),
});

/** Whom a party's delegation answers to, as the scenario names it (a capital when it says nothing). */
export function principalOf(
  scenario: { parties: ReadonlyArray<Pick<Party, 'id' | 'principal'>> },
  party: string,
): NonNullable<Party['principal']> {
  return scenario.parties.find((p) => p.id === party)?.principal ?? 'capital';
}

export const OptionSchema = z.strictObject({
  id,
  label: words(LABEL)
    .min(1)
    .meta({
      description: 'A few words naming the option, as the table shows it.',
      examples: ['Quota of 50%'],
    }),
  description: words(PARAGRAPH).min(1).meta({ description: 'What the option means, in plain words.' }),
  status: words(STATUS)
    .min(1)
    .meta({ description: 'Which draft, who proposed it, when; where reports disagree, say so.' }),
  sources: sourceIds,
});

export const IssueSchema = z.strictObject({
  id,
  name: words(NAME)
    .min(1)
    .meta({ description: 'The issue as the table names it.', examples: ['Fishing quota'] }),
  description: words(PARAGRAPH).min(1).meta({ description: 'What is being decided, in plain words.' }),
  options: z
    .array(OptionSchema)
    .min(2)
    .max(6)
    .meta({ description: 'Two to six options; a text picks exactly one per issue.' }),
});

export const PackageSchema = z.strictObject({
  id,
  name: words(NAME)
    .min(1)
    .meta({ description: 'The package as the table names it.', examples: ['Fisheries'] }),
  description: words(PARAGRAPH).min(1).meta({ description: 'What the package covers, in plain words.' }),
  issues: z
    .array(IssueSchema)
    .min(1)
    .meta({ description: 'The issues negotiated together in this package.' }),
});

/** A condition on a text or outcome: which option each issue holds. */
export type Condition =
  | { issue: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      issue: id.meta({ description: 'The issue id this condition looks at.' }),
      in: z.array(id).min(1).meta({
        description: 'Option ids of that issue: the condition holds when the text picks one of them.',
      }),
    }),
    z.strictObject({
      all: z
        .array(ConditionSchema)
        .min(1)
        .meta({ description: 'Holds when every one of these conditions holds.' }),
    }),
    z.strictObject({
      any: z
        .array(ConditionSchema)
        .min(1)
        .meta({ description: 'Holds when at least one of these conditions holds.' }),
    }),
    z.strictObject({
      not: z.lazy(() => ConditionSchema).meta({ description: 'Holds when this condition does not.' }),
    }),
  ]),
);

export const MeetingSchema = z.strictObject({
  id,
  venue: words(SHORT)
    .min(1)
    .meta({ description: 'Where the meeting is held.', examples: ['Port Meridian'] }),
  date: isoDate.meta({ description: 'The day of the meeting, on or after meta.asOf.' }),
  participants: z
    .array(id)
    .min(2)
    .meta({ description: 'Party ids at the table; include the mediator, or the text cannot change there.' }),
  agenda: z.array(id).min(1).meta({ description: 'Package ids discussed at this meeting.' }),
  turns: z
    .number()
    .int()
    .min(1)
    .max(6)
    .default(2)
    .meta({ description: 'How many times each participant speaks before the meeting closes.' }),
  note: words(PARAGRAPH).optional().meta({ description: 'Shown with the meeting: its context.' }),
  attendance: z
    .record(id, z.array(words(SHORT).min(1)).min(1))
    .optional()
    .meta({
      description:
        "Party id → who was actually at the table for it at this meeting (role titles, not names); when omitted, the party's delegation.",
    }),
  attendanceSources: sourceIds.optional().meta({ description: 'Where the attendance comes from.' }),
});

const percent = z
  .number()
  .int()
  .min(0)
  .max(100)
  .meta({ description: 'A whole number from 0 to 100.', examples: [60] });

export const PreferenceSchema = z.strictObject({
  weight: z
    .number()
    .int()
    .min(0)
    .max(100)
    .meta({ description: 'Share of the 100 points this party puts on the issue.' }),
  values: z.record(id, percent).meta({ description: 'Option id → value 0–100 to this party.' }),
  ...justified,
});

export const RedLineSchema = z.strictObject({
  id,
  description: words(PARAGRAPH).min(1).meta({ description: 'In plain words, shown in the brief.' }),
  when: ConditionSchema.meta({ description: 'The party can never sign a text for which this holds.' }),
  ...justified,
});

export const MandateSchema = z.strictObject({
  minimum: percent.meta({
    description: 'Least share (0–100) of its best utility in this package the delegation may accept unaided.',
  }),
  ...justified,
});

export const SupportEffectSchema = z.strictObject({
  when: ConditionSchema.meta({ description: 'The terms that move support.' }),
  delta: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .meta({
      description: 'Support points (%) added (or, negative, lost) when the terms hold.',
      examples: [-15],
    }),
  note: words(PARAGRAPH).optional().meta({ description: 'Why these terms move support.' }),
});

export const RatificationCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('support').meta({
      description: 'A vote or poll: support starts at base, moves with the terms, and must reach threshold.',
    }),
    id,
    body: words(SHORT)
      .min(1)
      .meta({ description: 'Who ratifies: a parliament, a referendum, a legislature.' }),
    description: words(PARAGRAPH)
      .min(1)
      .meta({ description: 'The rule in plain words, shown in the brief.' }),
    base: percent.meta({ description: 'Support (%) before the terms are known.' }),
    threshold: percent.meta({ description: 'Support (%) the terms need to pass.' }),
    effects: z
      .array(SupportEffectSchema)
      .meta({ description: 'How the terms of a text move support; their deltas add up.' }),
    appliesWhen: ConditionSchema.optional().meta({
      description:
        'The check is held only for a text that meets this condition (e.g. a referendum only when the text changes territory); for any other text it passes, as not needed. When omitted, it is always held.',
    }),
    public: z.boolean().optional().meta({
      description:
        'Whether the rule is public knowledge (a constitution, a law, published polls): every side then sees it and the AI may read it. Private (false) when omitted.',
    }),
    ...justified,
  }),
  z.strictObject({
    kind: z.literal('consent').meta({
      description: 'An outside actor that blocks the deal when the text meets failsWhen.',
    }),
    id,
    body: words(SHORT)
      .min(1)
      .meta({ description: 'An outside actor whose consent some options need (e.g. the EU).' }),
    description: words(PARAGRAPH)
      .min(1)
      .meta({ description: 'The rule in plain words, shown in the brief.' }),
    failsWhen: ConditionSchema.meta({
      description: 'The texts this actor refuses: ratification fails for them.',
    }),
    public: z.boolean().optional().meta({
      description:
        'Whether the rule is public knowledge (a constitution, a law, published polls): every side then sees it and the AI may read it. Private (false) when omitted.',
    }),
    ...justified,
  }),
]);

export const PersonalitySchema = z.strictObject({
  toughness: percent.meta({ description: 'How slowly the AI concedes (0 soft, 100 hard).' }),
  trustInOthers: percent.meta({ description: 'How much stated priorities of others are believed at first.' }),
  rationale: words(PARAGRAPH).min(1).meta({ description: 'Why this temperament: in plain words.' }),
});

export const BriefSchema = z.strictObject({
  summary: words(PARAGRAPH).min(1).meta({ description: "The party's situation, as its own brief opens." }),
  interests: z
    .array(words(PARAGRAPH).min(1))
    .min(1)
    .meta({ description: 'What the party seeks, one point each, in plain words.' }),
  instructions: words(PARAGRAPH)
    .min(1)
    .meta({ description: 'The mandate from the capital, in plain words.' }),
});

export const ProfileSchema = z.strictObject({
  brief: BriefSchema.meta({ description: 'The confidential brief the player of this party reads.' }),
  preferences: z.record(id, PreferenceSchema).meta({ description: 'Issue id → weight and option values.' }),
  reservation: z
    .strictObject({
      value: z
        .number()
        .int()
        .min(0)
        .max(10000)
        .meta({ description: 'Utility (0–10,000) of no deal: the BATNA.', examples: [4200] }),
      ...justified,
    })
    .meta({ description: 'What no deal is worth to this party: a deal must beat it.' }),
  redLines: z
    .array(RedLineSchema)
    .meta({ description: 'Texts this party can never sign, whatever else they give it.' }),
  mandate: z.record(id, MandateSchema).meta({ description: 'Package id → least acceptable share.' }),
  consultation: z
    .strictObject({
      chance: percent.meta({ description: 'Chance (%) the capital widens a mandate when consulted.' }),
      widenBy: percent.meta({ description: 'Points the minimum drops when it widens.' }),
      ...justified,
    })
    .meta({ description: 'What consulting the capital (or council) may win: a wider mandate.' }),
  ratification: z
    .array(RatificationCheckSchema)
    .meta({ description: 'Checks at home a signed text must pass: every one, for the deal to stand.' }),
  personality: PersonalitySchema.meta({ description: "How the AI plays this party's seat." }),
});

export const PublicPriorSchema = z.strictObject({
  about: id.meta({ description: 'The party these beliefs are about.' }),
  priorities: z
    .array(id)
    .meta({ description: 'Issue ids this party is believed to care most about, most first.' }),
  preferred: z.record(id, id).meta({ description: 'Issue id → the option this party is believed to want.' }),
  redLines: z
    .array(
      z.strictObject({
        issue: id.meta({ description: 'The issue id.' }),
        option: id.meta({ description: 'The option of that issue the party will never accept.' }),
      }),
    )
    .optional()
    .meta({
      description:
        'Options this party has said in public it will never accept: every side starts out believing them.',
    }),
  minor: z.array(id).optional().meta({
    description: 'Issue ids this party is believed to care little about (it has called them minor, say).',
  }),
  ranked: z.record(id, z.array(id).min(2)).optional().meta({
    description:
      "Issue id → options from most to least wanted, where this party's public statements order them (a compromise between two demands, say). The first must be its `preferred` option when both are given.",
  }),
  ...justified,
});

const effect = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('reservation').meta({ description: "Moves a party's reservation value." }),
    party: id.meta({ description: 'The party whose reservation value moves.' }),
    delta: z
      .number()
      .int()
      .min(-10000)
      .max(10000)
      .meta({
        description: 'Utility points added to the reservation value (negative: removed).',
        examples: [-500],
      }),
  }),
  z
    .strictObject({
      type: z.literal('value').meta({ description: 'Changes what an option is worth to a party.' }),
      party: id.meta({ description: 'The party whose value changes.' }),
      issue: id.meta({ description: 'The issue id of the option.' }),
      option: id.meta({ description: 'The option id whose value changes.' }),
      delta: z
        .number()
        .int()
        .min(-100)
        .max(100)
        .meta({ description: 'Points added to the value (0–100 after clamping).', examples: [20] }),
    })
    .meta({
      description:
        "Adds delta to the party's value of the option. The deltas of every value effect fired so far on that option are added up first, then the value is clamped to 0–100 once.",
    }),
  z
    .strictObject({
      type: z.literal('weight').meta({ description: 'Changes how much an issue matters to a party.' }),
      party: id.meta({ description: 'The party whose weight changes.' }),
      issue: id.meta({ description: 'The issue id whose weight changes.' }),
      delta: z
        .number()
        .int()
        .min(-100)
        .max(100)
        .meta({ description: 'Weight points added before rescaling (negative: removed).', examples: [10] }),
    })
    .meta({
      description:
        "Adds delta points to the party's weight on the issue (clamped at 0), then scales all its weights back to the sum they had before, as integers: each weight is floor(w × total / new sum), and the points still missing go one each to the largest remainders (ties: the issue listed first in the packages). If every weight would be 0, nothing changes. Weight effects apply one after another, in the order their events fired.",
    }),
  z.strictObject({
    type: z.literal('trust').meta({ description: "Changes how much a party's AI believes another." }),
    party: id.meta({ description: 'The party whose trust changes.' }),
    toward: id.meta({ description: 'The party it trusts more or less.' }),
    delta: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .meta({ description: 'Trust points (0–100 scale) added or removed.', examples: [-20] }),
  }),
  z.strictObject({
    type: z
      .literal('support')
      .meta({ description: "Moves support in one of a party's ratification checks." }),
    party: id.meta({ description: 'The party whose check moves.' }),
    check: id.meta({ description: "The id of one of that party's support checks." }),
    delta: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .meta({ description: 'Support points (%) added to the base (negative: lost).', examples: [8] }),
  }),
  z.strictObject({
    type: z.literal('addOption').meta({ description: 'Puts a new option on the table for an issue.' }),
    issue: id.meta({ description: 'The issue id that gains the option.' }),
    option: OptionSchema.meta({ description: 'The new option, written like those in packages.' }),
    values: z.record(id, percent).meta({ description: 'Party id → value of the new option.' }),
  }),
  z.strictObject({
    type: z.literal('dropMeeting').meta({ description: 'Cancels a later meeting of the calendar.' }),
    meeting: id.meta({ description: 'The id of the meeting that will not take place.' }),
  }),
]);
export const EventEffectSchema = effect;

export const ScriptedEventSchema = z.strictObject({
  id,
  title: words(TITLE)
    .min(1)
    .meta({ description: 'The headline of the news banner.', examples: ['Storm closes the strait'] }),
  text: words(PARAGRAPH).min(1).meta({ description: 'What every side is told.' }),
  at: id
    .optional()
    .meta({ description: 'Meeting id at whose opening it fires; omit for events only a teacher injects.' }),
  effects: z.array(effect).meta({ description: 'What the event changes, applied in order.' }),
  sources: sourceIds,
  debrief: words(PARAGRAPH).min(1).optional().meta({
    description:
      'Shown in the debrief: what this event changed at the table and why, in plain words (cite its sources).',
  }),
});

export const CredibilitySchema = z
  .strictObject({
    commitmentSupport: z.number().int().min(0).max(50).default(3).meta({
      description: 'Domestic support points (%) a new public commitment earns; a repeated one earns none.',
    }),
    commitmentCap: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(6)
      .meta({ description: 'The most support (%) a party can earn from its public commitments in all.' }),
    capByParty: z
      .record(id, z.number().int().min(0).max(100))
      .default({})
      .meta({ description: 'Party id → its own cap, where it differs from commitmentCap.' }),
    brokenSupport: z.number().int().min(0).max(100).default(8).meta({
      description:
        'Support (%) lost at home when a party signs a text that breaks its public commitment or declared red line, or retracts one.',
    }),
    brokenTrust: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(10)
      .meta({ description: 'Trust (0–100) every other party loses in a party that breaks its public word.' }),
    rationale: words(PARAGRAPH)
      .min(1)
      .default("The game's default audience costs.")
      .meta({ description: 'Why these costs: in plain words.' }),
    sources: sourceIds.default([]),
  })
  .meta({ description: 'What public words earn and what breaking them costs (audience costs).' });

/** A language code: `uk`, `ru`, `en`, or with a region (`pt-BR`). */
const langCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'language codes are written like "uk", "ru" or "pt-BR"');

/**
 * The scenario's display texts in another language, by id: any text left out falls back to the scenario's own
 * (its default language). Only words change: ids, numbers and conditions are the scenario's.
 */
export const TranslationSchema = z
  .strictObject({
    meta: z
      .strictObject({
        title: words(TITLE).min(1).optional().meta({ description: "The scenario's title." }),
        summary: words(PARAGRAPH).min(1).optional().meta({ description: 'The summary shown before a game.' }),
        contentNote: words(PARAGRAPH).min(1).optional().meta({ description: 'The content note.' }),
        teacherNotes: z
          .array(
            z.strictObject({
              topic: words(SHORT).min(1).optional().meta({ description: "The note's topic." }),
              text: words(PARAGRAPH).min(1).optional().meta({ description: "The note's text." }),
            }),
          )
          .optional()
          .meta({ description: "The teachers' notes' topics and texts, in the notes' order." }),
      })
      .optional()
      .meta({ description: "The title, summary, content note and teachers' notes." }),
    sourceNotes: z.record(id, words(PARAGRAPH).min(1)).optional().meta({
      description:
        "Source id → its note (a source's publisher and title stay as published, in any language).",
    }),
    parties: z
      .record(
        id,
        z.strictObject({
          name: words(NAME).min(1).optional().meta({ description: "The party's name." }),
          shortName: words(12).min(1).optional().meta({ description: "The party's short name." }),
          publicProfile: words(PARAGRAPH)
            .min(1)
            .optional()
            .meta({ description: 'What everyone knows of the party.' }),
          roles: z
            .array(words(SHORT).min(1))
            .optional()
            .meta({ description: "The delegation's role titles, in the delegation's order." }),
          agreement: agreement.optional(),
        }),
      )
      .optional()
      .meta({
        description:
          'Party id → its names, profile, role titles and how words agree with its name in this language.',
      }),
    packages: z
      .record(
        id,
        z.strictObject({
          name: words(NAME).min(1).optional().meta({ description: "The package's name." }),
          description: words(PARAGRAPH).min(1).optional().meta({ description: "The package's description." }),
        }),
      )
      .optional()
      .meta({ description: 'Package id → its name and description.' }),
    issues: z
      .record(
        id,
        z.strictObject({
          name: words(NAME).min(1).optional().meta({ description: "The issue's name." }),
          description: words(PARAGRAPH).min(1).optional().meta({ description: "The issue's description." }),
          options: z
            .record(
              id,
              z.strictObject({
                label: words(LABEL).min(1).optional().meta({ description: "The option's label." }),
                description: words(PARAGRAPH)
                  .min(1)
                  .optional()
                  .meta({ description: "The option's description." }),
                status: words(STATUS)
                  .min(1)
                  .optional()
                  .meta({ description: "The option's status as of asOf." }),
              }),
            )
            .optional()
            .meta({ description: 'Option id → its label, description and status.' }),
        }),
      )
      .optional()
      .meta({
        description: 'Issue id → its name, description and options (option id → label, description, status).',
      }),
    calendar: z
      .record(
        id,
        z.strictObject({
          venue: words(SHORT).min(1).optional().meta({ description: "The meeting's venue." }),
          note: words(PARAGRAPH).optional().meta({ description: "The meeting's note." }),
          attendance: z
            .record(id, z.array(words(SHORT).min(1)))
            .optional()
            .meta({
              description: "Party id → the role titles of who sits at the table, in the meeting's order.",
            }),
        }),
      )
      .optional()
      .meta({ description: 'Meeting id → its venue, note and who attends.' }),
    events: z
      .record(
        id,
        z.strictObject({
          title: words(TITLE).min(1).optional().meta({ description: "The event's title." }),
          text: words(PARAGRAPH).min(1).optional().meta({ description: 'What every side is told.' }),
          debrief: words(PARAGRAPH)
            .min(1)
            .optional()
            .meta({ description: "The debrief's explanation of the event." }),
        }),
      )
      .optional()
      .meta({ description: 'Event id → its title, text and debrief.' }),
    briefs: z
      .record(
        id,
        z.strictObject({
          summary: words(PARAGRAPH).min(1).optional().meta({ description: "The brief's summary." }),
          interests: z
            .array(words(PARAGRAPH).min(1))
            .min(1)
            .optional()
            .meta({ description: "The brief's interests, in the brief's order." }),
          instructions: words(PARAGRAPH)
            .min(1)
            .optional()
            .meta({ description: "The capital's instructions." }),
          redLines: z
            .record(id, words(PARAGRAPH).min(1))
            .optional()
            .meta({ description: 'Red line id → description.' }),
          ratification: z
            .record(
              id,
              z.strictObject({
                body: words(SHORT).min(1).optional().meta({ description: 'Who ratifies.' }),
                description: words(PARAGRAPH)
                  .min(1)
                  .optional()
                  .meta({ description: "The check's description." }),
              }),
            )
            .optional()
            .meta({ description: 'Ratification check id → who ratifies and the description.' }),
          rationales: z.record(id, words(PARAGRAPH).min(1)).optional().meta({
            description: "Issue id → why the issue's options are worth what they are (the seat reads it).",
          }),
        }),
      )
      .optional()
      .meta({ description: "Party id → its confidential brief's words." }),
    epilogue: words(LONG).min(1).optional().meta({ description: 'The epilogue.' }),
    glossary: z.record(words(NAME).min(1), words(PARAGRAPH)).optional().meta({
      description:
        "Term → explanation, in this language: the whole glossary in this language (it replaces the scenario's).",
    }),
  })
  .meta({ description: "A scenario's display texts in one more language." });

export const ScenarioSchema = z
  .strictObject({
    format: z.union([z.literal(2), z.literal(1)]).meta({
      description:
        'Scenario format version: 2 for a new file. Files written in format 1 (ids of any length, text holding any character) are still read by the rules of format 2; `cli migrate FILE` rewrites one as format 2.',
      examples: [2],
    }),
    meta: MetaSchema.meta({
      description: 'What the scenario is, when it starts, and every source it cites.',
    }),
    parties: z
      .array(PartySchema)
      .min(2)
      .meta({ description: 'The sides at the table, two or more; each gets a profile.' }),
    mediator: id
      .nullable()
      .meta({ description: 'The party that publishes the text, or null: proposals alternate.' }),
    packages: z
      .array(PackageSchema)
      .min(1)
      .meta({ description: 'The packages of the text: groups of issues, each with its options.' }),
    initialText: z.record(id, id).meta({ description: 'Issue id → option id: the opening text.' }),
    calendar: z
      .array(MeetingSchema)
      .min(1)
      .meta({ description: 'The meetings, in order; the game ends after the last.' }),
    discountPerMeeting: z
      .number()
      .int()
      .min(0)
      .max(50)
      .meta({ description: 'Percent by which every deal is worth less after each meeting without one.' }),
    profiles: z.record(id, ProfileSchema).meta({ description: 'Party id → its private brief and numbers.' }),
    publicPriors: z
      .array(PublicPriorSchema)
      .meta({ description: 'What every side is believed, in public, to want: where the AI starts.' }),
    events: z
      .array(ScriptedEventSchema)
      .meta({ description: 'Scripted news that fires at a meeting (or when a teacher injects it).' }),
    epilogue: z
      .strictObject({
        text: words(LONG).min(1).meta({
          description: 'What happened next in the real world (or the story), shown after the game.',
        }),
        sources: sourceIds,
      })
      .meta({ description: 'Shown in the debrief, once the game is over.' }),
    credibility: CredibilitySchema.optional().meta({
      description: 'Audience costs of public words; the defaults apply when omitted.',
    }),
    glossary: z
      .record(words(NAME).min(1), words(PARAGRAPH))
      .optional()
      .meta({ description: 'Term → explanation: words of this scenario that open in place.' }),
    translations: z.record(langCode, TranslationSchema).optional().meta({
      description:
        'Language code → the display texts (names, labels, descriptions, brief paragraphs) in that language; anything left out shows in the default language.',
    }),
  })
  .meta({
    title: 'Shuttle Diplomacy scenario',
    description: 'A negotiation scenario for Shuttle Diplomacy.',
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Package = z.infer<typeof PackageSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type RedLine = z.infer<typeof RedLineSchema>;
export type RatificationCheck = z.infer<typeof RatificationCheckSchema>;
export type ScriptedEvent = z.infer<typeof ScriptedEventSchema>;
export type EventEffect = z.infer<typeof EventEffectSchema>;
export type PublicPrior = z.infer<typeof PublicPriorSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Credibility = z.infer<typeof CredibilitySchema>;
export type TeacherNote = z.infer<typeof TeacherNoteSchema>;
export type Translation = z.infer<typeof TranslationSchema>;

/** The audience-cost rules in force: the scenario's, or the defaults. */
export function credibilityOf(scenario: Pick<Scenario, 'credibility'>): Credibility {
  return scenario.credibility ?? DEFAULT_CREDIBILITY;
}

/** The defaults, parsed once: the engine asks for them on every commitment. */
const DEFAULT_CREDIBILITY: Credibility = Object.freeze(CredibilitySchema.parse({}));
/** Issue id → option id. */
export type Text = Record<string, string>;
