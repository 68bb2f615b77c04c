-- Transactional outbox: every realtime event a change produces is stored in the change's own
-- transaction, then published right after commit and, when that fails, by the drainer
-- (lib/realtime/drain.ts) with retries until the realtime API accepts it.
CREATE TABLE "realtime_outbox" (
    "id" BIGSERIAL NOT NULL,
    "event" JSONB NOT NULL,
    -- Events with the same key describe the same thing (a user's view of a room, a group's
    -- member list): a newer one makes an unpublished older one pointless to replay.
    "supersede_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "published_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    CONSTRAINT "realtime_outbox_pkey" PRIMARY KEY ("id")
);

-- Due rows (published_at IS NULL, next_attempt_at <= now()) and pruning (published_at < t).
CREATE INDEX "realtime_outbox_due_idx" ON "realtime_outbox"("published_at", "next_attempt_at");
-- "Is there a newer event with this key?"
CREATE INDEX "realtime_outbox_supersede_idx" ON "realtime_outbox"("supersede_key", "id");
