"use client";
import Link from "next/link";
import { type FormEvent, useLayoutEffect, useState } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/actions";
import { AccountCard, FormNotice } from "@/components/account/account-card";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await requestPasswordResetAction({ email }).catch(() => null);
    if (!result) setError("The server is unreachable. Try again.");
    else if (result.ok) setNotice(result.data.message);
    else setError(result.error.message);
    setBusy(false);
  };

  return (
    <AccountCard title="Reset your password" intro="We will email you a link to choose a new one.">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          maxLength={254}
        />
        <FormError message={error} />
        <FormNotice message={notice} />
        <Button type="submit" disabled={!hydrated || busy}>
          {busy ? "Sending…" : "Email me a link"}
        </Button>
      </form>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        <Link href="/login" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Back to sign in
        </Link>
      </p>
    </AccountCard>
  );
}
