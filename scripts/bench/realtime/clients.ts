// The benchmark's audience: pusher-js clients connected and subscribed in waves, each member of
// one presence room, authorized locally with the server SDK (no app in the loop).
import type Pusher from "pusher";
import PusherJs, { type PresenceChannel } from "pusher-js";
import { roomPresenceChannel } from "@/lib/realtime/channels";
import { EVENTS } from "@/lib/wire/events";
import type { Target } from "./types";
import { waitFor } from "./wait";

const CONNECT_WAVE = 100;

export type Member = { client: PusherJs; channel: PresenceChannel | null; room: number };

/** Rooms are numbered from 0 here and from 1 on the wire, like the app's room ids. */
export const roomName = (room: number) => roomPresenceChannel(room + 1);

export type Listeners = { onMessage: (data: { t: number }) => void; onTyping: (data: { t: number }) => void };

/** Connects one client per entry of `roomOf` (its room), CONNECT_WAVE at a time; pushes each into `members`. */
export async function connectClients(target: Target, sdk: Pusher, roomOf: number[], members: Member[]): Promise<void> {
  const { host, port, key, useTLS } = target;
  for (let start = 0; start < roomOf.length; start += CONNECT_WAVE) {
    const wave = roomOf.slice(start, start + CONNECT_WAVE);
    await Promise.all(
      wave.map((room, offset) => {
        const userId = `bench-user-${start + offset + 1}`;
        const client = new PusherJs(key, {
          cluster: "",
          wsHost: host,
          wsPort: port,
          wssPort: port,
          forceTLS: useTLS,
          enabledTransports: useTLS ? ["wss"] : ["ws"],
          disableStats: true,
          channelAuthorization: {
            customHandler: ({ socketId, channelName }, callback) =>
              callback(null, sdk.authorizeChannel(socketId, channelName, { user_id: userId, user_info: { name: userId } })),
          },
        });
        members.push({ client, channel: null, room });
        return waitFor<void>((resolve) => client.connection.bind("connected", () => resolve()), `connection of ${userId}`);
      }),
    );
  }
}

/** Subscribes every member to its room with the message and typing listeners bound. */
export async function subscribeRooms(members: Member[], listeners: Listeners): Promise<void> {
  for (let start = 0; start < members.length; start += CONNECT_WAVE) {
    await Promise.all(
      members.slice(start, start + CONNECT_WAVE).map((member) => {
        const channel = member.client.subscribe(roomName(member.room)) as PresenceChannel;
        member.channel = channel;
        channel.bind(EVENTS.messageCreated, listeners.onMessage);
        channel.bind(EVENTS.typing, listeners.onTyping);
        return waitFor<void>((resolve, reject) => {
          channel.bind("pusher:subscription_succeeded", () => resolve());
          channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscription failed: ${JSON.stringify(error)}`)));
        }, `subscription to ${channel.name}`);
      }),
    );
  }
}
