-- Message search (lib/chat/search.ts): full-text over content with the language-agnostic
-- `simple` configuration (no stemming, no stop words, so names and codes like "4B" stay whole).
-- An expression index, not a stored column: no extra bytes per row in the table. Partial on
-- live messages: deleted ones never match and take no room in the index.
CREATE INDEX "chat_message_search_idx" ON "chat_message"
    USING GIN (to_tsvector('simple'::regconfig, "content")) WHERE "deleted_at" IS NULL;
