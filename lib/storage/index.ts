import "server-only";
// The one storage the app uses, chosen by the environment: S3-compatible when S3_BUCKET is set,
// else local disk (UPLOADS_DIR, by default .data/uploads under the working directory).
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { localStorage } from "@/lib/storage/local";
import { s3Storage } from "@/lib/storage/s3";
import type { ObjectStorage } from "@/lib/storage/types";

let cached: ObjectStorage | undefined;

export function storage(): ObjectStorage {
  if (cached) return cached;
  const e = env();
  if (e.S3_BUCKET) {
    if (!e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY)
      throw new AppError("unavailable", "S3_BUCKET is set without S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
    cached = s3Storage({
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    });
  } else {
    cached = localStorage(e.UPLOADS_DIR ?? path.join(process.cwd(), ".data", "uploads"));
  }
  return cached;
}

/** Tests that switch drivers (process.env, then resetEnvCache) call this too. */
export function resetStorage(): void {
  cached = undefined;
}
