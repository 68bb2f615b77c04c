"use client";
// The browser's notification permission: "unsupported" until mounted (and where there is no
// Notification API), then default / granted / denied; request() asks, only from a user's click.
import { useCallback, useEffect, useState } from "react";

export type NotificationPermissionState = NotificationPermission | "unsupported";

export function useNotificationPermission(): [NotificationPermissionState, () => Promise<void>] {
  const [permission, setPermission] = useState<NotificationPermissionState>("unsupported");
  useEffect(() => {
    if (typeof Notification !== "undefined") setPermission(Notification.permission);
  }, []);
  const request = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    setPermission(await Notification.requestPermission());
  }, []);
  return [permission, request];
}
