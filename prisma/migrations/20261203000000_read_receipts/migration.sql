-- Whether a user shares when they have read a room (and so sees others' receipts), as in WhatsApp.
ALTER TABLE "users" ADD COLUMN "read_receipts" BOOLEAN NOT NULL DEFAULT true;
