import { describe, expect, it } from 'vitest';
import { internationalDirectory } from './directory.js';
import { getHelpResources } from './get-help-resources.js';
import type { RegionHelp } from './types.js';

const numbers = (help: ReturnType<typeof getHelpResources>) =>
  help.emergency.map((entry) => entry.number);

describe('getHelpResources', () => {
  it('gives the emergency numbers and helplines of a region', () => {
    const help = getHelpResources({ region: 'DE' });
    expect(help.region).toBe('DE');
    expect(numbers(help)).toEqual(['112', '110']);
    expect(help.helplines[0]?.phone).toBe('116 016');
    expect(help.directory).toBe(internationalDirectory);
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

  it('gives 112 in an EU member state without an entry of its own', () => {
    const help = getHelpResources({ locale: 'fr-FR' });
    expect(help.region).toBe('FR');
    expect(numbers(help)).toEqual(['112']);
    expect(help.helplines).toEqual([]);
  });

  it('gives only the directory for a region without an entry', () => {
    const help = getHelpResources({ region: 'BR' });
    expect(help.region).toBe('BR');
    expect(help.emergency).toEqual([]);
    expect(help.directory).toBe(internationalDirectory);
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
        description: 'A local service.',
        phone: '0800 000',
        sourceUrl: 'https://example.org',
        checkedOn: '2026-01-02',
      },
    ],
  };

  it('lets the host add its own entries to a region, replacing a number it gives again', () => {
    const help = getHelpResources({ region: 'DE', extra: [local] });
    expect(numbers(help)).toEqual(['112', '110']);
    expect(help.emergency[1]?.sourceUrl).toBe('https://example.org/110');
    expect(help.helplines.map((line) => line.name)).toEqual([
      'Hilfetelefon Gewalt gegen Frauen',
      'Local line',
    ]);
  });

  it('lets the host add a region Attune does not have', () => {
    const help = getHelpResources({ region: 'BR', extra: [{ ...local, region: 'BR' }] });
    expect(help.helplines.map((line) => line.name)).toEqual(['Local line']);
  });

  it('lets the host replace the whole list and the directory', () => {
    const directory = { ...internationalDirectory, name: 'Our directory' };
    const help = getHelpResources({ region: 'US', replace: [local], directory });
    expect(help.emergency).toEqual([]);
    expect(getHelpResources({ region: 'DE', replace: [local] }).helplines).toEqual(local.helplines);
    expect(help.directory.name).toBe('Our directory');
  });
});
