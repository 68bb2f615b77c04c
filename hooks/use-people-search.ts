"use client";
// People matching what was typed in a "new conversation" dialog (debounced, latest wins).
import { useEffect, useState } from "react";
import { searchUsers } from "@/lib/chat/client/rest";
import type { UserSummary } from "@/lib/chat/client/wire-schemas";

const DEBOUNCE_MS = 200;

export function usePeopleSearch(query: string, enabled: boolean) {
  const [result, setResult] = useState<{ users: UserSummary[]; loading: boolean; error: string | null }>({
    users: [],
    loading: enabled,
    error: null,
  });

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setResult((r) => ({ ...r, loading: true, error: null }));
    const timer = setTimeout(() => {
      searchUsers(query.trim(), controller.signal).then(
        (users) => setResult({ users, loading: false, error: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setResult({ users: [], loading: false, error: String((error as Error).message ?? error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, enabled]);

  return result;
}
