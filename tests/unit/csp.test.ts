import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/http/csp";
import { storageOrigins } from "@/lib/storage/origins";

const parse = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

const embedded = { key: "app-key", cluster: "mt1", wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false };

describe("content security policy", () => {
  it("allows scripts only by this request's nonce, and connections only to the app and the realtime host", () => {
    const policy = parse(contentSecurityPolicy({ nonce: "abc", dev: false, realtime: embedded }));
    expect(policy).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'nonce-abc'", "'strict-dynamic'"],
      "style-src": ["'self'", "'nonce-abc'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'", "ws://127.0.0.1:6001", "http://127.0.0.1:6001", "wss://127.0.0.1:6001", "https://127.0.0.1:6001"],
      "worker-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("a TLS realtime host gets only its TLS origins", () => {
    const policy = parse(
      contentSecurityPolicy({
        nonce: "n",
        dev: false,
        realtime: { key: "k", cluster: "mt1", wsHost: "rt.example.com", wsPort: 443, forceTLS: true },
      }),
    );
    expect(policy["connect-src"]).toEqual(["'self'", "wss://rt.example.com:443", "https://rt.example.com:443"]);
  });

  it("lets the browser PUT uploads to and load photos from S3-compatible storage, and nothing more for local disk", () => {
    expect(storageOrigins({})).toEqual([]);
    expect(storageOrigins({ S3_BUCKET: "photos", S3_REGION: "eu-west-1" })).toEqual(["https://photos.s3.eu-west-1.amazonaws.com"]);
    expect(storageOrigins({ S3_BUCKET: "photos", S3_ENDPOINT: "https://acct.r2.cloudflarestorage.com" })).toEqual([
      "https://photos.acct.r2.cloudflarestorage.com",
    ]);
    expect(storageOrigins({ S3_BUCKET: "photos", S3_ENDPOINT: "http://minio.local:9000/", S3_FORCE_PATH_STYLE: true })).toEqual([
      "http://minio.local:9000",
    ]);
    const policy = parse(
      contentSecurityPolicy({ nonce: "n", dev: false, realtime: embedded, storage: ["https://photos.s3.eu-west-1.amazonaws.com"] }),
    );
    expect(policy["img-src"]).toEqual(["'self'", "data:", "blob:", "https://photos.s3.eu-west-1.amazonaws.com"]);
    expect(policy["connect-src"]).toContain("https://photos.s3.eu-west-1.amazonaws.com");
    expect(policy["script-src"]).not.toContain("https://photos.s3.eu-west-1.amazonaws.com");
  });

  it("uses hosted Pusher's cluster hosts when no host is configured", () => {
    const policy = parse(
      contentSecurityPolicy({ nonce: "n", dev: false, realtime: { key: "k", cluster: "eu", wsHost: null, wsPort: null, forceTLS: true } }),
    );
    expect(policy["connect-src"]).toEqual(["'self'", "wss://ws-eu.pusher.com", "https://sockjs-eu.pusher.com"]);
  });

  it("loosens only what next dev needs: eval for React's dev build, inline styles for the overlay", () => {
    const dev = parse(contentSecurityPolicy({ nonce: "n", dev: true, realtime: embedded }));
    expect(dev["script-src"]).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    const production = contentSecurityPolicy({ nonce: "n", dev: false, realtime: embedded });
    expect(production).not.toContain("unsafe-");
  });

  it("nonces are fresh, 128-bit, and in the alphabet Next.js reads back from the header", () => {
    const nonces = Array.from({ length: 100 }, createNonce);
    expect(new Set(nonces).size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});
