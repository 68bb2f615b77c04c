import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/app/(auth)/login/login-form";
import { oauthProviders } from "@/lib/auth/options";
import { currentUser, shutOutBySuspension } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed-data";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const user = await currentUser();
  // A suspended session stays here: the page says why and until when (the chat layout sent it here).
  if (user && !shutOutBySuspension(user)) redirect("/");
  const demo =
    env().NODE_ENV !== "production"
      ? { users: DEMO_USERS.map((u) => ({ ...u, email: `${u.username}@example.com` })), password: DEMO_PASSWORD }
      : null;
  return <LoginForm demo={demo} oauth={oauthProviders()} />;
}
