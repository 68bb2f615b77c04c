"use client";
import { useLayoutEffect, useState } from "react";
import { unsubscribeAction } from "@/app/(auth)/unsubscribe/actions";
import { FormNotice } from "@/components/account/account-card";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

export function UnsubscribeForm({ token }: { token: string }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);

  const confirm = async () => {
    setBusy(true);
    const result = await unsubscribeAction({ token }).catch(() => null);
    if (!result) setError("The server is unreachable. Try again.");
    else if (result.ok) setNotice(result.data.message);
    else setError(result.error.message);
    setBusy(false);
  };

  if (notice) return <FormNotice message={notice} />;
  return (
    <>
      <p className="text-sm">Stop the emails about messages you have not read?</p>
      <FormError message={error} />
      <Button onClick={() => void confirm()} disabled={!hydrated || busy}>
        {busy ? "Turning off…" : "Stop these emails"}
      </Button>
    </>
  );
}
