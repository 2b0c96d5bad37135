// Журнал ходов на русском: каждое предложение журнала. Names stay in the nominative ("США: принимает …"), so no
// sentence has to decline a name it does not know.
import type { LogPhrases, Principal } from '../engine/transcript';
import { AGREEMENTS, formatDateIn, guessAgreement, listIn } from './format';

const list = (items: readonly string[]) => listIn('ru', items);
const q = (s: string) => `«${s}»`;
/** Whom a delegation answers to: with whom it consults, and who answers. */
const PRINCIPAL: Record<Principal, { with: string; who: string }> = {
  capital: { with: 'со столицей', who: 'столица' },
  government: { with: 'с правительством', who: 'правительство' },
  council: { with: 'с советом', who: 'совет' },
};
const plural = (n: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules('ru-RU').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
};

const SIGNALS: Record<string, string> = {
  priority: 'приоритет',
  concern: 'оговорку',
  'red-line': 'красную линию',
  commitment: 'публичное обязательство',
  retract: 'отзыв',
};
const PROPOSALS = { amendment: 'поправка', conditional: 'условное принятие', 'red-line': 'красная линия' };
const VERDICTS = {
  folded: 'учитывает',
  countered: 'отвечает встречным предложением на',
  declined: 'отклоняет',
};
const OUTCOMES: Record<string, string> = {
  deal: 'соглашение',
  'no-deal': 'соглашения нет',
  walkout: 'выход из переговоров',
};

