// Every limit on photos and files, in one place, as plain numbers: the browser may import these
// (the composer's checks) without pulling in server code.

/** Bytes of one upload, as the browser claims it and as the server then reads it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Attachments on one message, and uploads one user may hold unsent in one room. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
export const MAX_PENDING_UPLOADS_PER_ROOM = 10;
/** A file's name as stored and shown, in UTF-8 bytes (cut between characters, never inside one). */
export const MAX_NAME_BYTES = 200;
/** Decoded pixels (width × height) an image may declare: more is refused before decoding (a decompression bomb). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** The longest side of the image that is served, and of its thumbnail. */
export const DISPLAY_MAX_PX = 1600;
export const THUMB_MAX_PX = 400;
/** How long an upload URL (presigned PUT or the local route's token) and a presigned GET stay valid. */
export const UPLOAD_URL_TTL_SECONDS = 5 * 60;
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;
/** An upload no message carries is deleted (row and bytes) this long after it was created. */
export const UNATTACHED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** What the server accepts, by the type sniffed from the bytes (never the name or the header). */
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/heic", "image/heif"] as const;
export const FILE_TYPES = ["application/pdf"] as const;
