// Web Push from the receiving end: a device's keys (what a browser's PushManager generates), a
// local push service that records what our server posts to it, and RFC 8291 decryption of the
// aes128gcm payload with the device's private key, as the browser does.
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";

export type DeviceKeys = { p256dh: string; auth: string; privateKey: Buffer; publicKey: Buffer; authSecret: Buffer };

export function deviceKeys(): DeviceKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const publicKey = ecdh.getPublicKey();
  const authSecret = randomBytes(16);
  return { p256dh: publicKey.toString("base64url"), auth: authSecret.toString("base64url"), privateKey: ecdh.getPrivateKey(), publicKey, authSecret };
}

/** The subscription body a browser posts for these keys. */
export const subscriptionBody = (endpoint: string, keys: DeviceKeys) => ({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } });

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) => Buffer.from(hkdfSync("sha256", ikm, salt, info, length));

/** RFC 8291 section 3 with RFC 8188's aes128gcm record: one record, padding delimiter 0x02. */
export function decryptPush(body: Buffer, keys: DeviceKeys): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(keys.privateKey);
  const shared = ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.publicKey, serverPublic]);
  const ikm = hkdf(keys.authSecret, shared, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
  const nonce = hkdf(salt, ikm, Buffer.from("Content-Encoding: nonce\0"), 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  const end = padded.lastIndexOf(2);
  if (end < 0 || padded.subarray(end + 1).some((b) => b !== 0)) throw new Error("bad padding");
  return padded.subarray(0, end).toString("utf8");
}

export type Delivery = { path: string; headers: IncomingHttpHeaders; body: Buffer };

/** A local push service: records every POST; answers each path with the status set for it (201 by default). */
export async function startPushService() {
  const received: Delivery[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** A fresh endpoint on this service. */
    endpoint: (name: string) => `${origin}/push/${name}-${randomBytes(4).toString("hex")}`,
    answer: (endpoint: string, status: number) => statuses.set(new URL(endpoint).pathname, status),
    to: (endpoint: string) => received.filter((d) => d.path === new URL(endpoint).pathname),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Stores a subscription for `userId` on a public endpoint (never posted to in these tests). */
export async function subscribedEndpoint(userId: number): Promise<string> {
  const keys = deviceKeys();
  const endpoint = `https://8.8.8.8/push/${randomBytes(8).toString("hex")}`;
  await db.pushSubscription.create({ data: { userId, endpoint, p256dh: keys.p256dh, auth: keys.auth } });
  return endpoint;
}
