import { describe, expect, it } from 'vitest';
import { nineStepProgram as program } from '../program/nine-step-program.js';
import { createEngine } from './create-engine.js';
import { testCouple as couple, manualClock } from './fixtures.js';
import { raiseSequenceFloor } from './sequence-floor.js';

describe('the sequence floor', () => {
  it('makes an engine record above it, though it holds none of its own events', () => {
    const engine = createEngine({
      program,
      couple,
      device: 'd-1',
      sequenceFloor: 41,
      now: manualClock().now,
    });
    expect(engine.pause('ana')).toMatchObject({ id: 'd-1:42', seq: 42 });
  });

  it('keeps an engine without storage safe after it receives events of its own device', () => {
    const clock = manualClock();
    const first = createEngine({ program, couple, device: 'd-1', now: clock.now });
    const earlier = [first.pause('ana'), first.resume('ana')];
    // The same install, started again with nothing; its events come back from the partner.
    const again = createEngine({ program, couple, device: 'd-1', now: clock.now });
    expect(again.receive(earlier)).toMatchObject({ added: 2, rejected: [] });
    expect(again.pause('kai').seq).toBe(3);
  });

  it('is raised by persistEngine through a hook, never lowered, and refused when not a count', () => {
    const engine = createEngine({
      program,
      couple,
      device: 'd-1',
      sequenceFloor: 10,
      now: manualClock().now,
    });
    expect(raiseSequenceFloor(engine, 5)).toBe(true);
    expect(engine.pause('ana').seq).toBe(11);
    raiseSequenceFloor(engine, 20);
    expect(engine.resume('ana').seq).toBe(21);
    // The hook is not one of the engine's keys.
    expect(Object.keys(engine)).not.toContain('sequenceFloor');
    expect(raiseSequenceFloor({ ...engine }, 30)).toBe(false);
    expect(() =>
      createEngine({ program, couple, device: 'd-1', sequenceFloor: -1, now: manualClock().now }),
    ).toThrow(/whole number of at least 0/);
    expect(() => raiseSequenceFloor(engine, 1.5)).toThrow(/sequenceFloor/);
  });
});
