import { decodeSuspendedSignIn, suspensionEnd } from "@/lib/moderation/suspension-policy";

// What /login says for next-auth's `?error=` codes (pages.error is /login) and our own refusals.
const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google" };

export function signInErrorMessage(code: string | null, provider: string | null): string | null {
  if (!code) return null;
  const suspended = decodeSuspendedSignIn(code);
  if (suspended) return `Your account is suspended ${suspensionEnd(suspended.endsAt)}. Reason: ${suspended.reason}`;
  const name = PROVIDER_NAMES[provider ?? ""] ?? "your provider";
  switch (code) {
    case "OAuthEmailUnverified":
      return `Your ${name} account has no verified email address. Verify it with ${name}, then try again, or sign in with your password.`;
    case "AccountEmailUnverified":
      return `An account here already uses that address but has not confirmed it. Sign in with your password and confirm your email first, then ${name} sign-in works too.`;
    case "AccountDisabled":
      return "This account is deactivated.";
    case "CredentialsSignin":
      return "Wrong email or password.";
    default:
      return "Signing in did not work. Please try again.";
  }
}
