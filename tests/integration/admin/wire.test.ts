// The admin REST answers match their one definition (lib/wire/admin.ts): each route's JSON, as a
// client receives it, parses with the schema the serializer is typed by.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { GET as audit } from "@/app/api/admin/audit/route";
import { DELETE as deleteMessage } from "@/app/api/admin/messages/[messageId]/route";
import { GET as overview } from "@/app/api/admin/overview/route";
import { GET as room } from "@/app/api/admin/rooms/[roomId]/route";
import { GET as rooms } from "@/app/api/admin/rooms/route";
import { POST as deactivate } from "@/app/api/admin/users/[userId]/deactivate/route";
import { GET as users } from "@/app/api/admin/users/route";
import { POST as send } from "@/app/api/chat/rooms/[roomId]/messages/route";
import {
  adminAuditPageSchema,
  adminDeleteSchema,
  adminOverviewSchema,
  adminRoomDetailSchema,
  adminRoomPageSchema,
  adminStandingSchema,
  adminUserPageSchema,
} from "@/lib/wire/admin";
import { wireMessageSchema } from "@/lib/wire/rest";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

describe("admin REST answers", () => {
  it("overview, users, rooms, room detail, delete, deactivate and audit each parse with their schema", async () => {
    const [admin, user, other] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const asAdmin = { ...admin, role: "ADMIN" as const };
    const roomId = (await makeRoom([user.id, other.id])).id;
    const params = { roomId: String(roomId) };
    const sent = await call(
      send,
      await request(user, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "שלום 👋 你好", client_id: crypto.randomUUID() } }),
      params,
    );
    expect(sent.status).toBe(201);
    const message = v.parse(wireMessageSchema, sent.body);

    const get = async <P>(handler: Parameters<typeof call<P>>[0], path: string, p: P) => {
      const res = await call(handler, await request(asAdmin, "GET", path), p);
      expect(res.status, path).toBe(200);
      return res.body;
    };
    expect(v.parse(adminOverviewSchema, await get(overview, "/api/admin/overview", {})).users).toBeGreaterThanOrEqual(3);
    expect(v.parse(adminUserPageSchema, await get(users, "/api/admin/users", {})).users.length).toBeGreaterThan(0);
    expect(v.parse(adminRoomPageSchema, await get(rooms, "/api/admin/rooms", {})).rooms.length).toBeGreaterThan(0);
    const detail = v.parse(adminRoomDetailSchema, await get(room, `/api/admin/rooms/${roomId}`, params));
    expect(detail.messages.map((m) => m.content)).toContain("שלום 👋 你好");

    const deleted = await call(deleteMessage, await request(asAdmin, "DELETE", `/api/admin/messages/${message.id}`), {
      messageId: String(message.id),
    });
    expect(v.parse(adminDeleteSchema, deleted.body)).toEqual({ id: message.id, room_id: roomId, deleted: true, already_deleted: false });
    const standing = await call(deactivate, await request(asAdmin, "POST", `/api/admin/users/${other.id}/deactivate`), { userId: String(other.id) });
    expect(v.parse(adminStandingSchema, standing.body)).toMatchObject({ id: other.id, is_active: false });
    const entries = v.parse(adminAuditPageSchema, await get(audit, "/api/admin/audit", {})).entries;
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["message.delete", "user.deactivate"]));
  });
});
