import { type Couple, createEngine, nineStepProgram } from '@attune/core';
import { AttuneProvider } from '@attune/react';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from './app-context.js';
import { HelpScreen } from './help-screen.js';
import { createAppI18n } from './i18n.js';

const couple: Couple = {
  id: 'help-test',
  partners: [
    { id: 'ana', timeZone: 'UTC' },
    { id: 'kai', timeZone: 'UTC' },
  ],
  startedAt: 0,
};

/** The help screen as HTML, in a language and for a region, before anyone has signed in. */
async function helpScreen(locale: string, region?: string): Promise<Document> {
  const i18n = await createAppI18n(locale);
  const engine = createEngine({ program: nineStepProgram, couple, device: 'help-test' });
  const app: AppContextValue = {
    names: {},
    region,
    setLanguage: () => {},
    setRegion: () => {},
    revealMode: () => 'when-both-answered',
    setRevealMode: () => {},
    report: () => {},
  };
  const html = renderToString(
    createElement(
      AppContext,
      { value: app },
      createElement(AttuneProvider, { engine, partner: 'ana', i18n }, createElement(HelpScreen)),
    ),
  );
  return new DOMParser().parseFromString(html.replaceAll('<!-- -->', ''), 'text/html');
}

const dangerLine = (page: Document) => page.querySelector('.emergency');

describe('the help screen', () => {
  it('always shows a danger line, the local emergency number if the region is unknown', async () => {
    const english = await helpScreen('en');
    expect(dangerLine(english)?.textContent).toBe(
      'If you are in danger right now, call your local emergency number.',
    );
    expect(dangerLine(english)?.querySelector('a')).toBeNull();

    const arabic = await helpScreen('ar');
    expect(dangerLine(arabic)?.textContent).toBe(
      'إن كنت في خطر الآن، فالخطوة الأولى هي الاتصال برقم الطوارئ المحلي.',
    );
  });

  it('says the local emergency number for a region without a verified entry', async () => {
    const page = await helpScreen('en', 'NZ');
    expect(dangerLine(page)?.textContent).toContain('your local emergency number');
    expect(page.querySelectorAll('.helplines li.card')).toHaveLength(0);
  });

  it('calls the police first in Germany, as a link to dial', async () => {
    const page = await helpScreen('de', 'DE');
    const link = dangerLine(page)?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('tel:110');
    expect(link?.textContent).toBe('Wenn du gerade in Gefahr bist, ruf 110 an.');
  });

  it('keeps the services’ own names and describes them in the partner’s language', async () => {
    const page = await helpScreen('es', 'DE');
    const cards = [...page.querySelectorAll('.helplines li.card')];
    expect(cards.map((card) => card.querySelector('h2')?.textContent)).toEqual([
      'Hilfetelefon Gewalt gegen Frauen',
      'Hilfetelefon Gewalt an Männern',
      'TelefonSeelsorge',
    ]);
    expect(cards[0]?.querySelector('p')?.textContent).toMatch(/^Asesoramiento gratuito y anónimo/);
    expect(cards[0]?.textContent).toContain('Abierto día y noche, todos los días');
    expect(page.querySelector('[lang="en"]')).toBeNull();
  });

  it('writes a short code such as #8008 so that a phone can dial it', async () => {
    const page = await helpScreen('ja', 'JP');
    const links = [...page.querySelectorAll('.helplines a[href^="tel:"]')];
    expect(links.map((link) => link.getAttribute('href'))).toContain('tel:%238008');
    expect(dangerLine(page)?.querySelector('a')?.getAttribute('href')).toBe('tel:110');
  });
});
