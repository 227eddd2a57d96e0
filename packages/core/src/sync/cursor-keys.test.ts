import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { testCouple } from '../testing/test-couple.js';
import { advanceCursor, checkCursor, cursorHas, cursorOf } from './cursor.js';
import { exportEvents } from './export-events.js';
import { importEvents } from './import-events.js';

// Device ids an app cannot choose, but another device can send: every name Object.prototype has.
const prototypeNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

describe('sync cursors over device ids named like Object.prototype members', () => {
  it('summarise, advance and answer for them like any other id', () => {
    for (const device of prototypeNames) {
      const cursor = cursorOf([
        { device, seq: 1 },
        { device, seq: 2 },
        { device: 'a', seq: 1 },
      ]);
      expect(Object.keys(cursor).sort()).toEqual([device, 'a'].sort());
      expect(cursor[device]).toEqual([[1, 2]]);
      const next = advanceCursor(cursor, [{ device, seq: 4 }]);
      expect(next[device]).toEqual([
        [1, 2],
        [4, 4],
      ]);
      expect(cursorHas(next, device, 4)).toBe(true);
      expect(cursorHas(next, device, 3)).toBe(false);
      expect(cursorHas(cursorOf([]), device, 1)).toBe(false);
      // What was advanced is left as it was.
      expect(cursor[device]).toEqual([[1, 2]]);
    }
  });

  it('are checked from JSON, and checked into a copy that holds only what it should', () => {
    for (const device of prototypeNames) {
      const checked = checkCursor(JSON.parse(`{"${device}": [[1, 2]], "a": [[3, 3]]}`));
      expect(cursorHas(checked, device, 2)).toBe(true);
      expect(cursorHas(checked, 'a', 3)).toBe(true);
      expect(advanceCursor(checked, [{ device, seq: 3 }])[device]).toEqual([[1, 3]]);
      expect(Object.keys(advanceCursor(checked, [{ device: 'b', seq: 1 }])).sort()).toEqual(
        [device, 'a', 'b'].sort(),
      );
      expect(() => checkCursor(JSON.parse(`{"${device}": 5}`))).toThrow(/malformed at "/);
    }
  });

  it('refuse a device id that is not an id', () => {
    for (const bad of ['', 'x'.repeat(129), 'a\u0000b']) {
      expect(() => checkCursor({ [bad]: [[1, 1]] })).toThrow(/sync cursor is malformed/);
    }
  });

  it('carry events of such devices through import, receive and export', () => {
    const wall = testCouple.startedAt + 1_000;
    const events = prototypeNames.map((device, i) => ({
      id: `${device}:1`,
      partner: 'ana',
      device,
      seq: 1,
      clock: { wall: wall + i, counter: 0 },
      type: 'exercise-started',
      data: { exercise: 'safe-space-basics', together: false },
      visibility: 'shared',
    }));
    const imported = importEvents([], events, { couple: testCouple, device: 'me' });
    expect(imported.rejected).toEqual([]);
    expect(imported.added).toHaveLength(prototypeNames.length);
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'me',
      now: () => wall + 60_000,
    });
    expect(engine.receive(imported.added).added).toBe(prototypeNames.length);
    const cursor = cursorOf(engine.getEvents());
    for (const device of prototypeNames) expect(cursorHas(cursor, device, 1)).toBe(true);
    const batch = exportEvents(engine.getEvents(), {
      couple: testCouple,
      recipient: 'kai',
      since: checkCursor(JSON.parse(JSON.stringify(cursor))),
    });
    expect(batch.events).toEqual([]);
  });
});
