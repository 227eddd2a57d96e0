import type { AgreementExercise } from '@attune/core';
import { type ExerciseStateOf, useAttuneContext } from '@attune/react';
import { type FormEvent, useId } from 'react';
import { useAct, useApp, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { useCompletions } from '../use-completions.js';
import { type AgreementFields, AgreementValue, asText } from './agreement-value.js';
import { useEntries } from './use-entries.js';

/** Props of {@link Agreement}. */
export interface AgreementProps {
  readonly state: ExerciseStateOf<AgreementExercise>;
  readonly open: boolean;
}

/**
 * A shared plan: either partner proposes it, field by field, and it holds once both confirmed the
 * same proposal. A new proposal replaces the last, and needs both confirmations again.
 */
export function Agreement({ state, open }: AgreementProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const { engine } = useAttuneContext();
  const { names } = useApp();
  const { me, other } = usePartners();
  const proposals = useEntries(state.exercise.id, 'agreement-proposed');
  const confirmations = useEntries(state.exercise.id, 'agreement-confirmed');
  const completions = useCompletions(state.exercise.id);
  const latest = proposals.at(-1);
  const fields = (latest?.data as { fields: AgreementFields } | undefined)?.fields;
  const confirmedBy = new Set(
    confirmations
      .filter((entry) => (entry.data as { proposal: string }).proposal === latest?.id)
      .map((entry) => entry.partner),
  );
  const agreed = confirmedBy.has(me.id) && confirmedBy.has(other.id);

  const propose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const proposal: Record<string, string | string[]> = {};
    for (const field of state.exercise.fields) {
      const value = String(data.get(field.id) ?? '').trim();
      proposal[field.id] =
        field.input === 'list'
          ? value
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
          : value;
    }
    act(() => {
      if (proposals.length === 0) state.start({ together: true });
      engine.proposeAgreement(me.id, state.exercise.id, proposal);
    });
  };

  const confirm = () => {
    if (!latest) return;
    act(() => {
      engine.confirmAgreement(me.id, state.exercise.id, latest.id);
      // The second confirmation is the moment the couple has done it together.
      if (confirmedBy.has(other.id) && completions.together === 0) {
        state.complete({ together: true });
      }
    });
  };

  return (
    <>
      {latest && fields && (
        <section className="card agreement" aria-labelledby={`${id}-current`}>
          <h2 id={`${id}-current`}>
            {agreed
              ? words.t('agreement.agreed')
              : words.named('agreement.proposed-by', { name: names[latest.partner ?? ''] ?? '' })}
          </h2>
          <dl>
            {state.exercise.fields.map((field) => (
              <div key={field.id}>
                <dt>{t(field.key)}</dt>
                <dd>
                  <AgreementValue field={field} value={fields[field.id]} />
                </dd>
              </div>
            ))}
          </dl>
          <ul className="confirmations" data-testid="confirmations">
            {[me, other].map((partner) => (
              <li key={partner.id}>
                <bdi>{partner.name}</bdi>:{' '}
                {words.t(
                  confirmedBy.has(partner.id) ? 'agreement.confirmed' : 'agreement.not-confirmed',
                )}
              </li>
            ))}
          </ul>
          {!confirmedBy.has(me.id) && (
            <button type="button" className="primary" onClick={confirm} disabled={!open}>
              {t('action.confirm')} (<bdi>{me.name}</bdi>)
            </button>
          )}
        </section>
      )}
      <form className="card" onSubmit={propose} aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>{words.t(latest ? 'agreement.change' : 'agreement.write')}</h2>
        {state.exercise.fields.map((field) => (
          <div key={`${field.id}-${latest?.id ?? ''}`} className="field">
            <label htmlFor={`${id}-${field.id}`}>
              {t(field.key)}
              {field.input === 'list' && (
                <span className="hint"> {words.t('agreement.one-per-line')}</span>
              )}
            </label>
            {field.input === 'list' ? (
              <textarea
                id={`${id}-${field.id}`}
                name={field.id}
                rows={3}
                defaultValue={asText(fields?.[field.id])}
                disabled={!open}
              />
            ) : (
              <input
                id={`${id}-${field.id}`}
                name={field.id}
                type={field.input === 'date' ? 'date' : 'text'}
                defaultValue={asText(fields?.[field.id])}
                disabled={!open}
              />
            )}
          </div>
        ))}
        <button type="submit" disabled={!open}>
          {words.t(latest ? 'agreement.propose-version' : 'agreement.propose')}
        </button>
      </form>
    </>
  );
}
