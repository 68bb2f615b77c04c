import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: number; username: string; role: "USER" | "ADMIN"; sv?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    username?: string;
    role?: "USER" | "ADMIN";
    /** users.session_version when the session was issued: a password reset bumps it. */
    sv?: number;
  }
}
