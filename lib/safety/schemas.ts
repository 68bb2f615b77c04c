// Input schemas of blocking (REST body and server actions).
import { z } from "zod";
import { rowId } from "@/lib/chat/schemas";

export const blockBodySchema = z.object({ user_id: rowId }).strict();
