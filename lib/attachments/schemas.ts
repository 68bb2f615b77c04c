// Input schemas for uploads and attachments (route handlers and the send action).
import { z } from "zod";
import { NO_NUL } from "@/lib/chat/schemas";

/** The browser's claims about a file: checked again against the bytes when the upload completes. */
export const createUploadBodySchema = z
  .object({
    name: z
      .string()
      .max(1000)
      .refine(...NO_NUL),
    // Over the limit is a 413 with its own message (lib/attachments/create.ts), not a schema error.
    size: z.number().int().min(1, "size: the file is empty").max(Number.MAX_SAFE_INTEGER),
    content_type: z
      .string()
      .max(200)
      .refine(...NO_NUL),
  })
  .strict();
export type CreateUploadBody = z.infer<typeof createUploadBodySchema>;

/** The local upload route's query: the signed token. */
export const uploadContentQuerySchema = z.object({ token: z.string().max(200) }).strict();
