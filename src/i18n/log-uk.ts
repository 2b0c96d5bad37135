// Журнал ходів українською: кожне речення журналу. Names stay in the nominative ("США: приймає …"), so no
// sentence has to decline a name it does not know.
import type { LogPhrases, Principal } from '../engine/transcript';
import { formatDateIn, guessAgreement, listIn } from './format';

const list = (items: readonly string[]) => listIn('uk', items);
const q = (s: string) => `«${s}»`;
/** Whom a delegation answers to: with whom it consults, and who answers. */
const PRINCIPAL: Record<Principal, { with: string; who: string }> = {
  capital: { with: 'зі столицею', who: 'столиця' },
  government: { with: 'з урядом', who: 'уряд' },
  council: { with: 'з радою', who: 'рада' },
};
const plural = (n: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules('uk-UA').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
};

const SIGNALS: Record<string, string> = {
  priority: 'пріоритет',
  concern: 'застереження',
  'red-line': 'червону лінію',
  commitment: 'публічне зобов’язання',
  retract: 'відкликання',
};
const PROPOSALS = { amendment: 'поправка', conditional: 'умовне прийняття', 'red-line': 'червона лінія' };
const VERDICTS = {
  folded: 'враховує',
  countered: 'відповідає зустрічною пропозицією на',
  declined: 'відхиляє',
};
const OUTCOMES: Record<string, string> = {
  deal: 'угода',
  'no-deal': 'угоди немає',
  walkout: 'вихід із переговорів',
};

