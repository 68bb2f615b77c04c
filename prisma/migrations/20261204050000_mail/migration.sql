-- Account email: when the address was verified (accounts that exist now count as verified: the
-- demo data and everyone who signed up before verification existed), and a session version that
-- a password reset bumps, which signs out every session issued before it (lib/auth/session.ts).
ALTER TABLE "users" ADD COLUMN "email_verified_at" TIMESTAMPTZ(3);
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
UPDATE "users" SET "email_verified_at" = "created_at";

-- Single-use tokens mailed to a user (password reset, email verification): only a SHA-256 of
-- the token is stored, so a copy of the table cannot be used to sign in.
CREATE TABLE "account_token" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "purpose" VARCHAR(20) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "account_token_purpose_check" CHECK ("purpose" IN ('password_reset', 'email_verification'))
);

CREATE UNIQUE INDEX "account_token_hash_key" ON "account_token"("token_hash");
CREATE INDEX "account_token_user_idx" ON "account_token"("user_id", "purpose");

ALTER TABLE "account_token" ADD CONSTRAINT "account_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The unread email digest (lib/notify/digest.ts): when a room's unread was last emailed (at most
-- once an hour, and only for activity since), and a claim lease held while a run sends it, so
-- overlapping runs never send the same room twice and a run that dies loses nothing.
ALTER TABLE "chat_chatparticipant" ADD COLUMN "email_notified_at" TIMESTAMPTZ(3);
ALTER TABLE "chat_chatparticipant" ADD COLUMN "email_claimed_at" TIMESTAMPTZ(3);

-- Only the rows with unread activity not yet emailed, oldest activity first: the digest's one
-- query reads the due ones as a range of this index.
CREATE INDEX "chat_part_email_due_idx" ON "chat_chatparticipant"("activity_at")
    WHERE "unread_count" > 0 AND ("email_notified_at" IS NULL OR "email_notified_at" < "activity_at");
