-- @mentions (lib/chat/mentions.ts). A mention is the token <@id> in a message's content; the send
-- records who it names (members of the room only) so "messages that mention me" is one index range.
CREATE TABLE "chat_message_mention" (
    "message_id" BIGINT NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "chat_message_mention_pkey" PRIMARY KEY ("message_id", "user_id")
);

-- A user's mentions, newest first; also the unread-mention recount (mentions after a read mark).
CREATE INDEX "chat_mention_user_idx" ON "chat_message_mention"("user_id", "message_id" DESC);

ALTER TABLE "chat_message_mention" ADD CONSTRAINT "chat_message_mention_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chat_message_mention" ADD CONSTRAINT "chat_message_mention_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Unread messages that mention the participant: kept by the send statement, read, edit and delete.
ALTER TABLE "chat_chatparticipant" ADD COLUMN "unread_mention_count" INTEGER NOT NULL DEFAULT 0;

-- Search ignores mention tokens: "<@123>" would otherwise index the word "123", so searching for a
-- number found every message mentioning user 123. lib/chat/search.ts uses the same expression.
DROP INDEX "chat_message_search_idx";
CREATE INDEX "chat_message_search_idx" ON "chat_message"
    USING GIN (to_tsvector('simple'::regconfig, regexp_replace("content", '<@[0-9]+>', ' ', 'g'))) WHERE "deleted_at" IS NULL;

-- A message's text with its recorded mentions as "@Display Name" (tokens it does not record stay
-- as typed): the room list's preview when it is recomputed in SQL (lib/chat/last-message.ts).
-- The same rule as lib/chat/mention-text.ts, one token at a time so a name cannot be re-read.
CREATE FUNCTION "chat_mention_text"(p_message_id BIGINT, p_content TEXT) RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$
DECLARE
    done TEXT := '';
    rest TEXT := p_content;
    found TEXT[];
    token TEXT;
    at INT;
    who TEXT;
BEGIN
    LOOP
        found := regexp_match(rest, '<@([1-9][0-9]{0,9})>');
        EXIT WHEN found IS NULL;
        token := '<@' || found[1] || '>';
        at := strpos(rest, token);
        who := NULL;
        SELECT u.display_name INTO who FROM chat_message_mention mm JOIN users u ON u.id = mm.user_id
            WHERE mm.message_id = p_message_id AND mm.user_id::bigint = found[1]::bigint;
        done := done || left(rest, at - 1) || COALESCE('@' || who, token);
        rest := substr(rest, at + length(token));
    END LOOP;
    RETURN done || rest;
END $$;
