-- Notification settings: email digest on/off and its delay, hiding message previews in
-- notifications, and whether @mentions notify even in a muted room.
ALTER TABLE "users" ADD COLUMN "notify_email" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "users" ADD COLUMN "notify_email_delay_minutes" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "users" ADD COLUMN "notify_hide_previews" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "users" ADD COLUMN "notify_mentions_when_muted" BOOLEAN NOT NULL DEFAULT false;

-- A muted room notifies nobody until this time; a far-future value means "until I unmute".
-- It still counts unread.
ALTER TABLE "chat_chatparticipant" ADD COLUMN "muted_until" TIMESTAMPTZ(3);

-- One Web Push subscription per device (browser profile): the push service's endpoint and the
-- keys the payload is encrypted with (RFC 8291).
CREATE TABLE "push_subscription" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" VARCHAR(128) NOT NULL,
    "auth" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "push_subscription_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "push_subscription_endpoint_key" ON "push_subscription"("endpoint");
CREATE INDEX "push_subscription_user_idx" ON "push_subscription"("user_id");

ALTER TABLE "push_subscription" ADD CONSTRAINT "push_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
