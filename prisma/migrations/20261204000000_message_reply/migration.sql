-- A message may reply to an earlier message of the same room (the send checks the room). Deletion
-- in the app is soft, so the link survives it; a hard delete (a room's cascade) clears it.
ALTER TABLE "chat_message" ADD COLUMN "reply_to_id" BIGINT;

ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_reply_to_id_fkey" FOREIGN KEY ("reply_to_id") REFERENCES "chat_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ON DELETE SET NULL looks up the replies of every deleted row: without an index, deleting a
-- room's messages would scan the table once per message. Partial: most messages reply to nothing.
CREATE INDEX "chat_message_reply_to_idx" ON "chat_message" ("reply_to_id") WHERE "reply_to_id" IS NOT NULL;
