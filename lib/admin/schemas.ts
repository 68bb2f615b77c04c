// Input schemas for the admin doors (REST routes and server actions share them).
import { z } from "zod";
import { idParam, NO_NUL, peopleQueryParam, rowId, rowIdParam } from "@/lib/chat/schemas";

export const ADMIN_PAGE_SIZE = 50;

/** An id from JSON (number) or from a form or path (digits). */
export const adminId = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), idParam]);
/** A user id from JSON or a form: within the `integer` key range. */
const adminUserId = z.union([rowId, rowIdParam]);

const reason = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

export const deleteMessageSchema = z.object({ message_id: adminId, reason });
export type DeleteMessageInput = z.infer<typeof deleteMessageSchema>;

export const userTargetSchema = z.object({ user_id: adminUserId });
export type UserTargetInput = z.infer<typeof userTargetSchema>;

export const roleSchema = z.enum(["USER", "ADMIN"]);
export const changeRoleSchema = z.object({ user_id: adminUserId, role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const roomOwnerSchema = z.object({ room_id: adminUserId, user_id: adminUserId });
export type RoomOwnerInput = z.infer<typeof roomOwnerSchema>;
export const roomOwnerBodySchema = z.object({ user_id: rowId }).strict();

export const roleBodySchema = z.object({ role: roleSchema }).strict();
export const deleteQuerySchema = z
  .object({
    reason: z
      .string()
      .max(200)
      .refine(...NO_NUL)
      .optional(),
  })
  .strict();

export const userListQuerySchema = z
  .object({
    q: peopleQueryParam,
    after: rowIdParam.optional(),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const roomListQuerySchema = z.object({ cursor: z.string().max(100).optional() }).strict();

export const roomDetailQuerySchema = z.object({ before: idParam.optional() }).strict();

export const auditQuerySchema = z.object({ before: idParam.optional() }).strict();

export const EXPORT_FORMATS = ["json", "csv"] as const;
export const roomExportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default("json") }).strict();

export const DAY_MS = 86_400_000;
/** Longer spans are searched a year at a time (a dispute rarely needs more). */
export const MAX_SEARCH_RANGE_DAYS = 366;
const day = z
  .string()
  .regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD, from 1900 to 2099")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "not a date");
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Admin message search: words, a person (username), a room, and a date range (UTC days, both ends included). */
export const messageSearchQuerySchema = z
  .object({
    q: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(200)
        .refine(...NO_NUL)
        .optional(),
    ),
    user: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(40)
        .refine(...NO_NUL)
        .optional(),
    ),
    room_id: z.preprocess(blankToUndefined, rowIdParam.optional()),
    from: z.preprocess(blankToUndefined, day.optional()),
    to: z.preprocess(blankToUndefined, day.optional()),
    cursor: z.string().max(100).optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (!query.from || !query.to) return;
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS;
    if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "the range ends before it starts" });
    else if (days > MAX_SEARCH_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `a range of at most ${MAX_SEARCH_RANGE_DAYS} days` });
  });
export type MessageSearchQuery = z.infer<typeof messageSearchQuerySchema>;
