-- Each edit of a message keeps the text it replaced, for admins (the room detail page).
CREATE TABLE "chat_message_edit" (
    "id" BIGSERIAL NOT NULL,
    "message_id" BIGINT NOT NULL,
    "old_content" TEXT NOT NULL,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_message_edit_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "chat_message_edit_message_idx" ON "chat_message_edit"("message_id", "edited_at");

ALTER TABLE "chat_message_edit" ADD CONSTRAINT "chat_message_edit_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
