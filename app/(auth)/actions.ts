"use server";
// Account actions: registration (validate with the shared schema, create the account, mail the
// verification link, answer a typed result; the page then signs in through next-auth, like the
// login page), password reset (ask by email, then set a new password with the mailed token),
// email verification (resend the link from the banner).
import { headers } from "next/headers";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { RESET_REQUESTED, requestPasswordReset, resetPasswordSchema, resetRequestSchema, resetPassword } from "@/lib/auth/password-reset";
import { registerSchema, registerUser, type RegisterInput } from "@/lib/auth/register";
import { requireUser } from "@/lib/auth/session";
import { type ActionResult, toWireError, type WireError } from "@/lib/errors";
import { afterResponse } from "@/lib/http/after-response";
import { clientIp } from "@/lib/http/client-ip";
import { parseWith } from "@/lib/http/parse";
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
    afterResponse("auth.verification_mail", () => sendVerificationEmail(user.id));
    return { ok: true, data: { username: user.username } };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.code === "internal") log.error({ event: "auth.register", error: String(error) }, "registration failed");
    return { ok: false, error: wire };
  }
}

/** Public, like registration: the door logs what failed and answers the wire error. */
async function publicAction<T>(name: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.code === "internal") log.error({ event: name, error: String(error) }, "action failed");
    return { ok: false, error: wire };
  }
}

/** The same answer whether or not the address has an account; 429 (alike) past the limits. */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return publicAction("auth.reset_request", async () => {
    const { email } = parseWith(resetRequestSchema, input);
    const mail = await requestPasswordReset(email, clientIp(await headers()));
    if (mail) afterResponse("auth.reset_mail", mail);
    return { message: RESET_REQUESTED };
  });
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return publicAction("auth.reset", async () => {
    await resetPassword(parseWith(resetPasswordSchema, input));
    return { message: "Your password is changed. Sign in with the new one." };
  });
}

/** From the banner: mails a fresh verification link to the signed-in user's address. */
export async function resendVerificationAction(): Promise<ActionResult<{ message: string }>> {
  return publicAction("auth.verification_resend", async () => {
    const user = await requireUser();
    const outcome = await sendVerificationEmail(user.id);
    return { message: outcome === "sent" ? "We have sent you a new confirmation link." : "Your email address is already confirmed." };
  });
}
