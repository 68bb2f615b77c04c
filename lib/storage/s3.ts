import "server-only";
// Production storage: any S3-compatible object store (AWS S3, Cloudflare R2, MinIO) through the
// AWS SDK. Browsers PUT the bytes straight to it with a presigned URL (Vercel functions refuse
// request bodies over 4.5 MB) and fetch files through short-lived presigned GETs whose response
// headers (type, disposition) are fixed by the signature.
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { ObjectStorage, ReadResult } from "@/lib/storage/types";

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
};

export function s3Storage(settings: S3Settings): ObjectStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums the browser's plain PUT cannot send would make presigned uploads fail.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  return {
    driver: "s3",
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async read(key, maxBytes): Promise<ReadResult> {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        const size = head.ContentLength ?? 0;
        if (size > maxBytes) return { found: true, tooLarge: true, size };
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
        // The object may have been replaced between the two calls.
        if (bytes.length > maxBytes) return { found: true, tooLarge: true, size: bytes.length };
        return { found: true, bytes };
      } catch (error) {
        if (isMissing(error)) return { found: false };
        throw error;
      }
    },
    async remove(keys) {
      if (keys.length === 0) return;
      await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
    },
    async presignUpload(key, { contentType, size, expiresInSeconds }) {
      // Content-Type and Content-Length are signed: the store refuses a PUT of another type or size.
      const command = new PutObjectCommand({ Bucket, Key: key, ContentType: contentType, ContentLength: size });
      const url = await getSignedUrl(client, command, {
        expiresIn: expiresInSeconds,
        signableHeaders: new Set(["content-type", "content-length"]),
      });
      return { url, headers: { "Content-Type": contentType } };
    },
    async presignDownload(key, { contentType, disposition, expiresInSeconds }) {
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: disposition,
        ResponseCacheControl: "private, max-age=300",
      });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
  };
}
