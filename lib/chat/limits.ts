// Chat limits as plain numbers, with no zod: the browser imports these (the composer's counter)
// without pulling the server's request schemas (lib/chat/schemas.ts) into its bundle.
export const MAX_MESSAGE_LENGTH = 4000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** A sender may edit a message this long after sending it (deleting has no limit). */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
