// The admin REST door: a signed-in user (401 otherwise, from authedRoute) who is an admin
// (404 otherwise). The lib/admin function called behind it checks again against the database.
import type { NextRequest } from "next/server";
import type { SessionUser } from "@/lib/auth/credentials";
import { AppError } from "@/lib/errors";
import type { Door } from "@/lib/http/door";
import { authedRoute } from "@/lib/http/route";

type Handler<P> = (args: { request: NextRequest; admin: SessionUser; params: P; emit: Door["emit"] }) => Promise<Response>;

export function adminRoute<P = Record<string, never>>(routeName: string, handler: Handler<P>) {
  return authedRoute<P>(routeName, async ({ request, user, params, emit }) => {
    if (user.role !== "ADMIN") throw new AppError("not_found", "Not found");
    return handler({ request, admin: user, params, emit });
  });
}
