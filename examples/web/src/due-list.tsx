import { useDue } from '@attune/react';
import { useFormatMessage, useLanguage } from '@attune/react/text';
import { useAppText } from './app-text.js';
import { formatMoment } from './format-time.js';
import { href } from './use-route.js';

/** Rituals and check-ins due or coming, with the time in the partner's own time zone. */
export function DueList() {
  const due = useDue();
  const format = useFormatMessage();
  const language = useLanguage();
  const words = useAppText();
  if (due.length === 0) return null;
  return (
    <section className="card" aria-labelledby="due-title">
      <h2 id="due-title">{words.t('path.coming-up')}</h2>
      <ul className="due">
        {due.map((item) => (
          <li key={item.id} data-state={item.state}>
            <a href={href({ screen: 'exercise', id: item.exercise })}>
              {format({ key: item.messageKey, params: item.params })}
            </a>{' '}
            <span className="when">
              {item.state === 'due'
                ? words.t('due-now')
                : formatMoment(item.at, language, item.timeZone)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
