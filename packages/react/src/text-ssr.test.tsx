import { createAttuneI18n } from '@attune/content';
import { act } from '@testing-library/react';
import { Suspense } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AttuneProvider } from './context.js';
import { testEngine } from './test-fixtures.js';
import { useAttuneText } from './use-attune-text.js';
import { useFormatMessage } from './use-format-message.js';
import { useStepProgress } from './use-step-progress.js';
import { useSuspenseAttuneText } from './use-suspense-attune-text.js';

function Card() {
  const { status, t } = useAttuneText('empathy');
  const title = useSuspenseAttuneText('safe-space')('step.title');
  const format = useFormatMessage();
  const condition = useStepProgress('empathy')?.unlock.children?.[0];
  return (
    <section>
      <h2>{status === 'ready' ? t('step.title') : 'loading'}</h2>
      <p>{title}</p>
      <p>{condition && format(condition)}</p>
    </section>
  );
}

describe('server rendering of text', () => {
  it('emits the text of namespaces loaded before rendering, and hydrates without a mismatch', async () => {
    // Server and client each load the words the screen needs before rendering, as they load events.
    const words = () =>
      createAttuneI18n({ locale: 'es', namespaces: ['common', 'safe-space', 'empathy'] });
    const app = async () => (
      <AttuneProvider engine={testEngine()} partner="ana" i18n={await words()}>
        <Suspense fallback={<p>loading</p>}>
          <Card />
        </Suspense>
      </AttuneProvider>
    );
    const html = renderToString(await app());
    // `<!--$-->` opens a Suspense boundary that rendered its content, not its fallback.
    expect(html).toBe(
      '<!--$--><section><h2>Empatía</h2><p>Un espacio seguro</p><p>Terminar el paso “Un espacio seguro”</p></section><!--/$-->',
    );

    const container = document.createElement('div');
    container.innerHTML = html;
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    const client = await app();
    await act(async () => {
      hydrateRoot(container, client, { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(html);
    errors.mockRestore();
  });
});
