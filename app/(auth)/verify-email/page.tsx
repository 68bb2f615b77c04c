import type { Metadata } from "next";
import Link from "next/link";
import { AccountCard, FormNotice } from "@/components/account/account-card";
import { FormError } from "@/components/ui/form-error";
import { verifyEmail, verifyEmailSchema } from "@/lib/auth/email-verification";
import { toWireError } from "@/lib/errors";
import { parseWith } from "@/lib/http/parse";

export const metadata: Metadata = { title: "Confirm your email" };

// Opening the mailed link is the confirmation: the token is single-use, so a repeat shows the error.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  let error: string | null = null;
  try {
    await verifyEmail(parseWith(verifyEmailSchema, { token: typeof token === "string" ? token : "" }).token);
  } catch (e) {
    error = toWireError(e).message;
  }
  return (
    <AccountCard title="Confirm your email">
      {error ? <FormError message={error} /> : <FormNotice message="Your email address is confirmed. Thank you." />}
      <Link href="/" className="text-center text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        Go to your conversations
      </Link>
    </AccountCard>
  );
}
