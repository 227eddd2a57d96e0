import { safetyConcernOf } from '../progress/compute.js';
import { computeDue } from '../progress/due.js';
import { latestRestOf } from '../progress/facts.js';
import { suggestNext } from '../progress/suggest.js';
import type { OwnRest, PartnerView, ViewEntry } from '../visibility/types.js';
import { viewEvents } from '../visibility/view.js';
import type { EngineContext } from './engine-context.js';
import { pendingReveals } from './sealing.js';
import { same } from './structural-sharing.js';

/** Each partner's view, built once per change and kept until the next. */
export interface PartnerViews {
  viewFor(partner: string): PartnerView;
  /** Forgets the built views: something changed. */
  clear(): void;
}

/**
 * What each partner may see: their entries (through the visibility policy), their suggestion and due
 * items. Parts that did not change keep their identity across changes.
 */
export function createPartnerViews(context: EngineContext): PartnerViews {
  const { program, couple, log, runtime } = context;
  const views = new Map<string, PartnerView>();
  const lastViews = new Map<string, PartnerView>();
  // Each partner's view entries, with the length of the log they were built from.
  const viewEntries = new Map<string, { events: number; entries: readonly ViewEntry[] }>();

  const build = (partner: string): PartnerView => {
    const state = context.progress();
    const facts = context.progressFacts();
    const at = context.computedAt();
    const builtInDue = computeDue(facts, program, couple, state.steps, partner, at, state.paused);
    const due = runtime ? runtime.reminders(partner, builtInDue, at) : builtInDue;
    const ownSafetyConcern = safetyConcernOf(facts, program, partner);
    const latestRest = latestRestOf(facts, partner);
    const ownRest: OwnRest | undefined = latestRest && {
      active: latestRest.data.active === true,
      from: latestRest.clock.wall,
      inEffect: latestRest.clock.wall <= at,
    };
    const previous = lastViews.get(partner);
    // The log only grows, so a view of as many events as before has the same entries: the clock
    // moving on (`refresh`) rebuilds due items and the suggestion, not the entries.
    // The count stays out of the view itself: it would tell a partner how many events they
    // cannot see.
    const built = viewEntries.get(partner);
    const entries =
      built && built.events === log.events.length ? built.entries : viewEvents(log.events, partner);
    viewEntries.set(partner, { events: log.events.length, entries });
    let suggestion = suggestNext({
      program,
      facts,
      progress: state,
      partner,
      due,
      ownSafetyConcern,
    });
    // A plugin never overrides help for a partner at risk, nor rest while the program is paused.
    if (runtime && !ownSafetyConcern && !state.paused) {
      suggestion = runtime.suggest(partner, suggestion, due, at);
    }
    return Object.freeze({
      partner,
      entries,
      suggestion: same(suggestion, previous?.suggestion),
      due: same(due, previous?.due),
      ownSafetyConcern,
      ownRest: same(ownRest, previous?.ownRest),
      restRecommended: ownSafetyConcern && ownRest?.active !== true,
      toReveal: same(pendingReveals(context, partner), previous?.toReveal),
    });
  };

  return {
    viewFor(partner) {
      context.knownPartner(partner);
      const cached = views.get(partner);
      if (cached) return cached;
      const view = build(partner);
      views.set(partner, view);
      lastViews.set(partner, view);
      return view;
    },
    clear: () => views.clear(),
  };
}