export const ruLog: LogPhrases = {
  list,
  date: (iso) => formatDateIn('ru', iso, true),
  gameStarted: (seed, parties) => `Игра начата (зерно ${seed}), участники: ${list(parties)}`,
  meetingOpened: (venue, date, participants, agenda) =>
    `${venue}, ${date}: встречаются ${list(participants)}; в повестке: ${list(agenda.map(q))}`,
  timeRanOut: (party) => `${party}: время истекло`,
  endsTurn: (party) => `${party}: завершает ход`,
  openingText: (by, issues, packages) =>
    `${by}: кладёт на стол исходный текст (v1): ${issues} ${plural(issues, 'вопрос', 'вопроса', 'вопросов')} в ${packages} ${plural(packages, 'пакете', 'пакетах', 'пакетах')}`,
  openingDetail: (pkg, items) => `${pkg}: ${items.map(([i, o]) => `${i}: ${o}`).join('; ')}`,
  amendmentName: (party, id, content) => `поправка ${id} (${party}: ${content})`,
  amendmentUnseen: (id) => `поправка ${id} (внесена на встрече, где вас не было)`,
  amendmentFrom: (name, venue) => `${name}, ${venue}`,
  published: (by, version, packages, folded, met) => {
    let text = `${by}: публикует текст v${version}, меняя ${list(packages.map(q))}`;
    if (folded.length) text += `; учтено: ${list(folded)}`;
    if (met.length) text += `; теперь он даёт то, чего требовали: ${list(met)}`;
    return text;
  },
  change: (issue, from, to) => `${issue}: ${from ? `${from} → ` : ''}${to}`,
  changes: (items) => items.map(([i, o]) => `${i} → ${o}`).join('; '),
  accepted: (by, pkg, version, onlyIf) =>
    `${by}: принимает ${q(pkg)} в тексте v${version}${
      onlyIf ? `, только если ${list(onlyIf.map((c) => `${q(c.pkg)} остаётся как в v${c.version}`))}` : ''
    }`,
  rejected: (by, pkg, version) => `${by}: отклоняет ${q(pkg)} в тексте v${version}`,
  acceptanceLapsed: (by, pkg, because) => `${by}: принятие ${q(pkg)} теряет силу: ${because}`,
  lapseCause: (pkg, version, condition) =>
    `${condition ? 'его условие не выполнено: ' : ''}пакет ${q(pkg)} изменён в v${version}`,
  amendmentProposed: (by, id, pkg, content) => `${by}: предлагает поправку ${id} к ${q(pkg)}: ${content}`,
  signalSent: (by, kind, issue, option, to, message) =>
    `${by}: сигнализирует ${SIGNALS[kind] ?? 'сигнал'} по ${option ? `${q(issue)}: ${option}` : q(issue)} — ${
      to === 'all' ? 'всем' : `для: ${list(to)}`
    }${message ? `: ${message}` : ''}`,
  amendmentLapsed: (by, id, pkg) =>
    `${by}: поправка ${id} к ${q(pkg)} теряет силу — встреча закрылась, прежде чем её включили в текст`,
  unseenAmendmentOf: (proposer) => `поправка (${proposer}; внесена на встрече, где вас не было)`,
  proposalOf: (proposer, kind) => `${PROPOSALS[kind]} (${proposer})`,
  answered: (by, verdict, whose, give, ask) =>
    `${by}: ${VERDICTS[verdict]} ${whose}${
      verdict === 'countered' && (give || ask)
        ? `: предлагает ${give ?? 'ничего больше'}${ask ? `, просит ${ask}` : ''}`
        : ''
    }`,
  capitalConsulted: (by, pkg, principal = 'capital') =>
    `${by}: консультируется ${PRINCIPAL[principal].with} по ${q(pkg)} и пропускает остаток этой встречи`,
  capitalReplied: (party, widened, pkg, minimum, principal = 'capital') =>
    `${party}: ${PRINCIPAL[principal].who} ${widened ? 'расширяет' : 'сохраняет'} мандат по ${q(pkg)} — можно принять ${minimum}% от лучшего`,
  signed: (by, version) => `${by}: подписывает весь текст (v${version})`,
  signatureLapsed: (by, version) => `${by}: подпись под v${version} теряет силу — текст изменился`,
  commitmentBroken: (by, kind, how, issue, option, supportCost, trustCost) =>
    `${by}: ${how === 'signed' ? 'подписывает текст, нарушающий' : 'отзывает'} ${
      kind === 'commitment' ? 'своё публичное обязательство по' : 'свою объявленную красную линию по'
    } ${q(issue)}: ${option} (поддержка −${supportCost}, доверие −${trustCost})`,
  ratification: (version, results) =>
    `Ратификация v${version}: ${results
      .map((r) => `${r.party} — ${r.passed ? 'одобрено' : `провалено (${r.failed.join(', ')})`}`)
      .join('; ')}`,
  news: (injected, title, text) => `Новости${injected ? ' (объявил организатор)' : ''}: ${title}. ${text}`,
  walkedAway: (by) => `${by}: выходит из-за стола переговоров`,
  meetingClosed: (agreed) =>
    agreed.length
      ? `Встреча закрыта; предварительно согласовано всеми сторонами: ${list(agreed.map(q))}`
      : 'Встреча закрыта; ни один пакет ещё не согласован всеми сторонами',
  absentMustAccept: (participants, packages, absent, agreement) =>
    `. ${list(participants)}: принимают ${list(packages.map(q))}; ${list(absent)} (не на этой встрече) тоже ${
      ['должен', 'должна', 'должно', 'должны'][
        AGREEMENTS.indexOf(
          absent.length === 1 ? (agreement?.[0] ?? guessAgreement('ru', absent[0] ?? '')) : 'plural',
        )
      ]
    } это принять`,
  outcome: (kind, _summary, f) =>
    `Итог: ${OUTCOMES[kind] ?? 'конец'}. ${
      kind === 'deal'
        ? `Все стороны подписали текст v${f.version ?? ''}, и все ратификации прошли.`
        : kind === 'walkout'
          ? `${f.walkedAwayBy ?? 'Одна из сторон'}: покидает переговоры; каждая сторона получает своё резервное значение.`
          : f.ratificationFailed
            ? 'Подписанный текст не прошёл ратификацию на последней встрече; соглашения нет.'
            : 'Последняя встреча закрылась без подписанного текста; соглашения нет.'
    }`,
  outcomeResult: (party, utility, reservation, score) =>
    `${party}: полезность ${utility}, резервное значение ${reservation}, балл ${score}`,
  privateNote: (party, note) => `(только для стороны ${party}: ${note})`,
};
