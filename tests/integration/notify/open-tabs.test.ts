// openTabUserIds against the real embedded realtime server with real pusher-js tabs: which users
// have their user channel occupied right now, from one GET /channels?filter_by_prefix= call.
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { resetPusherServer } from "@/lib/realtime/pusher-server";
import { openTabUserIds } from "@/lib/notify/open-tabs";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { disconnectAll, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";

describe("which users have an app tab open", () => {
  afterAll(() => disconnectAll());

  it("answers the users whose own channel is subscribed, and no one else", async () => {
    const [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const room = await makeRoom([a.id, b.id, c.id]);
    const aTab = pusherClientFor(a);
    await subscribed(aTab, userChannel(a.id));
    const bTab = pusherClientFor(b);
    // A room channel alone is not a user's tab.
    await subscribed(bTab, roomChannel(room.id));
    const cTab = pusherClientFor(c);
    await subscribed(cTab, userChannel(c.id));

    expect(await openTabUserIds([a.id, b.id, c.id])).toEqual(new Set([a.id, c.id]));
    expect(await openTabUserIds([b.id])).toEqual(new Set());
    expect(await openTabUserIds([])).toEqual(new Set());

    cTab.disconnect();
    await expect.poll(() => openTabUserIds([a.id, c.id])).toEqual(new Set([a.id]));
  });

  it("answers no one when the realtime server cannot be asked (their tabs get nothing either)", async () => {
    const user = await makeUser();
    const tab = pusherClientFor(user);
    await subscribed(tab, userChannel(user.id));
    const port = process.env.PUSHER_PORT;
    process.env.PUSHER_PORT = "9";
    resetEnvCache();
    resetPusherServer();
    try {
      expect(await openTabUserIds([user.id])).toEqual(new Set());
    } finally {
      process.env.PUSHER_PORT = port;
      resetEnvCache();
      resetPusherServer();
    }
    expect(await openTabUserIds([user.id])).toEqual(new Set([user.id]));
  });
});
