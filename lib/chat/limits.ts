// Chat limits as plain numbers, with no zod: the browser imports these (the composer's counter)
// without pulling the server's request schemas (lib/chat/schemas.ts) into its bundle.
export const MAX_MESSAGE_LENGTH = 4000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
