// The storage interface behind photos and files: two drivers, chosen by the environment
// (lib/storage/index.ts). Keys are made by lib/attachments, never by a client.

export type StorageDriver = "local" | "s3";

/** What a read found: the bytes, nothing, or more than the caller will take (not read). */
export type ReadResult = { found: true; bytes: Buffer } | { found: false } | { found: true; tooLarge: true; size: number };

export type PresignedUpload = { url: string; headers: Record<string, string> };

export interface ObjectStorage {
  readonly driver: StorageDriver;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Reads at most `maxBytes`: a larger object is reported, not read. */
  read(key: string, maxBytes: number): Promise<ReadResult>;
  /** Deletes the keys that exist; absent ones are not an error. */
  remove(keys: string[]): Promise<void>;
  /** A URL the browser PUTs the bytes to directly, or null when the app's own route takes them (local disk). */
  presignUpload(key: string, input: { contentType: string; size: number; expiresInSeconds: number }): Promise<PresignedUpload | null>;
  /** A short-lived URL that serves the object with these headers, or null when the app serves it itself. */
  presignDownload(key: string, input: { contentType: string; disposition: string; expiresInSeconds: number }): Promise<string | null>;
}
