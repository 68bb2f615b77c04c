-- Photos and files in messages (lib/attachments): a row per upload, pending until the server has
-- read and verified its bytes, ready after (images re-encoded), attached once a message carries it.
CREATE TYPE "attachment_kind" AS ENUM ('image', 'file');
CREATE TYPE "attachment_status" AS ENUM ('pending', 'ready');

CREATE TABLE "chat_attachment" (
    "id" UUID NOT NULL,
    "room_id" INTEGER NOT NULL,
    "uploader_id" INTEGER NOT NULL,
    "message_id" BIGINT,
    "status" "attachment_status" NOT NULL DEFAULT 'pending',
    -- Null while pending: the kind is known once the bytes have been sniffed.
    "kind" "attachment_kind",
    "name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "storage_key" VARCHAR(300) NOT NULL,
    "thumb_key" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_attachment_pkey" PRIMARY KEY ("id")
);

-- "My uploads not sent yet in this room": the per-room cap and the send's check.
CREATE INDEX "chat_attachment_uploader_idx" ON "chat_attachment"("uploader_id", "room_id", "message_id");
-- A message's attachments (message_id = x), and the cleanup scan of never-attached uploads
-- (message_id IS NULL AND created_at < x): B-trees index NULLs, so one index serves both.
CREATE INDEX "chat_attachment_message_idx" ON "chat_attachment"("message_id", "created_at");

ALTER TABLE "chat_attachment" ADD CONSTRAINT "chat_attachment_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "chat_chatroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chat_attachment" ADD CONSTRAINT "chat_attachment_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chat_attachment" ADD CONSTRAINT "chat_attachment_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
