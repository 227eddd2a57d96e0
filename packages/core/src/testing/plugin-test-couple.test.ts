import { describe, expect, it } from 'vitest';
import { AttuneEventError } from '../log/event-error.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { echoPlugin } from '../plugins/fixtures.js';
import { AttunePluginError } from '../plugins/plugin-error.js';
import { createPluginTestCouple } from './plugin-test-couple.js';
import { testCouple } from './test-couple.js';

const DAY = 86_400_000;

const echoes = (couple: ReturnType<typeof createPluginTestCouple>, partner: string) =>
  couple
    .phone(partner)
    .getSnapshot()
    .steps.find((step) => step.id === 'echoes');

describe('createPluginTestCouple', () => {
  it('gives each partner a phone with the plugin, on one clock, that keep their events until synced', () => {
    const couple = createPluginTestCouple(echoPlugin);
    expect(couple.partners).toEqual(['ana', 'kai']);
    expect(couple.phone('ana').device).toBe('ana-phone');
    expect(couple.phone('kai').program.steps.at(-1)?.id).toBe('echoes');
    expect(couple.phone('ana').now()).toBe(testCouple.startedAt);
    couple.clock.advance(DAY);
    expect(couple.phone('kai').now()).toBe(testCouple.startedAt + DAY);

    couple.phone('ana').recordPluginEvent('ana', 'echo/bell', { loud: true });
    expect(echoes(couple, 'ana')?.completion.children?.[1]?.holds).toBe(true);
    expect(echoes(couple, 'kai')?.completion.children?.[1]?.holds).toBe(false);
    expect(couple.observed('ana').map(({ event, origin }) => [event.type, origin])).toEqual([
      ['echo/bell', 'recorded'],
    ]);

    const synced = couple.sync();
    expect(synced.kai).toMatchObject({ added: 1, rejected: [] });
    expect(synced.ana).toMatchObject({ added: 0 });
    expect(couple.eventsOf('echo/bell', 'kai')).toHaveLength(1);
    expect(couple.observed('kai').map(({ event, origin }) => [event.type, origin])).toEqual([
      ['echo/bell', 'received'],
    ]);
    expect(echoes(couple, 'kai')?.completion.children?.[1]?.holds).toBe(true);
    expect(couple.failures()).toEqual([]);
    expect(() => couple.phone('sam')).toThrow('"sam" is not in the couple');
  });

  it("never hands a phone the other partner's safety check", () => {
    const couple = createPluginTestCouple(echoPlugin);
    couple.phone('kai').takeSafetyCheck('kai', 'safety-check', {
      'feel-safe': true,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    });
    couple.sync();
    expect(couple.eventsOf('safety-check-taken', 'ana')).toEqual([]);
    expect(couple.observed('kai')).toEqual([]);
  });

  it("starts both phones from a simulated history that holds the plugin's events, checked", () => {
    const couple = createPluginTestCouple(echoPlugin, {
      history: {
        days: 14,
        seed: 3,
        behaviour: 'engaged',
        pluginEvents: ({ day, partner }) =>
          day % 7 === 0 && partner === 'kai' ? [{ type: 'echo/bell', data: { day } }] : [],
      },
    });
    const bells = couple.eventsOf('echo/bell');
    expect(bells.map((event) => [event.partner, event.data])).toEqual([
      ['kai', { day: 0 }],
      ['kai', { day: 7 }],
    ]);
    expect(bells[1]?.clock.wall).toBe(Date.UTC(2026, 0, 12, 12));
    expect(couple.phone('ana').getEvents().length).toBeGreaterThan(20);
    expect(couple.phone('ana').now()).toBe(couple.couple.startedAt + 14 * DAY);
    // Events recorded now follow the history's on the same device.
    const next = couple.phone('kai').recordPluginEvent('kai', 'echo/bell', {});
    expect(next.seq).toBeGreaterThan(bells[1]?.seq ?? 0);

    const picky = definePlugin({
      ...echoPlugin,
      checkEventData: (_type, data) =>
        (data as { day?: number }).day === 7
          ? [{ path: 'day', message: 'Not on day 7.', fix: 'Ring another day.' }]
          : [],
    });
    const refused = () =>
      createPluginTestCouple(picky, {
        history: {
          days: 8,
          seed: 3,
          behaviour: 'engaged',
          pluginEvents: ({ day }) => [{ type: 'echo/bell', data: { day } }],
        },
      });
    expect(refused).toThrow(AttuneEventError);
  });

  it('refuses plugins the engine would refuse', () => {
    expect(() => createPluginTestCouple({ contract: 1, name: 'plain' })).toThrow(AttunePluginError);
  });
});
