-- A job as the marketplace describes it: when (scheduled_at), where (area, shown to the room;
-- address, private until the job is booked), and a status from a fixed set whose last change
-- (status_changed_at) starts the read-only clock of a completed or cancelled job's room.
CREATE TYPE "job_status" AS ENUM ('open', 'booked', 'in_progress', 'completed', 'cancelled');

-- The demo seed used to write 'assigned' for a job with a cleaner: that is 'booked' now.
UPDATE "jobs" SET "status" = 'booked' WHERE "status" = 'assigned';
UPDATE "jobs" SET "status" = 'open' WHERE "status" NOT IN ('open', 'booked', 'in_progress', 'completed', 'cancelled');

ALTER TABLE "jobs" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "jobs" ALTER COLUMN "status" TYPE "job_status" USING "status"::"job_status";
ALTER TABLE "jobs" ALTER COLUMN "status" SET DEFAULT 'open';

ALTER TABLE "jobs"
    ADD COLUMN "scheduled_at" TIMESTAMPTZ(3),
    ADD COLUMN "area" VARCHAR(120),
    ADD COLUMN "address" VARCHAR(300),
    ADD COLUMN "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
