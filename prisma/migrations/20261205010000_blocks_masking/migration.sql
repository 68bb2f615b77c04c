-- Blocks (lib/safety/blocks.ts): who blocked whom. A block hides the blocker from the blocked
-- person's people search and refuses them a new direct room or adding the blocker to a group.
CREATE TABLE "user_block" (
    "blocker_id" INTEGER NOT NULL,
    "blocked_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_block_pkey" PRIMARY KEY ("blocker_id", "blocked_id"),
    CONSTRAINT "user_block_not_self" CHECK ("blocker_id" <> "blocked_id")
);

-- "Who blocked me": the people search and the send check look it up by the blocked person.
CREATE INDEX "user_block_blocked_idx" ON "user_block"("blocked_id", "blocker_id");

ALTER TABLE "user_block" ADD CONSTRAINT "user_block_blocker_id_fkey" FOREIGN KEY ("blocker_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_block" ADD CONSTRAINT "user_block_blocked_id_fkey" FOREIGN KEY ("blocked_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A message withheld from the other person of a direct room who had blocked its sender; the
-- text before off-platform contact details were masked (admins only); when retention purged a
-- deleted message's content.
ALTER TABLE "chat_message" ADD COLUMN "withheld" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "chat_message" ADD COLUMN "original_content" TEXT;
ALTER TABLE "chat_message" ADD COLUMN "purged_at" TIMESTAMPTZ(3);

-- The retention purge's queue: deleted, not yet purged, oldest first.
CREATE INDEX "chat_message_purge_due_idx" ON "chat_message"("deleted_at") WHERE "deleted_at" IS NOT NULL AND "purged_at" IS NULL;

-- Reachability (lib/safety/reach.ts): the jobs between two people, from either side.
CREATE INDEX "jobs_client_idx" ON "jobs"("client_id", "cleaner_id");
CREATE INDEX "jobs_cleaner_idx" ON "jobs"("cleaner_id", "client_id");
