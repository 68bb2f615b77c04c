// Whether the viewer's mute of a room is on now (muted_until in the future).
import type { WireRoom } from "@/lib/wire/rest";

export const isMuted = (room: Pick<WireRoom, "muted_until"> | undefined, now = Date.now()) =>
  Boolean(room?.muted_until && Date.parse(room.muted_until) > now);
