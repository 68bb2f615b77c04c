"use client";
// Shown in the chat to accounts whose email is not confirmed yet: they can chat, but get no
// unread emails and cannot add Google/GitHub sign-in until they confirm.
import { useState } from "react";
import { resendVerificationAction } from "@/app/(auth)/actions";

export function VerifyEmailBanner() {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resend = async () => {
    setBusy(true);
    const result = await resendVerificationAction().catch(() => null);
    setMessage(!result ? "The server is unreachable. Try again." : result.ok ? result.data.message : result.error.message);
    setBusy(false);
  };
  return (
    <section
      aria-label="Confirm your email"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50"
    >
      <span>Confirm your email address: we sent you a link when you signed up.</span>
      {message ? (
        <span role="status">{message}</span>
      ) : (
        <button type="button" onClick={() => void resend()} disabled={busy} className="font-medium underline disabled:opacity-60">
          Send a new link
        </button>
      )}
    </section>
  );
}
