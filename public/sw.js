// JobChat's service worker: shows Web Push notifications for new messages while no tab is open,
// and opens (or focuses) the room when one is clicked. The payload is what
// lib/notify/push-payload.ts builds: {room_id, url, sender?, room?, preview?}; without sender it
// is a "hidden preview" notification that names nothing.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function readPayload(event) {
  try {
    const data = event.data ? event.data.json() : null;
    if (data && Number.isInteger(data.room_id) && typeof data.url === "string" && data.url.startsWith("/")) return data;
  } catch {
    // Not ours or damaged: a generic notification below.
  }
  return { room_id: 0, url: "/" };
}

self.addEventListener("push", (event) => {
  const data = readPayload(event);
  const named = typeof data.sender === "string";
  const title = named ? (data.room && data.room !== data.sender ? `${data.sender} in ${data.room}` : data.sender) : "New message";
  const body = named ? data.preview || "" : "Open JobChat to read it.";
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      tag: `room-${data.room_id}`,
      renotify: true,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      data: { url: data.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || "/", self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin !== self.location.origin) continue;
        await client.focus();
        if ("navigate" in client) await client.navigate(url);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
