import { describe, expect, it } from 'vitest';
import { internationalDirectory } from './directory.js';
import { getHelpResources } from './get-help-resources.js';
import type { RegionHelp } from './types.js';

const numbers = (help: ReturnType<typeof getHelpResources>) =>
  help.emergency.map((entry) => entry.number);

const localEmergency = { key: 'safety:help.emergency-local' };

describe('getHelpResources', () => {
  it('gives the emergency numbers and helplines of a region', () => {
    const help = getHelpResources({ region: 'DE' });
    expect(help.region).toBe('DE');
    expect(numbers(help)).toEqual(['110', '112']);
    expect(help.helplines[0]?.phone).toBe('116 016');
    expect(help.directory).toBe(internationalDirectory);
  });

  it('puts the police first where they have a number of their own', () => {
    for (const [region, police] of [
      ['DE', '110'],
      ['FR', '17'],
      ['JP', '110'],
      ['BR', '190'],
    ] as const) {
      const help = getHelpResources({ region });
      expect(help.emergency[0]?.services, region).toEqual(['police']);
      expect(help.danger, region).toEqual({ key: 'safety:help.emergency', number: police });
    }
  });

  it('takes the region from a locale that names one', () => {
    expect(numbers(getHelpResources({ locale: 'es-ES' }))).toEqual(['112']);
    expect(numbers(getHelpResources({ locale: 'ja-JP' }))).toEqual(['110', '119']);
    expect(getHelpResources({ locale: 'en-US', region: 'gb' }).region).toBe('GB');
  });

  it('never guesses a country from a language alone', () => {
    const help = getHelpResources({ locale: 'en' });
    expect(help.region).toBeUndefined();
    expect(help.emergency).toEqual([]);
    expect(help.helplines).toEqual([]);
    expect(help.directory.url).toBe('https://findahelpline.com');
    expect(getHelpResources().region).toBeUndefined();
    expect(getHelpResources({ locale: 'not a locale!' }).region).toBeUndefined();
  });

  it('always gives a danger line, with local-emergency wording where no number is known', () => {
    expect(getHelpResources({ locale: 'en' }).danger).toEqual(localEmergency);
    expect(getHelpResources().danger).toEqual(localEmergency);
    expect(getHelpResources({ region: 'NZ' }).danger).toEqual(localEmergency);
    expect(getHelpResources({ region: 'US', replace: [] }).danger).toEqual(localEmergency);
    expect(getHelpResources({ region: 'GB' }).danger).toEqual({
      key: 'safety:help.emergency',
      number: '999',
    });
  });

  it('gives 112 in an EU member state without an entry of its own', () => {
    const help = getHelpResources({ locale: 'it-IT' });
    expect(help.region).toBe('IT');
    expect(numbers(help)).toEqual(['112']);
    expect(help.danger).toEqual({ key: 'safety:help.emergency', number: '112' });
    expect(help.helplines).toEqual([]);
  });

  it('gives only the directory for a region without an entry', () => {
    const help = getHelpResources({ region: 'NZ' });
    expect(help.region).toBe('NZ');
    expect(help.emergency).toEqual([]);
    expect(help.directory).toBe(internationalDirectory);
  });

  it('lists lines for men, for LGBTQ+ people and for crises where they were verified', () => {
    const names = (region: string) => getHelpResources({ region }).helplines.map((l) => l.name);
    expect(names('GB')).toEqual(
      expect.arrayContaining(['Men’s Advice Line', 'Galop', 'Samaritans']),
    );
    expect(names('DE')).toEqual(
      expect.arrayContaining(['Hilfetelefon Gewalt an Männern', 'TelefonSeelsorge']),
    );
    for (const region of ['US', 'GB', 'DE', 'JP', 'FR', 'AU']) {
      const topics = getHelpResources({ region }).helplines.flatMap((line) => line.topics);
      expect(topics, region).toContain('crisis');
    }
  });

  it('understands UK and ignores codes that are not regions', () => {
    expect(numbers(getHelpResources({ region: 'UK' }))).toEqual(['999']);
    expect(getHelpResources({ region: 'Germany' }).region).toBeUndefined();
  });

  const local: RegionHelp = {
    region: 'de',
    emergency: [
      {
        number: '110',
        services: ['police'],
        sourceUrl: 'https://example.org/110',
        checkedOn: '2026-01-02',
      },
    ],
    helplines: [
      {
        name: 'Local line',
        topics: ['crisis'],
        descriptionKey: 'host:help.local-line',
        phone: '0800 000',
        sourceUrl: 'https://example.org',
        checkedOn: '2026-01-02',
      },
    ],
  };

  it('lets the host add entries to a region, replacing a number it gives again in place', () => {
    const help = getHelpResources({ region: 'DE', extra: [local] });
    expect(numbers(help)).toEqual(['110', '112']);
    expect(help.emergency[0]?.sourceUrl).toBe('https://example.org/110');
    const added = getHelpResources({ region: 'GB', extra: [{ ...local, region: 'GB' }] });
    expect(numbers(added)).toEqual(['999', '110']);
    expect(help.helplines.map((line) => line.name)).toEqual([
      'Hilfetelefon Gewalt gegen Frauen',
      'Hilfetelefon Gewalt an Männern',
      'TelefonSeelsorge',
      'Local line',
    ]);
  });

  it('lets the host add a region Attune does not have', () => {
    const help = getHelpResources({ region: 'NZ', extra: [{ ...local, region: 'NZ' }] });
    expect(help.helplines.map((line) => line.name)).toEqual(['Local line']);
    expect(help.danger).toEqual({ key: 'safety:help.emergency', number: '110' });
  });

  it('lets the host replace the whole list and the directory', () => {
    const directory = { ...internationalDirectory, name: 'Our directory' };
    const help = getHelpResources({ region: 'US', replace: [local], directory });
    expect(help.emergency).toEqual([]);
    expect(getHelpResources({ region: 'DE', replace: [local] }).helplines).toEqual(local.helplines);
    expect(help.directory.name).toBe('Our directory');
  });
});
