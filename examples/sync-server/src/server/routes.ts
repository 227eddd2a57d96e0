import { addIntroduction } from '../routes/add-introduction.js';
import { cancelCouple } from '../routes/cancel-couple.js';
import { createCouple } from '../routes/create-couple.js';
import { getCouple } from '../routes/get-couple.js';
import { getDevices } from '../routes/get-devices.js';
import { joinCouple } from '../routes/join-couple.js';
import { pullEvents } from '../routes/pull-events.js';
import { renewCode } from '../routes/renew-code.js';
import { uploadEvents } from '../routes/upload-events.js';
import type { Caller, RouteContext, RouteResult } from './route-context.js';

/** What a route is given: the request's parsed body (POST) and query. */
export interface RouteInput {
  readonly context: RouteContext;
  readonly body: unknown;
  readonly query: URLSearchParams;
}

/** A route anyone may call, such as pairing; rate-limited by client address. */
export interface OpenRoute {
  readonly handle: (input: RouteInput) => Promise<RouteResult>;
  /** Left out of rate limiting: a health check that a monitor calls often. */
  readonly unlimited?: true;
}

/** A route under `/couples/:id`, for a bearer token of that couple; rate-limited by token. */
export interface CoupleRoute {
  readonly handle: (input: RouteInput & { readonly caller: Caller }) => Promise<RouteResult>;
}

type Method = 'GET' | 'POST' | 'DELETE';

type Methods<R> = Readonly<Partial<Record<Method, R>>>;

const open: Readonly<Record<string, Methods<OpenRoute>>> = {
  '/health': {
    GET: { handle: async () => ({ status: 200, body: { ok: true } }), unlimited: true },
  },
  '/couples': { POST: { handle: ({ context, body }) => createCouple(context, body) } },
  '/couples/join': { POST: { handle: ({ context, body }) => joinCouple(context, body) } },
};

/** By what follows `/couples/:id`. */
const ofCouple: Readonly<Record<string, Methods<CoupleRoute>>> = {
  '': {
    GET: { handle: ({ context, caller }) => getCouple(context, caller) },
    DELETE: { handle: ({ context, caller }) => cancelCouple(context, caller) },
  },
  '/code': { POST: { handle: ({ context, caller }) => renewCode(context, caller) } },
  '/events': {
    GET: { handle: ({ context, caller, query }) => pullEvents(context, caller, query) },
    POST: { handle: ({ context, caller, body }) => uploadEvents(context, caller, body) },
  },
  '/introductions': {
    POST: { handle: ({ context, caller, body }) => addIntroduction(context, caller, body) },
  },
  '/devices': { GET: { handle: ({ context, caller }) => getDevices(context, caller) } },
};

/** The route a request asks for, or why there is none. */
export type FoundRoute =
  | { readonly kind: 'open'; readonly route: OpenRoute }
  | { readonly kind: 'couple'; readonly route: CoupleRoute; readonly coupleId: string }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

// Couple ids are made by this server (`c-` and hex), so the pattern also keeps `join` apart.
const COUPLE_PATH = /^\/couples\/(c-[0-9a-f]{16})(\/code|\/events|\/introductions|\/devices)?\/?$/;

type Missing = Extract<FoundRoute, { readonly kind: 'wrong-method' | 'not-found' }>;

function pick<R>(methods: Methods<R> | undefined, method: string): { readonly route: R } | Missing {
  if (!methods) return { kind: 'not-found' };
  const route = Object.hasOwn(methods, method) ? methods[method as Method] : undefined;
  return route ? { route } : { kind: 'wrong-method', allowed: Object.keys(methods) };
}

/** Finds the route of a method and path. */
export function findRoute(method: string, path: string): FoundRoute {
  const couple = COUPLE_PATH.exec(path);
  if (couple) {
    const picked = pick(ofCouple[couple[2] ?? ''], method);
    if (!('route' in picked)) return picked;
    return { kind: 'couple', route: picked.route, coupleId: couple[1] as string };
  }
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  const picked = pick(Object.hasOwn(open, trimmed) ? open[trimmed] : undefined, method);
  return 'route' in picked ? { kind: 'open', route: picked.route } : picked;
}
