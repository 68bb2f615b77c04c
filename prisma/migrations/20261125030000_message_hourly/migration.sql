-- Messages per room per UTC hour, so the admin dashboard never scans chat_message.
CREATE TABLE "chat_message_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "room_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "chat_message_hourly_pkey" PRIMARY KEY ("hour", "room_id"),
    CONSTRAINT "chat_message_hourly_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "chat_chatroom"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Kept in the inserting transaction by a statement-level trigger: one upsert per (hour, room)
-- per statement, so a single send costs one small upsert and a bulk load one per group. The
-- send transaction already holds the room's row lock, so these upserts never contend.
CREATE FUNCTION "chat_message_hourly_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "chat_message_hourly" ("hour", "room_id", "count")
    SELECT date_trunc('hour', "timestamp", 'UTC'), "room_id", count(*) FROM inserted GROUP BY 1, 2
    ON CONFLICT ("hour", "room_id") DO UPDATE SET "count" = "chat_message_hourly"."count" + EXCLUDED."count";
    RETURN NULL;
END
$$;

CREATE TRIGGER "chat_message_hourly_count" AFTER INSERT ON "chat_message"
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "chat_message_hourly_count"();

-- Existing messages, for databases migrated after they have data.
INSERT INTO "chat_message_hourly" ("hour", "room_id", "count")
SELECT date_trunc('hour', "timestamp", 'UTC'), "room_id", count(*) FROM "chat_message" GROUP BY 1, 2;