export const ukLog: LogPhrases = {
  list,
  date: (iso) => formatDateIn('uk', iso, true),
  gameStarted: (seed, parties) => `Гру розпочато (зерно ${seed}), учасники: ${list(parties)}`,
  meetingOpened: (venue, date, participants, agenda) =>
    `${venue}, ${date}: зустрічаються ${list(participants)}; у порядку денному: ${list(agenda.map(q))}`,
  timeRanOut: (party) => `${party}: час вичерпано`,
  endsTurn: (party) => `${party}: завершує хід`,
  openingText: (by, issues, packages) =>
    `${by}: кладе на стіл початковий текст (v1): ${issues} ${plural(issues, 'питання', 'питання', 'питань')} у ${packages} ${plural(packages, 'пакеті', 'пакетах', 'пакетах')}`,
  openingDetail: (pkg, items) => `${pkg}: ${items.map(([i, o]) => `${i}: ${o}`).join('; ')}`,
  amendmentName: (party, id, content) => `поправка ${id} (${party}: ${content})`,
  amendmentUnseen: (id) => `поправка ${id} (внесена на зустрічі, де вас не було)`,
  amendmentFrom: (name, venue) => `${name}, ${venue}`,
  published: (by, version, packages, folded, met) => {
    let text = `${by}: публікує текст v${version}, змінюючи ${list(packages.map(q))}`;
    if (folded.length) text += `; враховано: ${list(folded)}`;
    if (met.length) text += `; тепер він дає те, чого вимагали: ${list(met)}`;
    return text;
  },
  change: (issue, from, to) => `${issue}: ${from ? `${from} → ` : ''}${to}`,
  changes: (items) => items.map(([i, o]) => `${i} → ${o}`).join('; '),
  accepted: (by, pkg, version, onlyIf) =>
    `${by}: приймає ${q(pkg)} у тексті v${version}${
      onlyIf ? `, лише якщо ${list(onlyIf.map((c) => `${q(c.pkg)} лишається як у v${c.version}`))}` : ''
    }`,
  rejected: (by, pkg, version) => `${by}: відхиляє ${q(pkg)} у тексті v${version}`,
  acceptanceLapsed: (by, pkg, because) => `${by}: прийняття ${q(pkg)} втрачає силу: ${because}`,
  lapseCause: (pkg, version, condition) =>
    `${condition ? 'його умову не виконано: ' : ''}пакет ${q(pkg)} змінено у v${version}`,
  amendmentProposed: (by, id, pkg, content) => `${by}: пропонує поправку ${id} до ${q(pkg)}: ${content}`,
  signalSent: (by, kind, issue, option, to, message) =>
    `${by}: сигналізує ${SIGNALS[kind] ?? 'сигнал'} щодо ${option ? `${q(issue)}: ${option}` : q(issue)} — ${
      to === 'all' ? 'усім' : `для: ${list(to)}`
    }${message ? `: ${message}` : ''}`,
  amendmentLapsed: (by, id, pkg) =>
    `${by}: поправка ${id} до ${q(pkg)} втрачає силу — зустріч закрилася, перш ніж її включили до тексту`,
  unseenAmendmentOf: (proposer) => `поправка (${proposer}; внесена на зустрічі, де вас не було)`,
  proposalOf: (proposer, kind) => `${PROPOSALS[kind]} (${proposer})`,
  answered: (by, verdict, whose, give, ask) =>
    `${by}: ${VERDICTS[verdict]} ${whose}${
      verdict === 'countered' && (give || ask)
        ? `: пропонує ${give ?? 'нічого більше'}${ask ? `, просить ${ask}` : ''}`
        : ''
    }`,
  capitalConsulted: (by, pkg, principal = 'capital') =>
    `${by}: консультується ${PRINCIPAL[principal].with} щодо ${q(pkg)} і пропускає решту цієї зустрічі`,
  capitalReplied: (party, widened, pkg, minimum, principal = 'capital') =>
    `${party}: ${PRINCIPAL[principal].who} ${widened ? 'розширює' : 'зберігає'} мандат щодо ${q(pkg)} — можна прийняти ${minimum}% від найкращого`,
  signed: (by, version) => `${by}: підписує весь текст (v${version})`,
  signatureLapsed: (by, version) => `${by}: підпис під v${version} втрачає силу — текст змінився`,
  commitmentBroken: (by, kind, how, issue, option, supportCost, trustCost) =>
    `${by}: ${how === 'signed' ? 'підписує текст, що порушує' : 'відкликає'} ${
      kind === 'commitment' ? 'своє публічне зобов’язання щодо' : 'свою оголошену червону лінію щодо'
    } ${q(issue)}: ${option} (підтримка −${supportCost}, довіра −${trustCost})`,
  ratification: (version, results) =>
    `Ратифікація v${version}: ${results
      .map((r) => `${r.party} — ${r.passed ? 'схвалено' : `провалено (${r.failed.join(', ')})`}`)
      .join('; ')}`,
  news: (injected, title, text) => `Новини${injected ? ' (оголосив організатор)' : ''}: ${title}. ${text}`,
  walkedAway: (by) => `${by}: виходить із-за столу переговорів`,
  meetingClosed: (agreed) =>
    agreed.length
      ? `Зустріч закрито; попередньо узгоджено всіма сторонами: ${list(agreed.map(q))}`
      : 'Зустріч закрито; жоден пакет ще не узгоджено всіма сторонами',
  absentMustAccept: (participants, packages, absent, agreement) =>
    `. ${list(participants)}: приймають ${list(packages.map(q))}; ${list(absent)} (не на цій зустрічі) теж ${
      // One absent party that is plural ("Сполучені Штати") takes the plural too.
      absent.length === 1 && (agreement?.[0] ?? guessAgreement('uk', absent[0] ?? '')) !== 'plural'
        ? 'має'
        : 'мають'
    } це прийняти`,
  outcome: (kind, _summary, f) =>
    `Підсумок: ${OUTCOMES[kind] ?? 'кінець'}. ${
      kind === 'deal'
        ? `Усі сторони підписали текст v${f.version ?? ''}, і всі ратифікації пройшли.`
        : kind === 'walkout'
          ? `${f.walkedAwayBy ?? 'Одна зі сторін'}: виходить із переговорів; кожна сторона отримує своє резервне значення.`
          : f.ratificationFailed
            ? 'Підписаний текст не пройшов ратифікації на останній зустрічі; угоди немає.'
            : 'Остання зустріч закрилася без підписаного тексту; угоди немає.'
    }`,
  outcomeResult: (party, utility, reservation, score) =>
    `${party}: корисність ${utility}, резервне значення ${reservation}, бал ${score}`,
  privateNote: (party, note) => `(лише для сторони ${party}: ${note})`,
};
