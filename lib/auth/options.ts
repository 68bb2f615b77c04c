// next-auth configuration: credentials (email or username + password), JWT sessions carrying
// id, username and role; GitHub/Google only when their env vars are set.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { verifyCredentials, type SessionUser } from "@/lib/auth/credentials";
import { upsertOAuthUser } from "@/lib/auth/oauth-user";

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await verifyCredentials(String(credentials?.email ?? ""), String(credentials?.password ?? ""));
        if (!user) log.info({ event: "auth.failure", provider: "credentials" }, "sign-in refused");
        return user ? { ...user, id: String(user.id) } : null;
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) list.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  return list;
}

export const authOptions: NextAuthOptions = {
  providers: providers(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  secret: env().NEXTAUTH_SECRET,
  callbacks: {
    async jwt({ token, user, account }) {
      if (user && account) {
        const sessionUser: SessionUser | null =
          account.provider === "credentials"
            ? { id: Number(user.id), username: (user as unknown as SessionUser).username, name: user.name ?? "", role: (user as unknown as SessionUser).role }
            : await upsertOAuthUser({ email: user.email, name: user.name });
        if (sessionUser) {
          token.uid = sessionUser.id;
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
      }
      return session;
    },
  },
};
