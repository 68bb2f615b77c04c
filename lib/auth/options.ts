import "server-only";
// next-auth configuration: credentials (email or username + password), JWT sessions carrying
// id, username and role; GitHub/Google only when their env vars are set, signing in only with an
// email the provider has verified (lib/auth/oauth-user.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { UserinfoEndpointHandler } from "next-auth/providers/oauth";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { credentialsSchema, verifyCredentials, type SessionUser } from "@/lib/auth/credentials";
import { oauthSignIn } from "@/lib/auth/oauth-user";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { sessionVersion } from "@/lib/auth/session-version";
import { reportSignInOutcome } from "@/lib/auth/sign-in-limit";
import { activeSuspension } from "@/lib/moderation/suspensions";
import { encodeSuspendedSignIn } from "@/lib/moderation/suspension-policy";

export type OAuthProviderButton = { id: "github" | "google"; name: string };

/** The OAuth providers switched on by their env vars, for /login's buttons. */
export function oauthProviders(): OAuthProviderButton[] {
  const e = env();
  const list: OAuthProviderButton[] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

// next-auth's GitHub provider fetches /user/emails only when the public email is empty and then
// keeps no `verified` flag: fetch it always, so the profile says which address GitHub verified.
const githubUserinfo: UserinfoEndpointHandler = {
  url: "https://api.github.com/user",
  async request({ client, tokens }) {
    const token = tokens.access_token ?? "";
    const profile = await client.userinfo(token);
    const response = await fetch("https://api.github.com/user/emails", { headers: { Authorization: `token ${token}`, "User-Agent": "jobchat" } });
    return { ...profile, emails: response.ok ? ((await response.json()) as unknown) : [] };
  },
};

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(body) {
        // `body` is the whole request body, typed by next-auth but not checked.
        const credentials = credentialsSchema.safeParse(body);
        if (!credentials.success) return null;
        const user = await verifyCredentials(credentials.data.email, credentials.data.password);
        reportSignInOutcome(user ? "succeeded" : "failed");
        if (!user) log.info({ event: "auth.failure", provider: "credentials" }, "sign-in refused");
        const suspension = user ? await activeSuspension(user.id) : null;
        if (suspension) {
          log.info({ event: "auth.failure", provider: "credentials", reason: "suspended", user_id: user?.id }, "sign-in refused");
          // next-auth hands a thrown message to /login as ?error=: the end and the reason.
          throw new Error(encodeSuspendedSignIn(suspension));
        }
        return user ? { ...user, id: String(user.id) } : null;
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET, userinfo: githubUserinfo }));
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) list.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  return list;
}

export const authOptions: NextAuthOptions = {
  providers: providers(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // next-auth's own encode; its decode with the derived key kept (lib/auth/session-token.ts).
  jwt: { decode: decodeSessionToken },
  // next-auth's errors (an OAuth refusal among them) land on /login as ?error=<code>.
  pages: { signIn: "/login", error: "/login" },
  secret: env().NEXTAUTH_SECRET,
  callbacks: {
    async signIn({ account, profile }) {
      if (!account || account.provider === "credentials") return true;
      const result = await oauthSignIn(account.provider, profile);
      if (result.ok) {
        const suspension = await activeSuspension(result.user.id);
        if (!suspension) return true;
        log.info({ event: "auth.failure", provider: account.provider, reason: "suspended", user_id: result.user.id }, "sign-in refused");
        return `/login?${new URLSearchParams({ error: encodeSuspendedSignIn(suspension), provider: account.provider })}`;
      }
      log.info({ event: "auth.failure", provider: account.provider, reason: result.error }, "sign-in refused");
      return `/login?${new URLSearchParams({ error: result.error, provider: account.provider })}`;
    },
    async jwt({ token, user, account, profile }) {
      if (user && account) {
        let sessionUser: SessionUser | null = null;
        if (account.provider === "credentials") {
          const u = user as unknown as SessionUser;
          sessionUser = { id: Number(user.id), username: u.username, name: user.name ?? "", role: u.role };
        } else {
          const result = await oauthSignIn(account.provider, profile);
          sessionUser = result.ok ? result.user : null;
        }
        if (sessionUser) {
          token.uid = sessionUser.id;
          token.sv = await sessionVersion(sessionUser.id);
          token.username = sessionUser.username;
          token.role = sessionUser.role;
          token.name = sessionUser.name;
        }
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "number") {
        session.user.id = token.uid;
        session.user.username = String(token.username);
        session.user.role = token.role === "ADMIN" ? "ADMIN" : "USER";
        session.user.sv = typeof token.sv === "number" ? token.sv : 0;
      }
      return session;
    },
  },
};
