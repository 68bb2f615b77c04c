// Typing relay: in every room up to `typingPerRoom` different members each send one client
// event, spread out as in real use rather than sent in one burst.
import { performance } from "node:perf_hooks";
import type { PresenceChannel } from "pusher-js";
import { EVENTS } from "@/lib/wire/events";
import type { Member } from "./clients";
import { delay } from "./wait";

const TYPING_EVENTS_PER_SECOND = 500;

export type TypingRun = { events: number; expectedDeliveries: number };

export async function sendTyping(members: Member[], sizes: number[], typingPerRoom: number): Promise<TypingRun> {
  const typers: { channel: PresenceChannel; audience: number }[] = [];
  sizes.forEach((size, room) => {
    const roomMembers = members.filter((member) => member.room === room);
    for (let i = 0; i < Math.min(typingPerRoom, size); i++) {
      const channel = roomMembers[i].channel;
      if (channel) typers.push({ channel, audience: size - 1 });
    }
  });
  const startedAt = performance.now();
  for (const [i, typer] of typers.entries()) {
    const wait = startedAt + (i * 1000) / TYPING_EVENTS_PER_SECOND - performance.now();
    if (wait > 0) await delay(wait);
    typer.channel.trigger(EVENTS.typing, { typing: true, t: performance.now() });
  }
  return { events: typers.length, expectedDeliveries: typers.reduce((total, typer) => total + typer.audience, 0) };
}
