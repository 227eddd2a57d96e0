import { addAttuneResources, createAttuneI18n, loadResources } from '@attune/content';
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

/** A locked card: why `id` is not open yet, in the words of the steps it names. */
function LockedCard({ id }: { id: string }) {
  const progress = useStepProgress(id);
  const { status } = useAttuneText(id);
  const format = useFormatMessage();
  const condition = progress?.unlock.children?.[0];
  return <p>{status === 'ready' && condition ? format(condition) : 'loading'}</p>;
}

/** The same explanation with no text hook of its own, as an aside showing a suggestion. */
function Explanation() {
  const condition = useStepProgress('empathy')?.unlock.children?.[0];
  const format = useFormatMessage();
  return <p>{condition ? format(condition) : ''}</p>;
}

/** A step's status word, from `common`, shown by a component that loads only its step. */
function Status() {
  const { status, t } = useAttuneText('empathy');
  return <p>{status === 'ready' ? t('common:status.locked') : 'loading'}</p>;
}

describe('text that completes itself', () => {
  it("corrects a locked card once the step it names loads, after the card's own step", async () => {
    const i18n = await createI18n();
    await addAttuneResources(i18n, { namespaces: ['common'] });
    const { container } = render(<LockedCard id="empathy" />, {
      wrapper: providerFor(testEngine(), 'ana', i18n),
    });
    await waitFor(() => expect(container.textContent).toBe('Finish the step “step.title”'));
    // Another card loads the first step's words.
    await act(() => addAttuneResources(i18n, { namespaces: ['safe-space'] }));
    expect(container.textContent).toBe('Finish the step “A safe space”');
  });

  it('gives a Spanish sentence the Spanish step name once it arrives after the language change', async () => {
    const i18n = await createI18n();
    await addAttuneResources(i18n, { namespaces: ['common', 'safe-space'] });
    const { container } = render(<Explanation />, {
      wrapper: providerFor(testEngine(), 'ana', i18n),
    });
    expect(container.textContent).toBe('Finish the step “A safe space”');
    await act(async () => {
      await addAttuneResources(i18n, { locale: 'es', namespaces: ['common'] });
      await i18n.changeLanguage('es');
    });
    expect(container.textContent).toBe('Terminar el paso “A safe space”');
    await act(() => addAttuneResources(i18n, { namespaces: ['safe-space'] }));
    expect(container.textContent).toBe('Terminar el paso “Un espacio seguro”');
  });

  it('follows words that an i18next backend loads, as react-i18next has it load them', async () => {
    const i18n = createInstance().use({
      type: 'backend',
      init: () => {},
      read: (
        language: string,
        namespace: string,
        done: (error: unknown, data?: object) => void,
      ) => {
        loadResources(language, namespace).then(
          (data) => done(null, data ?? {}),
          (error: unknown) => done(error),
        );
      },
    });
    await i18n.init({ lng: 'en', fallbackLng: 'en', ns: ['common'], defaultNS: 'common' });
    const { container } = render(<Explanation />, {
      wrapper: providerFor(testEngine(), 'ana', i18n),
    });
    expect(container.textContent).toBe('Finish the step “step.title”');
    await act(() => i18n.loadNamespaces('safe-space'));
    expect(container.textContent).toBe('Finish the step “A safe space”');
  });

  it("shows another namespace's key through useAttuneText once that namespace arrives", async () => {
    const i18n = await createI18n();
    const { container } = render(<Status />, { wrapper: providerFor(testEngine(), 'ana', i18n) });
    await waitFor(() => expect(container.textContent).toBe('status.locked'));
    await act(() => addAttuneResources(i18n, { namespaces: ['common'] }));
    expect(container.textContent).toBe('Not open yet');
  });

  it('is ready at once when the namespace is already loaded, also for a regional language', async () => {
    const i18n = await createAttuneI18n({ locale: 'es-MX', namespaces: ['common', 'empathy'] });
    const seen: string[] = [];
    const { result } = renderHook(
      () => {
        const text = useAttuneText('empathy');
        seen.push(text.status);
        return text;
      },
      { wrapper: providerFor(testEngine(), 'ana', i18n) },
    );
    expect(seen[0]).toBe('ready');
    expect(seen).not.toContain('loading');
    expect(result.current.t('step.title')).toBe('Empatía');
  });

  it('renders without suspending when the namespace is already loaded', async () => {
    const i18n = await createAttuneI18n({ locale: 'en', namespaces: ['appreciation'] });
    const { container } = render(
      <Suspense fallback={<p>loading</p>}>
        <Title />
      </Suspense>,
      { wrapper: providerFor(testEngine(), 'ana', i18n) },
    );
    expect(container.innerHTML).toBe('<h1>Appreciation</h1>');
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

  it('listens to the instance once however many components follow it, and not for them once unmounted', async () => {
    const i18n = await createI18n('en');
    const on = vi.spyOn(i18n, 'on');
    let renders = 0;
    const wrapper = providerFor(testEngine(), 'ana', i18n);
    const hook = () => {
      renders += 1;
      return useTextDirection();
    };
    const first = renderHook(hook, { wrapper });
    const second = renderHook(hook, { wrapper });
    expect(on.mock.calls.filter(([event]) => event === 'languageChanged')).toHaveLength(1);
    first.unmount();
    second.unmount();
    const before = renders;
    await act(() => i18n.changeLanguage('ar'));
    expect(renders).toBe(before);
  });
});
