import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.js';
import { echoPlugin } from './fixtures.js';
import { pluginResources } from './plugin-resources.js';

describe('pluginResources', () => {
  it("offers every plugin's locales and namespaces, English first, and loads one file at a time", async () => {
    const other = definePlugin({
      contract: 1,
      name: 'other',
      resources: { de: { other: { hello: 'Hallo' } }, en: { other: { hello: 'Hello' } } },
    });
    const source = pluginResources([echoPlugin, other]);
    expect(source.locales).toEqual(['en', 'es', 'de']);
    expect(source.namespaces).toEqual(['echo', 'other']);
    expect(await source.load('de', 'other')).toEqual({ hello: 'Hallo' });
    expect(await source.load('es', 'echo')).toEqual({ step: { title: 'Ecos' } });
    expect(await source.load('de', 'echo')).toBeUndefined();
    expect(await source.load('en', '__proto__')).toBeUndefined();
  });
});
