import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.js';
import { pluginHelpResources } from './plugin-help.js';

describe('pluginHelpResources', () => {
  it("collects the plugins' help for a region, leaving out and reporting a provider that throws", () => {
    const counseling = definePlugin({
      contract: 1,
      name: 'counseling',
      helpResources: ({ region }) =>
        region === 'DE'
          ? [
              {
                name: 'Paarberatung vor Ort',
                descriptionKey: 'counseling:help.local',
                url: 'https://example.org',
                sourceUrl: 'https://example.org/about',
                checkedOn: '2026-01-05',
              },
            ]
          : [],
    });
    const broken = definePlugin({
      contract: 1,
      name: 'broken',
      helpResources: () => {
        throw new Error('offline');
      },
    });
    const silent = definePlugin({ contract: 1, name: 'silent' });
    const help = pluginHelpResources([broken, counseling, silent], { region: 'DE' });
    expect(help.resources.map((resource) => [resource.plugin, resource.name])).toEqual([
      ['counseling', 'Paarberatung vor Ort'],
    ]);
    expect(help.diagnostics).toEqual([
      expect.objectContaining({ code: 'plugin-failed', subject: 'broken' }),
    ]);
    expect(pluginHelpResources([counseling], { region: undefined }).resources).toEqual([]);
    const odd = definePlugin({
      contract: 1,
      name: 'odd',
      helpResources: () => {
        throw 'not an Error';
      },
    });
    expect(pluginHelpResources([odd], { region: 'DE' }).diagnostics[0]?.message).toBe(
      'Plugin "odd" failed in its help-resource provider: not an Error. The engine went on without it; update or remove the plugin.',
    );
  });
});
