// A job's status and what follows from it, shared by the server and the browser (no imports):
// who may see the address, and when a finished job's room stops taking messages.
export const JOB_STATUSES = ["open", "booked", "in_progress", "completed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Booked or later: the address is for the job's client and cleaner only (never while open, nor once cancelled). */
export const ADDRESS_VISIBLE_STATUSES: readonly JobStatus[] = ["booked", "in_progress", "completed"];

/** A completed or cancelled job's room turns read-only this long after the status changed. */
export const READ_ONLY_AFTER_DAYS = 14;
export const READ_ONLY_AFTER_MS = READ_ONLY_AFTER_DAYS * 24 * 60 * 60 * 1000;

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  open: "Open",
  booked: "Booked",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** Whether the job's room takes no more messages at `now`: completed or cancelled for READ_ONLY_AFTER_DAYS. */
export function isJobRoomReadOnly(status: JobStatus, statusChangedAt: Date, now: number = Date.now()): boolean {
  return (status === "completed" || status === "cancelled") && now - statusChangedAt.getTime() >= READ_ONLY_AFTER_MS;
}

/** Why the room is read-only, with the day the job finished (as the caller words it). */
export function readOnlyReason(status: JobStatus, day: string): string {
  return `This job was ${status === "cancelled" ? "cancelled" : "completed"} on ${day}; the chat is read-only.`;
}
