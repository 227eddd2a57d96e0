import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { createInstance, type i18n as I18n } from 'i18next';
import { Component, type ReactNode, Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AttuneI18n } from './attune-i18n.js';
import { providerFor, testEngine } from './test-fixtures.js';
import { useAttuneText } from './use-attune-text.js';
import { useFormatMessage } from './use-format-message.js';
import { useLanguage } from './use-language.js';
import { useStepProgress } from './use-step-progress.js';
import { useSuspenseAttuneText } from './use-suspense-attune-text.js';
import { useTextDirection } from './use-text-direction.js';

async function createI18n(language = 'en'): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ lng: language, fallbackLng: 'en', resources: {} });
  return instance;
}

describe('useAttuneText', () => {
  it("loads a step's namespace lazily, then translates its keys", async () => {
    const i18n = await createI18n();
    const { result } = renderHook(() => useAttuneText('empathy'), {
      wrapper: providerFor(testEngine(), 'ana', i18n),
    });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.t('step.title')).toBe('Empathy');
    expect(result.current.t('empathy:step.title')).toBe('Empathy');
  });

  it('loads the new language when it changes, and shows its text', async () => {
    const i18n = await createI18n();
    const { result } = renderHook(
      () => ({ text: useAttuneText('empathy'), language: useLanguage() }),
      { wrapper: providerFor(testEngine(), 'ana', i18n) },
    );
    await waitFor(() => expect(result.current.text.status).toBe('ready'));
    const english = result.current.text.t('step.title');
    await act(() => i18n.changeLanguage('de'));
    expect(result.current.language).toBe('de');
    await waitFor(() => expect(result.current.text.status).toBe('ready'));
    expect(result.current.text.t('step.title')).not.toBe(english);
  });

  it('reports a failed load with its error', async () => {
    const broken: AttuneI18n = {
      language: 'en',
      t: (key) => key,
      on: vi.fn(),
      off: vi.fn(),
      addResourceBundle: () => {
        throw new Error('disk full');
      },
    };
    const { result } = renderHook(() => useAttuneText('safety'), {
      wrapper: providerFor(testEngine(), 'ana', broken),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toEqual(new Error('disk full'));
  });

  it('explains how to fix a content hook used without an i18next instance', () => {
    expect(() =>
      renderHook(() => useAttuneText('common'), { wrapper: providerFor(testEngine()) }),
    ).toThrow(/<AttuneProvider i18n=/);
  });
});

function Title() {
  const t = useSuspenseAttuneText('appreciation');
  return <h1>{t('step.title')}</h1>;
}

class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>failed: {this.state.error.message}</p> : this.props.children;
  }
}

describe('useSuspenseAttuneText', () => {
  it('suspends while the namespace loads, then renders the text', async () => {
    const i18n = await createI18n();
    render(
      <Suspense fallback={<p>loading</p>}>
        <Title />
      </Suspense>,
      { wrapper: providerFor(testEngine(), 'ana', i18n) },
    );
    expect(screen.getByText('loading')).toBeTruthy();
    expect(await screen.findByRole('heading')).toHaveProperty('textContent', 'Appreciation');
  });

  it('throws a failed load to the error boundary', async () => {
    const broken: AttuneI18n = {
      language: 'en',
      t: (key) => key,
      on: vi.fn(),
      off: vi.fn(),
      addResourceBundle: () => {
        throw new Error('offline');
      },
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <Boundary>
        <Suspense fallback={<p>loading</p>}>
          <Title />
        </Suspense>
      </Boundary>,
      { wrapper: providerFor(testEngine(), 'ana', broken) },
    );
    expect(await screen.findByText('failed: offline')).toBeTruthy();
    vi.restoreAllMocks();
  });
});

describe('useFormatMessage', () => {
  it("turns a step's unlock explanation into text", async () => {
    const i18n = await createI18n();
    const { result } = renderHook(
      () => ({
        common: useAttuneText('common'),
        safeSpace: useAttuneText('safe-space'),
        format: useFormatMessage(),
        empathy: useStepProgress('empathy'),
      }),
      { wrapper: providerFor(testEngine(), 'ana', i18n) },
    );
    await waitFor(() => expect(result.current.common.status).toBe('ready'));
    await waitFor(() => expect(result.current.safeSpace.status).toBe('ready'));
    const condition = result.current.empathy?.unlock.children?.[0];
    expect(condition && result.current.format(condition)).toBe('Finish the step “A safe space”');
  });
});

describe('useTextDirection', () => {
  it('follows the language, right to left for Arabic', async () => {
    const i18n = await createI18n('en');
    const { result } = renderHook(() => useTextDirection(), {
      wrapper: providerFor(testEngine(), 'ana', i18n),
    });
    expect(result.current).toBe('ltr');
    await act(() => i18n.changeLanguage('ar'));
    expect(result.current).toBe('rtl');
  });

  it('stops listening to the instance when unmounted', async () => {
    const i18n = await createI18n('en');
    const off = vi.spyOn(i18n, 'off');
    const { unmount } = renderHook(() => useTextDirection(), {
      wrapper: providerFor(testEngine(), 'ana', i18n),
    });
    unmount();
    expect(off).toHaveBeenCalledWith('languageChanged', expect.any(Function));
  });
});
