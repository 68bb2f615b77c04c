"use client";
// Search results in the sidebar, loaded the first time someone types in "Search messages".
import { NavLink } from "@/components/ui/nav-link";
import { useEffect, useState } from "react";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { Timestamp } from "@/components/chat/timestamp";
import { fetchSearchPage } from "@/lib/chat/client/search";
import type { WireSearchResult } from "@/lib/wire/rest";

type State = { query: string; results: WireSearchResult[]; cursor: string | null; error: string | null; loading: boolean };

export function MessageSearchResults({ query, onChoose }: { query: string; onChoose: () => void }) {
  const [state, setState] = useState<State>({ query, results: [], cursor: null, error: null, loading: true });

  useEffect(() => {
    const controller = new AbortController();
    // Typing settles before asking: one request per pause, not per key.
    const timer = setTimeout(() => {
      setState({ query, results: [], cursor: null, error: null, loading: true });
      fetchSearchPage(query, null, controller.signal).then(
        (page) => setState({ query, results: page.results, cursor: page.next_cursor, error: null, loading: false }),
        (error: unknown) => {
          if (!controller.signal.aborted)
            setState({ query, results: [], cursor: null, error: error instanceof Error ? error.message : "Search failed", loading: false });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const loadMore = () => {
    if (!state.cursor) return;
    setState((s) => ({ ...s, loading: true }));
    fetchSearchPage(state.query, state.cursor).then(
      (page) => setState((s) => ({ ...s, results: [...s.results, ...page.results], cursor: page.next_cursor, loading: false })),
      (error: unknown) => setState((s) => ({ ...s, error: error instanceof Error ? error.message : "Search failed", loading: false })),
    );
  };

  return (
    <section aria-label="Search results" className="px-2">
      <p role="status" className="px-2 py-1 text-xs text-slate-600 dark:text-slate-400">
        {state.error ?? (state.loading && state.results.length === 0 ? "Searching…" : state.results.length === 0 ? "No messages found" : null)}
      </p>
      <ul className="flex flex-col gap-1">
        {state.results.map((r) => (
          <li key={r.id}>
            <NavLink
              href={`/rooms/${r.room.id}?message=${r.id}`}
              onClick={onChoose}
              className="block rounded-lg px-2 py-2 hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
            >
              <span className="flex items-baseline gap-2 text-sm">
                <span className="truncate font-medium">{r.room.name}</span>
                <Timestamp iso={r.timestamp} variant="list" className="ml-auto shrink-0 text-xs text-slate-600 dark:text-slate-400" />
              </span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{r.sender.username}</span>
              <span className="line-clamp-2 block text-sm break-words">
                <HighlightedText excerpt={r.excerpt} highlights={r.highlights} />
              </span>
            </NavLink>
          </li>
        ))}
      </ul>
      {state.cursor ? (
        <button
          type="button"
          onClick={loadMore}
          disabled={state.loading}
          className="mx-2 my-2 text-sm text-indigo-700 underline dark:text-indigo-300"
        >
          More results
        </button>
      ) : null}
    </section>
  );
}
