"use client";
// People matching what was typed in a "new conversation" dialog: SWR keyed by the debounced
// query (latest wins, answers cached per query, revalidated on focus and reconnect). Every
// opening of a dialog asks again (no deduping): who I can reach changes when I am added to a
// room, and a cached "Nobody matches" from a minute ago must not hide the person.
import { useEffect, useState } from "react";
import useSWR from "swr";
import { searchUsers } from "@/lib/chat/client/rest";
import { peopleKey } from "@/lib/chat/client/swr-keys";
import type { UserSummary } from "@/lib/wire/rest";

const DEBOUNCE_MS = 200;
const NO_ONE: UserSummary[] = [];

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function usePeopleSearch(query: string, enabled: boolean) {
  const typed = query.trim();
  const debounced = useDebounced(typed, DEBOUNCE_MS);
  const { data, error, isLoading } = useSWR(enabled ? peopleKey(debounced) : null, ([, q]) => searchUsers(q), {
    keepPreviousData: true,
    dedupingInterval: 0,
  });
  return {
    users: error ? NO_ONE : (data ?? NO_ONE),
    loading: enabled && (typed !== debounced || isLoading),
    error: error ? String((error as Error).message ?? error) : null,
  };
}
