import "server-only";
// The admin page door for server components: signed out → /login, not an admin → the 404 page,
// and one structured log line and the metrics per page load, from the same core as the REST door.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/credentials";
import { requireAdmin } from "@/lib/auth/session";
import { openDoor } from "@/lib/http/door";
import { AppError } from "@/lib/errors";

async function loadLogged<T>(route: string, load: (admin: SessionUser) => Promise<T>): Promise<T> {
  const door = openDoor("page", route, (await headers()).get("x-request-id"));
  let status = 200;
  try {
    const admin = await requireAdmin();
    door.setUser(admin.id);
    return await load(admin);
  } catch (error) {
    status = door.fail(error).status;
    throw error;
  } finally {
    door.finish(status);
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
