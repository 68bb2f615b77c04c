// Running server actions (and next-auth's own route handler) in-process inside the request scope
// Next.js gives them: a work store and a request store from Next's own factories
// (next/dist/server/async-storage), so next/headers, getServerSession and revalidatePath run
// unmodified, against a real next-auth session cookie. Nothing of ours is mocked; only Next's
// action transport (the HTTP POST and its argument decoding) is not under test.
//
// Import this module before anything else that loads Next: Next's AsyncLocalStorage shim is
// chosen when its module first loads, and only Next's server start (this baseline) provides it.
import "next/dist/server/node-environment-baseline";
import type { IncomingHttpHeaders } from "node:http";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import type { BaseNextRequest } from "next/dist/server/base-http";
import type { ImplicitTags } from "next/dist/server/lib/implicit-tags";
import type { IncrementalCache } from "next/dist/server/lib/incremental-cache";
import { sessionCookie, type Caller } from "@/tests/support/http";

export type ScopeOptions = { headers?: Record<string, string>; pathname?: string };
export type Scoped<T> = { value: T; revalidated: string[] };

/** Runs `run` as Next runs a server action posted from `pathname`, with these request headers. */
export async function inNextScope<T>(run: () => Promise<T>, options: ScopeOptions = {}): Promise<Scoped<T>> {
  const pathname = options.pathname ?? "/";
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const work = createWorkStore({
    page: `${pathname === "/" ? "" : pathname}/page`,
    renderOpts: {
      // revalidatePath records its tags only where a cache exists; nothing here reads from it.
      incrementalCache: {} as IncrementalCache,
      // Only "use cache" reads these; nothing here does.
      cacheLifeProfiles: { default: { stale: 300, revalidate: 900, expire: 0xfffffffe } },
      staticPageGenerationTimeout: 60,
      cacheComponents: false,
      validationLevel: "warning",
      experimental: { authInterrupts: false, useCacheTimeout: 60_000, durableUseCacheEntries: false },
      waitUntil: undefined,
      onClose: () => {},
      onAfterTaskError: undefined,
    },
    isPrefetchRequest: false,
    buildId: "test",
    deploymentId: "",
    previouslyRevalidatedTags: [],
  });
  // Next reads only the headers of the request it wraps for an action or a route handler.
  const wrapped = { headers } as Pick<BaseNextRequest, "headers"> as BaseNextRequest;
  const implicitTags: ImplicitTags = { tags: [], expirationsByCacheKind: new Map() };
  const request = createRequestStoreForAPI(wrapped, { pathname, search: "" }, implicitTags, undefined, undefined, undefined);
  const value = await workAsyncStorage.run(work, () => workUnitAsyncStorage.run(request, run));
  return { value, revalidated: (work.pendingRevalidatedTags ?? []).map((t) => t.tag) };
}

/** Calls a server action as `caller` (null: no session cookie), like a browser posting it. */
export async function asCaller<T>(caller: Caller, run: () => Promise<T>, options: ScopeOptions = {}): Promise<Scoped<T>> {
  const headers = { ...options.headers };
  if (caller) headers.cookie = await sessionCookie(caller);
  return inNextScope(run, { ...options, headers });
}
