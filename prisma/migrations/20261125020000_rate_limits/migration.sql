-- Rate-limit windows shared by every app instance (sliding window over two fixed windows).
CREATE TABLE "rate_limit" (
    "key" VARCHAR(200) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key", "window_start")
);
-- The periodic clean-up deletes old windows by window_start.
CREATE INDEX "rate_limit_window_start_idx" ON "rate_limit"("window_start");
