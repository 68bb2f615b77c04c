import "server-only";
// The default storage: files on local disk (`.data/uploads`, or UPLOADS_DIR). Nothing to
// configure for `npm run dev`; uploads go through the app's own PUT route with a signed token,
// and the app serves the bytes itself. Not for serverless hosts, whose disk does not persist.
import { mkdir, readFile, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ObjectStorage, ReadResult } from "@/lib/storage/types";

export function localStorage(root: string): ObjectStorage {
  const base = path.resolve(root);
  const file = (key: string) => {
    const full = path.resolve(base, key);
    // Keys are ours, but a path that leaves the root is refused whatever made it.
    if (!full.startsWith(base + path.sep)) throw new Error(`storage key outside the uploads directory: ${key}`);
    return full;
  };
  return {
    driver: "local",
    async put(key, body) {
      const full = file(key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, body);
    },
    async read(key, maxBytes): Promise<ReadResult> {
      const full = file(key);
      const info = await stat(full).catch(() => null);
      if (!info?.isFile()) return { found: false };
      if (info.size > maxBytes) return { found: true, tooLarge: true, size: info.size };
      return { found: true, bytes: await readFile(full) };
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => rm(file(key), { force: true })));
      // Each upload's keys share a folder: drop it once empty.
      const folders = new Set(keys.map((key) => path.dirname(file(key))));
      await Promise.all([...folders].map((dir) => rmdir(dir).catch(() => undefined)));
    },
    presignUpload: async () => null,
    presignDownload: async () => null,
  };
}
