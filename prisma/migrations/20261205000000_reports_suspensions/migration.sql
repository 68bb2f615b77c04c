-- Trust and safety (lib/moderation): reports of a message or a person, and suspensions with an end.

-- A report: a message (then reported_user_id is its sender and room_id its room) or a person
-- (message_id and room_id null, or the room it was reported from). Open until an admin resolves it.
CREATE TABLE "report" (
    "id" BIGSERIAL NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "reported_user_id" INTEGER NOT NULL,
    "message_id" BIGINT,
    "room_id" INTEGER,
    "reason" VARCHAR(20) NOT NULL,
    "note" VARCHAR(1000),
    "status" VARCHAR(12) NOT NULL DEFAULT 'open',
    "resolution" VARCHAR(20),
    "resolution_note" VARCHAR(1000),
    "resolved_by_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_reason_check" CHECK ("reason" IN ('harassment', 'spam', 'scam', 'safety', 'other')),
    CONSTRAINT "report_status_check" CHECK ("status" IN ('open', 'resolved')),
    CONSTRAINT "report_resolution_check" CHECK ("resolution" IN ('dismiss', 'delete_message', 'warn', 'suspend')),
    CONSTRAINT "report_not_self_check" CHECK ("reporter_id" <> "reported_user_id")
);

-- The queue: open reports newest first.
CREATE INDEX "report_open_idx" ON "report"("id" DESC) WHERE "status" = 'open';
-- A person's page and the queue's "prior reports": reports against them, and by them.
CREATE INDEX "report_reported_idx" ON "report"("reported_user_id", "id" DESC);
CREATE INDEX "report_reporter_idx" ON "report"("reporter_id", "id" DESC);
-- One open report per reporter and message, and per reporter and person (a second is a 409).
CREATE UNIQUE INDEX "report_open_message_key" ON "report"("reporter_id", "message_id") WHERE "status" = 'open' AND "message_id" IS NOT NULL;
CREATE UNIQUE INDEX "report_open_person_key" ON "report"("reporter_id", "reported_user_id") WHERE "status" = 'open' AND "message_id" IS NULL;

ALTER TABLE "report" ADD CONSTRAINT "report_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report" ADD CONSTRAINT "report_reported_user_id_fkey" FOREIGN KEY ("reported_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report" ADD CONSTRAINT "report_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "report" ADD CONSTRAINT "report_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "chat_chatroom"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "report" ADD CONSTRAINT "report_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A suspension: from created_at until ends_at (null: until lifted), unless lifted earlier.
CREATE TABLE "user_suspension" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "created_by_id" INTEGER,
    "report_id" BIGINT,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_suspension_pkey" PRIMARY KEY ("id")
);

-- The session check on every request and the person's page: their suspensions, newest first.
CREATE INDEX "user_suspension_user_idx" ON "user_suspension"("user_id", "id" DESC);

ALTER TABLE "user_suspension" ADD CONSTRAINT "user_suspension_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_suspension" ADD CONSTRAINT "user_suspension_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "user_suspension" ADD CONSTRAINT "user_suspension_lifted_by_id_fkey" FOREIGN KEY ("lifted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "user_suspension" ADD CONSTRAINT "user_suspension_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE SET NULL ON UPDATE CASCADE;
