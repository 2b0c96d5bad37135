// Intents: what a seat (a human through the UI, an AI, or the clock) asks the engine to do. Plain, versioned JSON.
import { z } from 'zod';
import { SaidSchema } from './said';

export const INTENT_VERSION = 1;

const id = z.string().min(1).max(64);
/** Why a move was made, in structured form: what drove it, what it gave and what it asked. */
export const ReasonDriverSchema = z.enum([
  'aspiration',
  'deadline',
  'reciprocity',
  'red-line',
  'mandate',
  'ratification',
  'link',
  'alternative',
  'trade',
  'priority',
  'answer',
  'spoiler',
  'probe',
  'word',
]);
export type ReasonDriver = z.infer<typeof ReasonDriverSchema>;
export const ReasonBasisSchema = z.strictObject({
  drivers: z.array(ReasonDriverSchema).max(8),
  conceded: z.record(id, id).optional().meta({ description: 'Issue → option the mover gives.' }),
  asked: z.record(id, id).optional().meta({ description: 'Issue → option the mover asks for.' }),
});
export type ReasonBasis = z.infer<typeof ReasonBasisSchema>;
const reason = z
  .strictObject({
    public: z.string().max(600),
    private: z.string().max(2000).optional(),
    basis: ReasonBasisSchema.optional(),
    said: SaidSchema.optional().meta({
      description: 'The public part in structured form (sentence ids, ids and numbers), for other languages.',
    }),
    privateSaid: SaidSchema.optional().meta({
      description: 'The private part in structured form; only the actor sees it, like the private part.',
    }),
  })
  .optional()
  .meta({ description: 'Why: a public part every witness may read, a private part only the actor sees.' });
const base = { v: z.literal(INTENT_VERSION), seat: id, reason };

/** priority: this matters most; concern: we cannot live with this as it stands; red-line: we can never sign
 * this option, whatever else changes (public: it binds like a commitment); commitment: we publicly stand by
 * this option; retract: we withdraw our earlier concern, red line or commitment on this option. */
export const SignalKindSchema = z.enum(['priority', 'concern', 'red-line', 'commitment', 'retract']);

export const AnswerVerdictSchema = z.enum(['folded', 'countered', 'declined']);

export const IntentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('text.publish'),
    text: z.record(id, id).meta({ description: 'Issue id → option id; issues left out keep their option.' }),
    folds: z.array(z.number().int()).max(50).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('package.accept'),
    package: id,
    version: z.number().int().min(1),
  }),
  z.strictObject({
    ...base,
    type: z.literal('package.reject'),
    package: id,
    version: z.number().int().min(1),
  }),
  z.strictObject({
    ...base,
    type: z.literal('package.acceptConditional'),
    package: id,
    version: z.number().int().min(1),
    onlyIf: z.array(id).min(1).max(12),
  }),
  z.strictObject({
    ...base,
    type: z.literal('amendment.propose'),
    package: id,
    options: z.record(id, id),
  }),
  z.strictObject({
    ...base,
    type: z.literal('signal.send'),
    kind: SignalKindSchema,
    issue: id,
    option: id.optional(),
    to: z.union([z.literal('all'), z.array(id).min(1).max(12)]),
    message: z.string().max(280).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('proposal.answer'),
    ref: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'The seq of the amendment, conditional acceptance or red-line signal answered.' }),
    verdict: AnswerVerdictSchema.meta({
      description:
        'folded: the text now meets it; countered: a trade is offered; declined: not, with a reason.',
    }),
    issue: id.optional().meta({ description: 'The issue the answer turns on.' }),
    give: z.record(id, id).optional().meta({ description: 'In a counter: what the answerer offers.' }),
    ask: z.record(id, id).optional().meta({ description: 'In a counter: what it asks in return.' }),
  }),
  z.strictObject({ ...base, type: z.literal('capital.consult'), package: id }),
  z.strictObject({ ...base, type: z.literal('text.sign'), version: z.number().int().min(1) }),
  z.strictObject({ ...base, type: z.literal('table.walkAway') }),
  z.strictObject({ ...base, type: z.literal('turn.end') }),
  z.strictObject({ ...base, type: z.literal('turn.timeout') }),
  z.strictObject({ ...base, type: z.literal('event.inject'), event: id }),
]);

export type Intent = z.infer<typeof IntentSchema>;
export type IntentType = Intent['type'];
export type SignalKind = z.infer<typeof SignalKindSchema>;
/** An intent without its envelope, as drivers build it. */
export type Move = Intent extends infer I ? (I extends Intent ? Omit<I, 'v' | 'seat'> : never) : never;

/** The seat a teacher or the scenario acts from; never a party. */
export const DIRECTOR = 'director';
