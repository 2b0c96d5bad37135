// Nicknames for students who join without one, in the language of their page: an adjective and an animal, the
// adjective agreeing with the animal's gender in Ukrainian and Russian ("Смелая Цапля", "Сміливий Сокіл").
import { randomInt } from 'node:crypto';

interface Words {
  /** Adjectives as [masculine, feminine]. */
  adjectives: ReadonlyArray<readonly [string, string]>;
  animals: ReadonlyArray<{ name: string; feminine: boolean }>;
}

const same = (words: string[]): Array<[string, string]> => words.map((w) => [w, w]);

const WORDS: Record<'en' | 'uk' | 'ru', Words> = {
  en: {
    adjectives: same([
      'Calm',
      'Brave',
      'Quiet',
      'Swift',
      'Bright',
      'Patient',
      'Clever',
      'Steady',
      'Bold',
      'Kind',
    ]),
    animals: ['Heron', 'Otter', 'Falcon', 'Badger', 'Lynx', 'Crane', 'Marten', 'Owl', 'Hare', 'Seal'].map(
      (name) => ({ name, feminine: false }),
    ),
  },
  uk: {
    adjectives: [
      ['Спокійний', 'Спокійна'],
      ['Сміливий', 'Смілива'],
      ['Тихий', 'Тиха'],
      ['Швидкий', 'Швидка'],
      ['Яскравий', 'Яскрава'],
      ['Терплячий', 'Терпляча'],
      ['Кмітливий', 'Кмітлива'],
      ['Стійкий', 'Стійка'],
      ['Відважний', 'Відважна'],
      ['Добрий', 'Добра'],
    ],
    animals: [
      { name: 'Чапля', feminine: true },
      { name: 'Видра', feminine: true },
      { name: 'Сокіл', feminine: false },
      { name: 'Борсук', feminine: false },
      { name: 'Рись', feminine: true },
      { name: 'Журавель', feminine: false },
      { name: 'Куниця', feminine: true },
      { name: 'Сова', feminine: true },
      { name: 'Заєць', feminine: false },
      { name: 'Тюлень', feminine: false },
    ],
  },
  ru: {
    adjectives: [
      ['Спокойный', 'Спокойная'],
      ['Смелый', 'Смелая'],
      ['Тихий', 'Тихая'],
      ['Быстрый', 'Быстрая'],
      ['Яркий', 'Яркая'],
      ['Терпеливый', 'Терпеливая'],
      ['Умный', 'Умная'],
      ['Стойкий', 'Стойкая'],
      ['Отважный', 'Отважная'],
      ['Добрый', 'Добрая'],
    ],
    animals: [
      { name: 'Цапля', feminine: true },
      { name: 'Выдра', feminine: true },
      { name: 'Сокол', feminine: false },
      { name: 'Барсук', feminine: false },
      { name: 'Рысь', feminine: true },
      { name: 'Журавль', feminine: false },
      { name: 'Куница', feminine: true },
      { name: 'Сова', feminine: true },
      { name: 'Заяц', feminine: false },
      { name: 'Тюлень', feminine: false },
    ],
  },
};

/** The languages nicknames come in; any other page language (or none) gets English ones. */
export function nicknameLanguage(lang: string | undefined): keyof typeof WORDS {
  const base = (lang ?? '').split('-')[0]?.toLowerCase();
  return base === 'uk' || base === 'ru' ? base : 'en';
}

/** A random nickname in the page's language (`uk`, `ru-RU`, …; English otherwise). `pick(n)` draws 0 … n-1. */
export function randomNickname(lang: string | undefined, pick: (n: number) => number = randomInt): string {
  const w = WORDS[nicknameLanguage(lang)];
  const adjective = w.adjectives[pick(w.adjectives.length)] ?? w.adjectives[0];
  const animal = w.animals[pick(w.animals.length)] ?? w.animals[0];
  if (!adjective || !animal) return 'Student';
  return `${adjective[animal.feminine ? 1 : 0]} ${animal.name}`;
}
