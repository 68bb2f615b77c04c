"use client";
import Link from "next/link";
import { useState } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { AccountCard, FormNotice } from "@/components/account/account-card";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useMessageAction } from "@/hooks/use-message-action";

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const { notice, error, busy, ready, submit } = useMessageAction(
    () => resetPasswordAction({ token, password }),
    token ? null : "This page needs the link from the email.",
  );

  return (
    <AccountCard title="Choose a new password" intro="Every device signed in to your account will be signed out.">
      {notice ? (
        <>
          <FormNotice message={notice} />
          <Link href="/login" className="text-center text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Sign in
          </Link>
        </>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4">
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={8}
          />
          <FormError message={error} />
          <Button type="submit" disabled={!ready || !token}>
            {busy ? "Saving…" : "Set new password"}
          </Button>
          <Link href="/forgot-password" className="text-center text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Ask for a new link
          </Link>
        </form>
      )}
    </AccountCard>
  );
}
