"use client";
// Whether this browser may show notifications while the app is open (a tab in the background):
// the permission, asked for only when the user clicks.
import { Button } from "@/components/ui/button";
import { useNotificationPermission } from "@/hooks/use-notification-permission";

const TEXT = {
  unsupported: "This browser cannot show notifications.",
  default: "Get a notification for new messages while JobChat is open in the background.",
  granted: "On: new messages in rooms you are not looking at show a notification.",
  denied: "Blocked in this browser’s site settings. Allow notifications there to turn them on.",
} as const;

export function BrowserNotificationsToggle() {
  const [permission, request] = useNotificationPermission();
  return (
    <div className="flex items-start gap-3 text-sm">
      <span className="flex-1">
        <span className="font-medium">Browser notifications</span>
        <span className="mt-0.5 block text-slate-600 dark:text-slate-400">{TEXT[permission]}</span>
      </span>
      {permission === "default" ? (
        <Button size="sm" variant="secondary" onClick={() => void request()}>
          Allow notifications
        </Button>
      ) : null}
    </div>
  );
}
