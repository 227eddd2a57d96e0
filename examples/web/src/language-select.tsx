import { useLanguage } from '@attune/react/text';
import { useId } from 'react';
import { useApp } from './app-context.js';
import { useAppText } from './app-text.js';
import { LanguageOptions } from './language-options.js';

/** Switches the app between every shipped locale; each is named in its own language. */
export function LanguageSelect() {
  const language = useLanguage();
  const { setLanguage } = useApp();
  const id = useId();
  const words = useAppText();
  return (
    <div className="language">
      <label htmlFor={id}>{words.t('language')}</label>
      <select id={id} value={language} onChange={(event) => setLanguage(event.target.value)}>
        <LanguageOptions />
      </select>
    </div>
  );
}
