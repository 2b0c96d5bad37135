// The language picker: a select in the bar above every screen, and three buttons on the title screen. Changing the
// language re-renders the title screen in place; during a game the page reloads it from the save in this browser.
import { LANGS, type Lang, language, msg, onLanguageChange, setLanguage } from '../i18n';
import { el } from './dom';

/** The persistent control above every screen (a landmark of its own, so a keyboard user finds it). */
export function languageBar(onChange: (lang: Lang) => void): HTMLElement {
  const select = el('select', { id: 'language-select', attrs: { lang: 'en' } });
  const label = el('label', { attrs: { for: 'language-select' } });
  const nav = el('nav', { className: 'language-bar', attrs: { 'aria-labelledby': 'language-label' } });
  const fill = () => {
    label.id = 'language-label';
    // The label in the current language and, for someone who cannot read it, the word in English too.
    label.textContent = language() === 'en' ? 'Language' : `${msg().app.language} (Language)`;
    select.replaceChildren(
      ...LANGS.map((l) =>
        el('option', { attrs: { value: l.id, lang: l.id, selected: l.id === language() } }, l.name),
      ),
    );
    select.value = language();
    select.setAttribute('lang', language());
  };
  fill();
  // Chosen elsewhere (the title screen's buttons): the control follows.
  onLanguageChange(() => fill());
  select.addEventListener('change', () => {
    const next = select.value as Lang;
    void setLanguage(next).then(() => onChange(next));
  });
  nav.append(label, select);
  return nav;
}

/** The title screen's choice of language: one button per language, each named in its own language. */
export function languageButtons(onChange: (lang: Lang) => void): HTMLElement {
  return el(
    'div',
    { className: 'language-buttons', attrs: { role: 'group', 'aria-label': 'Language · Мова · Язык' } },
    ...LANGS.map((l) =>
      el(
        'button',
        {
          id: `language-${l.id}`,
          className: `lang-button${l.id === language() ? ' selected' : ''}`,
          attrs: { type: 'button', lang: l.id, 'aria-pressed': l.id === language() ? 'true' : 'false' },
          on: {
            click: () => {
              if (l.id === language()) return;
              void setLanguage(l.id).then(() => onChange(l.id));
            },
          },
        },
        l.name,
      ),
    ),
  );
}
