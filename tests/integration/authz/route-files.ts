// The route handlers that exist, read from app/api at test time: every route.ts and the HTTP
// methods its module exports (however it exports them), with its dynamic segments.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

const API = path.join(process.cwd(), "app", "api");
export type AnyHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type RouteMethod = {
  file: string;
  method: string;
  handler: AnyHandler;
  /** Dynamic segments in path order: `[name]` (one segment) or `[...name]` (several). */
  segments: Array<{ name: string; catchAll: boolean }>;
};

export function routeFiles(dir = API): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return routeFiles(full);
      return name === "route.ts" ? [path.relative(API, dir)] : [];
    });
}

export async function routeMethods(): Promise<RouteMethod[]> {
  const out: RouteMethod[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(`@/app/api/${file}/route`)) as Record<string, unknown>;
    const segments = [...file.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => ({ name: m[2], catchAll: Boolean(m[1]) }));
    for (const method of METHODS) {
      if (typeof mod[method] === "function") out.push({ file, method, handler: mod[method] as AnyHandler, segments });
    }
  }
  return out;
}
