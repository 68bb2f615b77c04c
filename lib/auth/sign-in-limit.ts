// Sign-in attempts are limited per account and per client IP (every attempt counts).
import { enforce } from "@/lib/rate-limit";

export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}

export async function checkSignInLimits(request: Request): Promise<void> {
  const form = await request.clone().formData().catch(() => null);
  const account = String(form?.get("email") ?? "").trim().toLowerCase().slice(0, 254);
  await enforce("signIn", `ip:${clientIp(request)}`);
  if (account) await enforce("signIn", `account:${account}`);
}
