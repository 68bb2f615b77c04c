// The size guard's own edges; tests/integration/realtime-event-size.test.ts covers the live path.
import { describe, expect, it } from "vitest";
import type { WireRoom } from "@/lib/wire/rest";
import { EVENT_DATA_BUDGET_BYTES, fitMembers, fitRoom, jsonBytes, PREVIEW_BYTES, previewOf } from "@/lib/realtime/event-size";

describe("previewOf", () => {
  it("counts escaped JSON bytes, not characters", () => {
    expect(previewOf("漢".repeat(10), 9)).toBe("漢漢漢");
    expect(previewOf('"'.repeat(10), 9)).toBe('""""');
    expect(previewOf("\u0001".repeat(10), 12)).toBe("\u0001\u0001");
  });

  it("never cuts inside an emoji sequence or a surrogate pair", () => {
    const family = "👩‍👩‍👧";
    expect(previewOf(family.repeat(3), 40)).toBe(family.repeat(2));
    expect(previewOf("😀😀", 6)).toBe("😀");
    expect(previewOf("😀", 3)).toBe("");
  });
});

describe("fitRoom", () => {
  const room = (content: string): WireRoom => ({
    id: 1,
    name: "Room",
    kind: "GROUP",
    last_seq: 0,
    last_read_id: 0,
    job_id: null,
    owner_id: null,
    last_message_content: content,
    last_message_time: null,
    last_message_sender: null,
    unread_count: 0,
    updated_at: new Date(0).toISOString(),
  });

  it("leaves a room that fits alone, and cuts an oversize last message to a flagged preview", () => {
    expect(fitRoom(room("hello"))).toEqual(room("hello"));
    const fitted = fitRoom(room("\\".repeat(6000)));
    expect(fitted.last_message_truncated).toBe(true);
    expect(jsonBytes(fitted.last_message_content) - 2).toBeLessThanOrEqual(PREVIEW_BYTES);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(EVENT_DATA_BUDGET_BYTES);
  });
});

describe("fitMembers", () => {
  const members = (count: number, name: string) => Array.from({ length: count }, (_, i) => ({ id: i + 1, username: `u${i}`, name }));

  it("keeps a list that fits, and names only the owner when it does not, measured in bytes", () => {
    const small = { room_id: 3, owner_id: 1, members: members(20, "Ana") };
    expect(fitMembers(small)).toEqual(small);
    // 30 names of 100 CJK characters: 3,000 characters, over 9,000 bytes once encoded.
    const wide = { room_id: 3, owner_id: 1, members: members(30, "長".repeat(100)) };
    expect(jsonBytes(wide)).toBeGreaterThan(EVENT_DATA_BUDGET_BYTES);
    expect(fitMembers(wide)).toEqual({ room_id: 3, owner_id: 1, members: null, members_truncated: true });
  });
});

describe("message.created with attachments", () => {
  it("stays within the budget with the most attachments, the longest names, the longest text and a reply's quote, in CJK, emoji and right-to-left", async () => {
    const { fitMessage } = await import("@/lib/realtime/event-size");
    const { sanitizeName } = await import("@/lib/attachments/names");
    const { MAX_ATTACHMENTS_PER_MESSAGE, MAX_NAME_BYTES } = await import("@/lib/attachments/limits");
    const { MAX_MESSAGE_LENGTH } = await import("@/lib/chat/limits");
    const { replyExcerpt } = await import("@/lib/chat/reply-excerpt");
    for (const unit of ["漢", "👩‍👩‍👧", "ש", '"', "\\"]) {
      const name = sanitizeName(unit.repeat(500));
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
      const id = "0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d";
      const attachments = Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE }, () => ({
        id,
        kind: "image" as const,
        name,
        content_type: "image/webp",
        size: 10 * 1024 * 1024,
        width: 1600,
        height: 1600,
        url: `/api/chat/attachments/${id}`,
        thumb_url: `/api/chat/attachments/${id}/thumb`,
      }));
      const message = {
        id: Number.MAX_SAFE_INTEGER,
        room_id: 2_147_483_647,
        seq: 2_147_483_647,
        sender: { id: 2_147_483_647, username: "u".repeat(40) },
        content: unit.repeat(MAX_MESSAGE_LENGTH),
        timestamp: new Date(0).toISOString(),
        client_id: id,
        is_read: false,
        edited_at: new Date(0).toISOString(),
        deleted: false,
        // A reply's quote rides along too: the longest excerpt, quoting a sender with the longest name.
        reply_to: {
          id: Number.MAX_SAFE_INTEGER - 1,
          sender: { id: 2_147_483_647, username: "u".repeat(40), name: unit.repeat(100) },
          excerpt: replyExcerpt(unit.repeat(600)),
          deleted: false,
        },
        attachments,
      };
      const fitted = fitMessage(message);
      expect(jsonBytes(fitted), unit).toBeLessThanOrEqual(EVENT_DATA_BUDGET_BYTES);
      // The attachments always travel whole; only the text is cut.
      expect(fitted.attachments).toEqual(attachments);
    }
  });
});
