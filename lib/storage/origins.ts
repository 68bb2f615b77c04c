// Where the browser itself talks to storage (presigned PUTs and GETs), for the page's CSP: no
// origin for local disk (the app's own routes), the bucket's for S3. No SDK here: proxy.ts imports it.

export type StorageOriginSettings = { S3_BUCKET?: string; S3_ENDPOINT?: string; S3_REGION?: string; S3_FORCE_PATH_STYLE?: boolean };

export function storageOrigins(settings: StorageOriginSettings): string[] {
  if (!settings.S3_BUCKET) return [];
  if (settings.S3_ENDPOINT) {
    const endpoint = new URL(settings.S3_ENDPOINT);
    // Virtual-hosted style puts the bucket in the host name.
    return [settings.S3_FORCE_PATH_STYLE ? endpoint.origin : `${endpoint.protocol}//${settings.S3_BUCKET}.${endpoint.host}`];
  }
  return [`https://${settings.S3_BUCKET}.s3.${settings.S3_REGION ?? "us-east-1"}.amazonaws.com`];
}
