"use server";
// Server actions for the chat UI: thin doors onto lib/chat, like the REST routes.
import { createDirectRoom, createGroupRoom, removeMember, toMembersWire } from "@/lib/chat/membership";
import { deleteOwnMessage, editMessage } from "@/lib/chat/edit";
import { markRead } from "@/lib/chat/read";
import {
  createRoomBodySchema,
  editMessageBodySchema,
  markReadBodySchema,
  messageTargetSchema,
  muteBodySchema,
  removeMemberSchema,
  rowId,
  sendMessageActionSchema,
  settingsBodySchema,
} from "@/lib/chat/schemas";
import { sendMessage } from "@/lib/chat/send";
import type { MembersChangeWire, WireMessage, WireRoom, WireSettings } from "@/lib/wire/rest";
import { updateSettings } from "@/lib/users/settings";
import { notifyAfterSend } from "@/lib/notify/after-send";
import { muteRoom } from "@/lib/notify/mute";
import { deletePushSubscription, savePushSubscription } from "@/lib/notify/push-subscriptions";
import { pushSubscriptionBodySchema, pushUnsubscribeBodySchema } from "@/lib/notify/schemas";
import { runAction } from "@/lib/http/action";
import { enforce } from "@/lib/rate-limit";
import type { ActionResult } from "@/lib/errors";

/**
 * reply_to_id: a message of the same room this one replies to.
 * attachment_ids: finished uploads (POST /api/chat/uploads/{id}/complete); content may then be empty.
 */
export async function sendMessageAction(input: {
  room_id: number;
  content: string;
  client_id: string;
  reply_to_id?: number;
  attachment_ids?: string[];
}): Promise<ActionResult<WireMessage>> {
  return runAction("sendMessage", sendMessageActionSchema, input, async (user, body, emit) => {
    await enforce("send", String(user.id));
    const { message, created, withheld } = emit(
      await sendMessage({
        userId: user.id,
        roomId: body.room_id,
        content: body.content,
        clientId: body.client_id,
        replyToId: body.reply_to_id,
        attachmentIds: body.attachment_ids,
      }),
    );
    if (created && !withheld) notifyAfterSend(message);
    return message;
  });
}

/** Edit my own message within 15 minutes of sending it. */
export async function editMyMessageAction(input: { room_id: number; message_id: number; content: string }): Promise<ActionResult<WireMessage>> {
  return runAction("editMyMessage", messageTargetSchema.extend(editMessageBodySchema.shape), input, async (user, body, emit) => {
    await enforce("send", String(user.id));
    return emit(await editMessage({ userId: user.id, roomId: body.room_id, messageId: body.message_id, content: body.content }));
  });
}

/** Delete my own message for everyone. */
export async function deleteMyMessageAction(input: { room_id: number; message_id: number }): Promise<ActionResult<{ id: number; room_id: number }>> {
  return runAction("deleteMyMessage", messageTargetSchema, input, async (user, body, emit) => {
    const { id, room_id } = emit(await deleteOwnMessage({ userId: user.id, roomId: body.room_id, messageId: body.message_id }));
    return { id, room_id };
  });
}

export async function markReadAction(input: { room_id: number; up_to_id: number }): Promise<ActionResult<WireRoom>> {
  return runAction("markRead", markReadBodySchema.extend({ room_id: rowId }), input, async (user, body, emit) =>
    emit(await markRead({ userId: user.id, roomId: body.room_id, upToId: body.up_to_id })),
  );
}

export async function createRoomAction(input: unknown): Promise<ActionResult<WireRoom>> {
  return runAction("createRoom", createRoomBodySchema, input, async (user, body, emit) =>
    body.kind === "DIRECT"
      ? emit(await createDirectRoom(user.id, body.user_id)).room
      : emit(await createGroupRoom(user.id, body.name, body.member_ids)),
  );
}

/** Leave a group (user_id = yourself) or, as its owner or an admin, remove someone from it. */
export async function removeMemberAction(input: { room_id: number; user_id: number }): Promise<ActionResult<MembersChangeWire>> {
  return runAction("removeMember", removeMemberSchema, input, async (user, body, emit) =>
    toMembersWire(emit(await removeMember(user.id, body.room_id, body.user_id))),
  );
}

export async function updateSettingsAction(input: Partial<WireSettings>): Promise<ActionResult<WireSettings>> {
  return runAction("updateSettings", settingsBodySchema, input, async (user, body) => updateSettings(user.id, body));
}

/** Mute a room for 1 h, 8 h or until unmuted ("off" unmutes); answers the room with its muted_until. */
export async function muteRoomAction(input: { room_id: number; duration: string }): Promise<ActionResult<WireRoom>> {
  return runAction("muteRoom", muteBodySchema.extend({ room_id: rowId }), input, async (user, body, emit) =>
    emit(await muteRoom({ userId: user.id, roomId: body.room_id, duration: body.duration })),
  );
}

/** Turn Web Push on for this device: the browser's PushSubscription.toJSON(). */
export async function savePushSubscriptionAction(input: unknown): Promise<ActionResult<{ endpoint: string }>> {
  return runAction("savePushSubscription", pushSubscriptionBodySchema, input, async (user, body) => savePushSubscription(user.id, body));
}

/** Turn Web Push off for this device. */
export async function deletePushSubscriptionAction(input: { endpoint: string }): Promise<ActionResult<{ endpoint: string }>> {
  return runAction("deletePushSubscription", pushUnsubscribeBodySchema, input, async (user, body) => {
    await deletePushSubscription(user.id, body.endpoint);
    return { endpoint: body.endpoint };
  });
}
