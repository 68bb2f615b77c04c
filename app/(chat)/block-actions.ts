"use server";
// Server actions for blocking: thin doors onto lib/safety/blocks, like GET/POST/DELETE /api/chat/me/blocks.
import { blockUser, type BlockedPerson, unblockUser } from "@/lib/safety/blocks";
import { blockBodySchema } from "@/lib/safety/schemas";
import { runAction } from "@/lib/http/action";
import type { ActionResult } from "@/lib/errors";

export async function blockUserAction(input: { user_id: number }): Promise<ActionResult<BlockedPerson>> {
  return runAction("blockUser", blockBodySchema, input, async (user, body) => blockUser(user.id, body.user_id));
}

export async function unblockUserAction(input: { user_id: number }): Promise<ActionResult<{ id: number }>> {
  return runAction("unblockUser", blockBodySchema, input, async (user, body) => unblockUser(user.id, body.user_id));
}
