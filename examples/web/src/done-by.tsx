import type { Exercise } from '@attune/core';
import { useLanguage } from '@attune/react/text';
import { createElement, Fragment } from 'react';
import { useApp, usePartners } from './app-context.js';
import { useAppText } from './app-text.js';
import { useCompletions } from './use-completions.js';

/** Who has done an exercise so far; a safety check never shows, since taking it is private. */
export function DoneBy({ exercise }: { exercise: Exercise }) {
  const completions = useCompletions(exercise.id);
  const { names } = useApp();
  const words = useAppText();
  const language = useLanguage();
  const { me, other } = usePartners();
  if (exercise.kind === 'safety-check') return null;
  const who = [me, other].filter((partner) => (completions.byPartner[partner.id] ?? 0) > 0);
  if (completions.together === 0 && who.length === 0) return null;
  return (
    <p className="done-by">
      ✓{' '}
      {completions.together > 1
        ? words.t('done.together-times', { count: completions.together })
        : completions.together === 1
          ? words.t('done.together')
          : words.named('done.by', {
              names: (
                <NameList
                  names={who.map((partner) => names[partner.id] ?? partner.id)}
                  locale={language}
                />
              ),
            })}
    </p>
  );
}

/** Names joined as the language joins a list ("Ana and Kai"), each name isolated in `<bdi>`. */
function NameList({ names, locale }: { names: readonly string[]; locale: string }) {
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(names);
  return createElement(
    Fragment,
    null,
    ...parts.map((part) =>
      part.type === 'element' ? createElement('bdi', null, part.value) : part.value,
    ),
  );
}
