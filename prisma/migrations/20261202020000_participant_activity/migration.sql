-- The room's activity (its last message's time, or when it changed without one) kept on each
-- participant row, so a user's room list is a range scan of one index whatever their room count:
-- sorting COALESCE(room.last_message_time, room.updated_at) needs every one of their rooms first.
ALTER TABLE "chat_chatparticipant" ADD COLUMN "activity_at" TIMESTAMPTZ(3);

UPDATE "chat_chatparticipant" p SET "activity_at" = COALESCE(r."last_message_time", r."updated_at")
FROM "chat_chatroom" r WHERE r."id" = p."room_id";

ALTER TABLE "chat_chatparticipant"
    ALTER COLUMN "activity_at" SET DEFAULT CURRENT_TIMESTAMP,
    ALTER COLUMN "activity_at" SET NOT NULL;

-- The room list's order and keyset: newest activity first, ties by room id.
CREATE INDEX "chat_part_user_activity_idx" ON "chat_chatparticipant"("user_id", "activity_at" DESC, "room_id" DESC);
