import { describe, expectTypeOf, it } from 'vitest';
import type { AttuneEvent, PartnerLeftEvent, ToggleData } from './types.js';

declare const event: AttuneEvent;

describe('pause and resume events', () => {
  it('type the pause or resume they follow, so their data is read without a cast', () => {
    if (event.type === 'program-paused' || event.type === 'program-resumed') {
      expectTypeOf(event.data).toEqualTypeOf<ToggleData>();
      expectTypeOf(event.data.follows).toEqualTypeOf<string | undefined>();
    }
  });

  it('leave the data of leaving empty', () => {
    expectTypeOf<PartnerLeftEvent['data']>().toEqualTypeOf<Readonly<Record<string, never>>>();
  });
});
