"use client";
import { type ReactNode, useId, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { SearchIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { usePeopleSearch } from "@/hooks/use-people-search";
import type { UserSummary } from "@/lib/wire/rest";

/** A search box and the matching people; `renderAction` draws each person's control. */
export function PeoplePicker({ renderPerson }: { renderPerson: (user: UserSummary, avatar: ReactNode) => ReactNode }) {
  const [query, setQuery] = useState("");
  const { users, loading, error } = usePeopleSearch(query, true);
  const inputId = useId();
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700 dark:text-slate-200">
        Search people
      </label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-500" width={16} height={16} />
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Name or username"
          autoComplete="off"
          className="h-10 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-9 text-sm placeholder:text-slate-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-950 dark:placeholder:text-slate-400"
        />
      </div>
      <div className="max-h-72 min-h-24 overflow-y-auto rounded-lg border border-slate-200 dark:border-slate-800">
        {loading && users.length === 0 ? (
          <div className="flex justify-center p-4 text-slate-500">
            <Spinner label="Searching…" />
          </div>
        ) : error ? (
          <p className="p-4 text-sm text-red-700 dark:text-red-400">Couldn't search: {error}</p>
        ) : users.length === 0 ? (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Nobody matches “{query}”.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {users.map((user) => (
              <li key={user.id}>{renderPerson(user, <Avatar name={user.name} seed={user.id} size="sm" />)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
