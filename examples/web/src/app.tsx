import { nineStepProgram } from '@attune/core';
import { AttuneProvider, useProgram } from '@attune/react';
import type { i18n } from 'i18next';
import { useEffect, useState } from 'react';
import { createI18n } from './i18n.js';

function StepList({ i18n }: { i18n: i18n }) {
  const program = useProgram();
  return (
    <ol className="steps">
      {program.steps.map((step) => (
        <li key={step.id} data-step={step.id}>
          <h2>{i18n.t(step.titleKey)}</h2>
          <p>{i18n.t(step.summaryKey)}</p>
          <small>{step.exercises.length} exercises</small>
        </li>
      ))}
    </ol>
  );
}

/** The example app: the nine steps of the program, in the reader's language. */
export function App() {
  const [i18n, setI18n] = useState<i18n | null>(null);
  useEffect(() => {
    createI18n('en').then(setI18n, (error: unknown) => console.error(error));
  }, []);

  return (
    <AttuneProvider program={nineStepProgram}>
      <main>
        <h1>Attune</h1>
        {i18n ? <StepList i18n={i18n} /> : <p>Loading…</p>}
      </main>
    </AttuneProvider>
  );
}
