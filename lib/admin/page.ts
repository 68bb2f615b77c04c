import "server-only";
// The admin page door for server components: signed out → /login, not an admin → the 404 page,
// and one structured log line per page load with the same fields as the REST door.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/credentials";
import { requireAdmin } from "@/lib/auth/session";
import { AppError, HTTP_STATUS, toWireError } from "@/lib/errors";
import { log } from "@/lib/log";

async function loadLogged<T>(route: string, load: (admin: SessionUser) => Promise<T>): Promise<T> {
  const started = performance.now();
  const requestId = (await headers()).get("x-request-id")?.slice(0, 64) || randomUUID();
  let userId: number | null = null;
  let status = 200;
  try {
    const admin = await requireAdmin();
    userId = admin.id;
    return await load(admin);
  } catch (error) {
    status = HTTP_STATUS[toWireError(error).code];
    if (!(error instanceof AppError)) log.error({ event: "page.error", request_id: requestId, route, error: String(error) }, "page failed");
    throw error;
  } finally {
    log.info(
      { event: "page.request", request_id: requestId, route, user_id: userId, status, duration_ms: Math.round(performance.now() - started) },
      "admin page",
    );
  }
}

/**
 * Every admin page and the admin layout load their data through this (layouts and pages render
 * independently, so each checks). redirect() and notFound() throw, so they run out here.
 */
export async function adminPage<T>(route: string, load: (admin: SessionUser) => Promise<T>): Promise<T> {
  try {
    return await loadLogged(route, load);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") redirect("/login?callbackUrl=%2Fadmin");
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
