/// <reference types="node" />

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedLocales } from '../resources.js';
import { internationalDirectory } from './directory.js';
import { euMemberStates, helpRegions } from './regions.js';

/** The text a `safety:…` key names in a locale's `safety.json`, or `undefined`. */
const safetyText = (locale: string, key: string): unknown => {
  const file = new URL(`../../locales/${locale}/safety.json`, import.meta.url);
  const [namespace, path = ''] = key.split(':');
  if (namespace !== 'safety') return undefined;
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      JSON.parse(readFileSync(file, 'utf8')),
    );
};

const isPublicUrl = (url: string) => {
  const parsed = new URL(url);
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.')
  );
};
const isPastDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) &&
  new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) &&
  Date.parse(date) <= Date.now();

describe('shipped help resources', () => {
  it('name each region once, by ISO code or EU', () => {
    const regions = helpRegions.map((entry) => entry.region);
    expect(new Set(regions).size).toBe(regions.length);
    for (const region of regions) expect(region).toMatch(/^([A-Z]{2})$/);
  });

  it('give every region an emergency number, with its source and the day it was checked', () => {
    for (const { region, emergency } of helpRegions) {
      expect(emergency.length, region).toBeGreaterThan(0);
      for (const entry of emergency) {
        expect(entry.number, region).toMatch(/^\d{2,3}$/);
        expect(entry.services.length, region).toBeGreaterThan(0);
        expect(isPublicUrl(entry.sourceUrl), entry.sourceUrl).toBe(true);
        expect(isPastDate(entry.checkedOn), entry.checkedOn).toBe(true);
      }
    }
  });

  it('give every helpline a name, a purpose, a way to reach it, a source and a date', () => {
    for (const { region, helplines } of helpRegions) {
      for (const line of helplines) {
        const label = `${region} ${line.name}`;
        expect(line.name.trim(), label).not.toBe('');
        expect(line.descriptionKey, label).toMatch(/^safety:help\.lines\.[a-z0-9-]+$/);
        expect(line.topics.length, label).toBeGreaterThan(0);
        expect(line.phone ?? line.url ?? line.sms, label).toBeDefined();
        if (line.phone !== undefined) expect(line.phone, label).toMatch(/^[#+]?[\d][\d -]*$/);
        if (line.sms !== undefined) expect(line.sms.number, label).toMatch(/^\d+$/);
        if (line.url !== undefined) expect(isPublicUrl(line.url), label).toBe(true);
        expect(isPublicUrl(line.sourceUrl), label).toBe(true);
        expect(isPastDate(line.checkedOn), label).toBe(true);
      }
    }
  });

  it('describe every helpline and the directory in every shipped locale', () => {
    const keys = [
      ...helpRegions.flatMap(({ helplines }) => helplines.map((line) => line.descriptionKey)),
      internationalDirectory.descriptionKey,
    ];
    for (const locale of shippedLocales) {
      for (const key of keys) {
        const text = safetyText(locale, key);
        expect(typeof text === 'string' && text.trim() !== '', `${locale} ${key}`).toBe(true);
      }
    }
  });

  it('list the police first wherever they have a number of their own', () => {
    for (const { region, emergency } of helpRegions) {
      const police = emergency.findIndex((entry) => entry.services.join() === 'police');
      if (police !== -1) expect(police, region).toBe(0);
    }
  });

  it('cover an Arabic-speaking country and the regions of issue 19', () => {
    const regions = helpRegions.map((entry) => entry.region);
    expect(regions).toEqual(expect.arrayContaining(['JO', 'CA', 'AU', 'FR', 'BR', 'MX']));
  });

  it('put a relationship violence line first wherever a region has helplines', () => {
    for (const { region, helplines } of helpRegions) {
      if (helplines.length === 0) continue;
      expect(helplines[0]?.topics, region).toContain('relationship-violence');
    }
  });

  it('list the 27 EU member states by ISO code', () => {
    expect(euMemberStates).toHaveLength(27);
    expect(new Set(euMemberStates).size).toBe(27);
    expect(euMemberStates).toContain('GR');
  });

  it('point to an international directory with a source and a date', () => {
    expect(isPublicUrl(internationalDirectory.url)).toBe(true);
    expect(isPublicUrl(internationalDirectory.sourceUrl)).toBe(true);
    expect(isPastDate(internationalDirectory.checkedOn)).toBe(true);
  });
});
