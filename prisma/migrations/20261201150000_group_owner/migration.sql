-- Group rooms get an owner: the creator, or whoever an admin names. Only the owner (or an admin)
-- removes other members. Null for direct and job rooms, and for a group nobody is left in.
ALTER TABLE "chat_chatroom" ADD COLUMN "owner_id" INTEGER;
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_owner_id_fkey"
    FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing groups: their earliest participant (the creator was inserted first).
UPDATE "chat_chatroom" r SET "owner_id" = (
    SELECT p."user_id" FROM "chat_chatparticipant" p
    WHERE p."room_id" = r."id" ORDER BY p."joined_at", p."id" LIMIT 1)
WHERE r."kind" = 'GROUP';
