"use client";
import Link from "next/link";
import { useState } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/actions";
import { AccountCard, FormNotice } from "@/components/account/account-card";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useMessageAction } from "@/hooks/use-message-action";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const { notice, error, busy, ready, submit } = useMessageAction(() => requestPasswordResetAction({ email }));

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
        <Button type="submit" disabled={!ready}>
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
