import type { Metadata } from "next";
import { UnsubscribeForm } from "@/app/(auth)/unsubscribe/unsubscribe-form";
import { AccountCard } from "@/components/account/account-card";
import { FormError } from "@/components/ui/form-error";
import { toWireError } from "@/lib/errors";
import { unsubscribeTarget } from "@/lib/notify/unsubscribe";

export const metadata: Metadata = { title: "Unread-message emails" };

// GET only shows what the link will do (mail scanners open links); the button's POST does it.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const target = await unsubscribeTarget(value).catch((e: unknown) => ({ error: toWireError(e).message }));
  if ("error" in target) {
    return (
      <AccountCard title="Unread-message emails">
        <FormError message={target.error} />
      </AccountCard>
    );
  }
  return (
    <AccountCard title="Unread-message emails" intro={`For ${target.email}`}>
      {target.subscribed ? (
        <UnsubscribeForm token={value} />
      ) : (
        <p className="text-sm">These emails are already off. Turn them back on in Settings.</p>
      )}
    </AccountCard>
  );
}
