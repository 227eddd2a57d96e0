import type { CheckInExercise } from '@attune/core';
import { type ExerciseStateOf, useAttuneContext, useCheckIn } from '@attune/react';
import { useFormatMessage } from '@attune/react/text';
import { type FormEvent, useId, useState } from 'react';
import { useAct, useApp, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { TrendChart } from './trend-chart.js';

/** Props of {@link CheckIn}. */
export interface CheckInProps {
  readonly state: ExerciseStateOf<CheckInExercise>;
  readonly open: boolean;
}

/**
 * A check-in: the partner holding the phone scores each dimension (any can be skipped); below, each
 * dimension's trend for both partners, and a word when their scores are far apart.
 */
export function CheckIn({ state, open }: CheckInProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const format = useFormatMessage();
  const id = useId();
  const { me } = usePartners();
  const { names } = useApp();
  // The couple's order, not who holds the phone, so each partner keeps their line's style.
  const partners = useAttuneContext().engine.couple.partners.map((partner) => ({
    id: partner.id,
    name: names[partner.id] ?? partner.id,
  }));
  const { trends, record } = useCheckIn(state.exercise.id);
  const [saved, setSaved] = useState(false);
  const { dimensions, scale } = state.exercise;
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen: Record<string, number> = {};
    for (const dimension of dimensions) {
      const value = form.get(dimension.id);
      if (value !== null) chosen[dimension.id] = Number(value);
    }
    if (Object.keys(chosen).length === 0) return;
    if (act(() => record(chosen))) {
      setSaved(true);
      event.currentTarget.reset();
    }
  };

  return (
    <>
      <form className="card check-in" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{words.named('check-in.title', { name: me.name })}</h2>
        <p className="meta">
          {scale.min} = {t(scale.minLabelKey)} · {scale.max} = {t(scale.maxLabelKey)}
        </p>
        {dimensions.map((dimension) => (
          <fieldset key={dimension.id} className="scale" disabled={!open}>
            <legend>{t(dimension.key)}</legend>
            {scores.map((score) => (
              <label key={score} className="score">
                <input type="radio" name={dimension.id} value={score} />
                <span>{score}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="primary" disabled={!open}>
          {words.t('check-in.save')}
        </button>
        {saved && <p role="status">{words.t('check-in.saved')}</p>}
      </form>
      <section className="card" aria-labelledby={`${id}-trends`}>
        <h2 id={`${id}-trends`}>{words.t('check-in.trends')}</h2>
        <div className="trends">
          {dimensions.map((dimension) => {
            const trend = trends?.dimensions.find((each) => each.dimension === dimension.id);
            if (!trend || trend.points.length === 0) return null;
            const label = t(dimension.key);
            return (
              <div key={dimension.id} className="trend-card" data-dimension={dimension.id}>
                <h3>{label}</h3>
                <TrendChart
                  trend={trend}
                  label={label}
                  min={scale.min}
                  max={scale.max}
                  partners={partners}
                />
                <ul className="directions">
                  {partners
                    .filter((partner) => trend.latest[partner.id] !== undefined)
                    .map((partner) => (
                      <li key={partner.id}>
                        <bdi>{partner.name}</bdi>:{' '}
                        {t(`check-in.trend.${trend.direction[partner.id] ?? 'steady'}`)}
                      </li>
                    ))}
                </ul>
                {trend.diverging && (
                  <p className="notice">
                    {format({
                      key: 'common:suggest.divergence',
                      params: { dimension: dimension.id, dimensionKey: dimension.key },
                    })}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </section>
    </>
  );
}
