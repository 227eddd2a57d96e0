import { safetyConcernOf } from '../progress/compute.js';
import { computeDue } from '../progress/due.js';
import { latestRestOf } from '../progress/facts.js';
import { suggestNext } from '../progress/suggest.js';
import type { OwnRest, PartnerView } from '../visibility/types.js';
import { createViewBuilder, type ViewBuilder } from '../visibility/view-builder.js';
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
  const builders = new Map<string, ViewBuilder>();

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
    // Each partner's entries go on from the last build as the log grows: the clock moving on
    // (`refresh`) rebuilds due items and the suggestion, not the entries.
    let builder = builders.get(partner);
    if (!builder) {
      builder = createViewBuilder(log, partner);
      builders.set(partner, builder);
    }
    const entries = builder.current();
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
      // Copied out of the builder when first read: a subscriber that reads only the suggestion or
      // due items does not pay for the entries.
      get entries() {
        return entries.read();
      },
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
