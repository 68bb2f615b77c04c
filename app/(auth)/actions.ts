"use server";
// Registration: validate with the shared schema, create the account, answer a typed result.
// The page then signs in through next-auth, like the login page.
import { headers } from "next/headers";
import { registerSchema, registerUser, type RegisterInput } from "@/lib/auth/register";
import { toWireError, type WireError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { enforce } from "@/lib/rate-limit";

export type RegisterFieldErrors = Partial<Record<keyof RegisterInput, string>>;
export type RegisterResult = { ok: true; data: { username: string } } | { ok: false; error: WireError; fieldErrors?: RegisterFieldErrors };

export async function registerAction(input: unknown): Promise<RegisterResult> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: RegisterFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && field in registerSchema.shape) fieldErrors[field as keyof RegisterInput] ??= issue.message;
    }
    return { ok: false, error: { code: "invalid_input", message: "Please check the highlighted fields." }, fieldErrors };
  }
  try {
    // New accounts per client address, under the per-IP sign-in threshold (every one counts).
    await enforce("signInIp", `register:${clientIp(await headers())}`);
    const user = await registerUser(parsed.data);
    log.info({ event: "auth.register", user_id: user.id }, "account created");
    return { ok: true, data: { username: user.username } };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.code === "internal") log.error({ event: "auth.register", error: String(error) }, "registration failed");
    return { ok: false, error: wire };
  }
}
