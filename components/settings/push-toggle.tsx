"use client";
// Web Push on this device: subscribes through the service worker (public/sw.js) with the
// server's VAPID key and stores the subscription, or removes both. Another device's setting is
// its own.
import { useEffect, useState } from "react";
import { deletePushSubscriptionAction, savePushSubscriptionAction } from "@/app/(chat)/actions";
import { FormError } from "@/components/ui/form-error";

type State = "checking" | "unsupported" | "off" | "on";

const supported = () =>
  typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && typeof Notification !== "undefined";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export function PushToggle({ vapidPublicKey }: { vapidPublicKey: string | null }) {
  const [state, setState] = useState<State>("checking");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!supported() || !vapidPublicKey) {
      setState("unsupported");
      return;
    }
    void currentSubscription().then(
      (sub) => setState(sub ? "on" : "off"),
      () => setState("off"),
    );
  }, [vapidPublicKey]);

  async function turnOn(key: string) {
    if ((await Notification.requestPermission()) !== "granted") throw new Error("Notifications are blocked for this site in the browser.");
    const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
    const result = await savePushSubscriptionAction(subscription.toJSON());
    if (!result.ok) {
      await subscription.unsubscribe();
      throw new Error(result.error.message);
    }
  }

  async function turnOff() {
    const subscription = await currentSubscription();
    if (!subscription) return;
    await deletePushSubscriptionAction({ endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  }

  async function toggle(on: boolean) {
    if (!vapidPublicKey) return;
    setBusy(true);
    setError(null);
    try {
      if (on) await turnOn(vapidPublicKey);
      else await turnOff();
      setState(on ? "on" : "off");
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : "Could not change push notifications. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          checked={state === "on"}
          disabled={busy || state === "checking" || state === "unsupported"}
          onChange={(event) => void toggle(event.target.checked)}
          className="mt-0.5 size-4 accent-indigo-600"
        />
        <span>
          <span className="font-medium">Push notifications on this device</span>
          <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
            {state === "unsupported"
              ? "Not available in this browser (on iPhone, add JobChat to the Home Screen first)."
              : "New messages reach this device even when JobChat is closed."}
          </span>
        </span>
      </label>
      <FormError message={error} />
    </div>
  );
}
