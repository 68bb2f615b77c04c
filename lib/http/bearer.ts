// Service doors that answer to a shared secret (`Authorization: Bearer <secret>`) rather than a
// session: metrics, the outbox cron, the marketplace's job assignment.
import { createHash, timingSafeEqual } from "node:crypto";

// Hashing both sides gives equal lengths, so the comparison takes the same time for any secret.
const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether the request carries exactly `secret` as its bearer token, compared in constant time. */
export function presentsBearer(request: Request, secret: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(secret));
}
