"use client";
// A small in-app prompt to allow notifications, shown until the user answers it (the browser's
// own question is asked only from this click, never on page load). "Not now" hides it for good
// in this browser; the settings page can still turn notifications on.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useNotificationPermission } from "@/hooks/use-notification-permission";

const DISMISSED_KEY = "jobchat.notifications.prompt-dismissed";

export function NotificationPrompt() {
  const [permission, request] = useNotificationPermission();
  const [dismissed, setDismissed] = useState(true);
  useEffect(() => {
    setDismissed(localStorage.getItem(DISMISSED_KEY) === "1");
  }, []);
  if (permission !== "default" || dismissed) return null;
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, "1");
    setDismissed(true);
  };
  return (
    <section aria-label="Notifications" className="mx-4 mt-3 flex flex-col gap-2 rounded-lg bg-indigo-50 px-3 py-2 text-sm dark:bg-indigo-500/15">
      <p>Get a notification when a message comes in while JobChat is in the background.</p>
      <div className="flex gap-2">
        <Button size="sm" onClick={() => void request()}>
          Turn on notifications
        </Button>
        <Button size="sm" variant="ghost" onClick={dismiss}>
          Not now
        </Button>
      </div>
    </section>
  );
}
