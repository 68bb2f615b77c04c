"use client";
import { useState } from "react";
import { LogOutIcon } from "@/components/ui/icons";
import { clearDrafts } from "@/lib/chat/client/drafts";
import { disconnectRealtime } from "@/lib/realtime/browser-client";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await disconnectRealtime();
        clearDrafts();
        // next-auth's client is needed only here: loaded on the click, not with every page.
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/login" });
      }}
      className="inline-flex size-9 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-60 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
      aria-label="Sign out"
      title="Sign out"
    >
      <LogOutIcon />
    </button>
  );
}
