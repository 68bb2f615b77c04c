"use client";
// An account form whose server action answers with a message to show: the form's busy, error and
// notice state, and a submit that runs the action (the password reset's request and its new password).
import { type FormEvent, useLayoutEffect, useState } from "react";
import type { ActionResult } from "@/lib/errors";

export function useMessageAction(run: () => Promise<ActionResult<{ message: string }>>, initialError: string | null = null) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);
  // Submitting before hydration would post the form natively (a GET with the fields in the URL).
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await run().catch(() => null);
    if (!result) setError("The server is unreachable. Try again.");
    else if (result.ok) setNotice(result.data.message);
    else setError(result.error.message);
    setBusy(false);
  };
  return { notice, error, busy, ready: hydrated && !busy, submit };
}
