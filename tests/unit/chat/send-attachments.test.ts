// An optimistic send with photos: the attachments are already stored when it starts, so the
// attempt and every retry pass the same attachment ids with the same client_id (the server links
// them once) and nothing is uploaded again.
import { describe, expect, it } from "vitest";
import { newPending } from "@/lib/chat/client/pending";
import { attemptSend, type SendTransport } from "@/lib/chat/client/send-attempt";
import { createChatStore } from "@/lib/chat/client/store";
import type { WireAttachment } from "@/lib/wire/rest";
import { ME, message, messages, page, ROOM } from "@/tests/support/wire-messages";

const photo = (id: string, name: string): WireAttachment => ({
  id,
  kind: "image",
  name,
  content_type: "image/webp",
  size: 12_345,
  width: 1200,
  height: 800,
  url: `/api/chat/attachments/${id}`,
  thumb_url: `/api/chat/attachments/${id}/thumb`,
});

describe("sending with attachments", () => {
  it("a failed attempt and its retry send the same client_id and attachment ids; the stored copy replaces the pending one", async () => {
    const store = createChatStore({ me: ME, rooms: [], roomsCursor: null, unreadTotal: 0 });
    store.openTimeline(ROOM, page(messages(1, 3)), 0);
    const attachments = [photo("0b5c3a4e-1111-4111-8111-111111111111", "写真 📷.jpg"), photo("0b5c3a4e-2222-4222-8222-222222222222", "صورة.jpg")];
    const pending = newPending(ROOM, "", { attachments });
    store.addPending(pending);

    const calls: Parameters<SendTransport>[0][] = [];
    let fail = true;
    const transport: SendTransport = async (input) => {
      calls.push(input);
      if (fail) throw new Error("offline");
      return { ok: true, data: { ...message(4, { sender: ME, client_id: input.client_id, content: "" }), attachments } };
    };

    await attemptSend(store, ROOM, pending.client_id, transport);
    expect(store.findPending(ROOM, pending.client_id)).toMatchObject({ status: "failed", error: "Network error.", attachments });

    fail = false;
    await attemptSend(store, ROOM, pending.client_id, transport);
    expect(calls).toHaveLength(2);
    for (const call of calls)
      expect(call).toEqual({ room_id: ROOM, content: "", client_id: pending.client_id, attachment_ids: attachments.map((a) => a.id) });
    expect(store.getState().pending[ROOM]).toBeUndefined();
    expect(store.getState().timelines[ROOM]?.messages.at(-1)).toMatchObject({ id: 4, attachments });
  });

  it("a message without attachments sends no attachment_ids (the wire stays as it was)", async () => {
    const store = createChatStore({ me: ME, rooms: [], roomsCursor: null, unreadTotal: 0 });
    store.openTimeline(ROOM, page(messages(1, 3)), 0);
    const pending = newPending(ROOM, "plain text");
    expect(pending).not.toHaveProperty("attachments");
    store.addPending(pending);
    const calls: Parameters<SendTransport>[0][] = [];
    await attemptSend(store, ROOM, pending.client_id, async (input) => {
      calls.push(input);
      return { ok: true, data: message(4, { sender: ME, client_id: input.client_id, content: input.content }) };
    });
    expect(calls).toEqual([{ room_id: ROOM, content: "plain text", client_id: pending.client_id }]);
  });
});
