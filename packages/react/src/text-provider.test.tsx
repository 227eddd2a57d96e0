import { createAttuneI18n } from '@attune/content';
import { render, renderHook } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttuneProvider } from './context.js';
import { testEngine } from './test-fixtures.js';
import { AttuneTextProvider } from './text-provider.js';
import { useAttuneText } from './use-attune-text.js';
import { useLanguage } from './use-language.js';

function Welcome() {
  const { status, t } = useAttuneText('common');
  return <h1>{status === 'ready' ? t('program.title') : 'loading'}</h1>;
}

describe('AttuneTextProvider', () => {
  it('gives the text hooks an i18next instance with no engine around, ready at once when loaded', async () => {
    const i18n = await createAttuneI18n({ locale: 'es', namespaces: ['common'] });
    const html = renderToString(
      <AttuneTextProvider i18n={i18n}>
        <Welcome />
      </AttuneTextProvider>,
    );
    expect(html).toBe('<h1>Nueve pasos más cerca</h1>');
  });

  it('lets an AttuneProvider inside use the same instance, or its own when it has one', async () => {
    const outer = await createAttuneI18n({ locale: 'es', namespaces: ['common'] });
    const inner = await createAttuneI18n({ locale: 'de', namespaces: ['common'] });
    const language = (i18n?: typeof inner) =>
      renderHook(() => useLanguage(), {
        wrapper: ({ children }) => (
          <AttuneTextProvider i18n={outer}>
            <AttuneProvider engine={testEngine()} partner="ana" i18n={i18n}>
              {children}
            </AttuneProvider>
          </AttuneTextProvider>
        ),
      }).result.current;
    expect(language()).toBe('es');
    expect(language(inner)).toBe('de');
  });

  it('keeps what is below mounted when an AttuneProvider is given an instance later', async () => {
    const i18n = await createAttuneI18n({ locale: 'en', namespaces: ['common'] });
    const tree = (withI18n: boolean) => (
      <AttuneTextProvider i18n={i18n}>
        <AttuneProvider engine={testEngine()} partner="ana" i18n={withI18n ? i18n : undefined}>
          <input defaultValue="typed" />
        </AttuneProvider>
      </AttuneTextProvider>
    );
    const { container, rerender } = render(tree(false));
    const input = container.querySelector('input');
    rerender(tree(true));
    expect(container.querySelector('input')).toBe(input);
  });
});
