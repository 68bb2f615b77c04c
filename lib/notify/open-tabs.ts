import "server-only";
// Which users have an app tab connected right now: every signed-in tab subscribes to its user's
// private-user-{id} channel, so an occupied channel means an open tab. One GET /channels call
// with filter_by_prefix, which hosted Pusher, Soketi and the embedded server all answer.
import { z } from "zod";
import { log } from "@/lib/log";
import { USER_CHANNEL_PATTERN } from "@/lib/realtime/channels";
import { pusherServer } from "@/lib/realtime/pusher-server";

const channelsSchema = z.object({ channels: z.record(z.string(), z.unknown()) });
const TIMEOUT_MS = 2_000;

/**
 * The subset of `userIds` with a tab connected. When the realtime server cannot be asked, the
 * answer is empty: its tabs are not receiving events either, so other channels should reach them.
 */
export async function openTabUserIds(userIds: number[]): Promise<Set<number>> {
  const open = new Set<number>();
  if (userIds.length === 0) return open;
  try {
    const request = pusherServer().get({ path: "/channels", params: { filter_by_prefix: "private-user-" } });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref());
    const response = await Promise.race([request, timeout]);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const { channels } = channelsSchema.parse(await response.json());
    const wanted = new Set(userIds);
    for (const name of Object.keys(channels)) {
      const id = Number(USER_CHANNEL_PATTERN.exec(name)?.[1]);
      if (wanted.has(id)) open.add(id);
    }
  } catch (error) {
    log.warn({ event: "notify.open_tabs", error: String(error) }, "could not ask the realtime server for open tabs");
  }
  return open;
}
