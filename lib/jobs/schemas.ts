// Input of the marketplace's assignment door (POST /api/jobs/{id}/assignment), checked with zod.
import { z } from "zod";
import { rowId } from "@/lib/chat/schemas";
import { JOB_STATUSES } from "@/lib/jobs/status";

export const assignmentBodySchema = z
  .object({
    client_id: rowId,
    /** null: no cleaner (the job is open again, or was never taken). */
    cleaner_id: rowId.nullable(),
    status: z.enum(JOB_STATUSES).optional(),
  })
  .strict()
  .refine((b) => b.cleaner_id !== b.client_id, { message: "client_id and cleaner_id must be different people", path: ["cleaner_id"] });
export type AssignmentBody = z.infer<typeof assignmentBodySchema>;
