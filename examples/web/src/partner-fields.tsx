import { useId } from 'react';
import { useAppText } from './app-text.js';
import { TimeZoneOptions } from './time-zone-options.js';

/** Props of {@link PartnerFields}. */
export interface PartnerFieldsProps {
  /** 0 or 1; names the form fields `name-0`, `zone-0`… */
  readonly index: number;
  /** The time zone chosen at first; without one, the first of the list, the browser's own. */
  readonly zone?: string | undefined;
}

/** The fieldset for one partner's name and time zone, in the onboarding form. */
export function PartnerFields({ index, zone }: PartnerFieldsProps) {
  const id = useId();
  const words = useAppText();
  return (
    <fieldset>
      <legend>{words.t('onboarding.partner', { number: index + 1 })}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>{words.t('onboarding.name')}</label>
        <input
          id={`${id}-name`}
          name={`name-${index}`}
          required
          maxLength={40}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-zone`}>{words.t('onboarding.time-zone')}</label>
        <select id={`${id}-zone`} name={`zone-${index}`} defaultValue={zone}>
          <TimeZoneOptions />
        </select>
      </div>
    </fieldset>
  );
}
