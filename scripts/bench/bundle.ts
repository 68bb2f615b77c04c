// The room page's weight, two ways. From the build output: the first-load chunks `next build`
// lists for /rooms/[roomId] (.next/diagnostics/route-bundle-stats.json), gzipped and summed, the
// figure the target is set on. As a browser sees it: `next start` on the production build (the
// e2e server: throw-away database with the demo data), a signed-in Chromium with an empty cache
// opens a room, and every script it loads until the network is idle is summed, lazily loaded
// chunks included (pusher-js, imported once the page is up). Then Lighthouse (mobile preset)
// scores the same page with the same session. Needs `npm run build` first.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { freePort } from "@/scripts/db/free-port";
import { runLighthouse } from "./lighthouse";
import { waitForHealth } from "./wait-for-health";

export type BundleResult = {
  /** First-load JavaScript of /rooms/[roomId] per the build output, gzipped. */
  room_page_js_gz_kb: number;
  room_page_js_kb: number;
  room_page_scripts: number;
  /** Every script a signed-in browser loads opening a room until the network is idle, gzipped. */
  room_page_loaded_js_gz_kb: number;
  room_page_loaded_scripts: number;
  lighthouse_room_performance: number | null;
  lighthouse_room_tbt_ms: number | null;
};

export type ScriptSize = { url: string; bytes: number; gzip_bytes: number };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

async function startServer(port: number, controlPort: number): Promise<ChildProcess> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const server = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/e2e-server.ts"], {
    env: { ...process.env, E2E_PORT: String(port), E2E_CONTROL_PORT: String(controlPort), LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(`http://localhost:${port}`, server, { name: "the e2e server", timeoutMs: 180_000 });
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

const ROUTE = "/rooms/[roomId]";

/** The route's first-load chunks as `next build` recorded them. */
export function firstLoadScripts(distDir = ".next"): ScriptSize[] {
  const stats = JSON.parse(readFileSync(path.join(distDir, "diagnostics", "route-bundle-stats.json"), "utf8")) as Array<{
    route: string;
    firstLoadChunkPaths: string[];
  }>;
  const route = stats.find((r) => r.route === ROUTE);
  if (!route) throw new Error(`the build output lists no ${ROUTE}`);
  return route.firstLoadChunkPaths
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const body = readFileSync(path.join(distDir, "..", file));
      return { url: `/${file}`, bytes: body.length, gzip_bytes: gzipSync(body).length };
    });
}

/** Signs in as the demo client and returns the session cookie header and a room's path. */
async function signIn(browser: import("@playwright/test").Browser, baseURL: string) {
  const page = await browser.newPage({ baseURL });
  await page.goto("/login");
  await page.getByLabel("Email").fill("client1@example.com");
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Sign in" }).click();
  const room = page
    .getByRole("navigation", { name: "Conversations" })
    .getByRole("link", { name: /End-of-tenancy clean/ })
    .first();
  const href = await room.getAttribute("href");
  if (!href) throw new Error("no job room in the list");
  const cookies = await page.context().cookies();
  await page.close();
  return { href, cookies };
}

/** Every script a fresh, signed-in tab loads for `href` until the network is idle. */
async function measureScripts(
  browser: import("@playwright/test").Browser,
  baseURL: string,
  href: string,
  cookies: Awaited<ReturnType<typeof signIn>>["cookies"],
) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const pending: Array<Promise<ScriptSize | null>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, bytes: body.length, gzip_bytes: gzipSync(body).length }),
        () => null,
      ),
    );
  });
  await page.goto(href, { waitUntil: "networkidle" });
  await page.getByRole("textbox", { name: /message/i }).waitFor();
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptSize => s !== null);
  await context.close();
  return scripts;
}

export async function measureRoomPage(options: {
  lighthouse: boolean;
  log?: (line: string) => void;
}): Promise<{ result: BundleResult; scripts: ScriptSize[] }> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const log = options.log ?? (() => {});
  const firstLoad = firstLoadScripts(path.join(process.cwd(), ".next"));
  const sum = (list: ScriptSize[], key: "bytes" | "gzip_bytes") => list.reduce((total, s) => total + s[key], 0);
  log(
    `room page first load (build output): ${firstLoad.length} scripts, ${kb(sum(firstLoad, "gzip_bytes"))} KB gzipped (${kb(sum(firstLoad, "bytes"))} KB raw)`,
  );
  const port = await freePort(Number(process.env.E2E_PORT ?? 0));
  const controlPort = await freePort(Number(process.env.E2E_CONTROL_PORT ?? 0));
  const baseURL = `http://localhost:${port}`;
  const server = await startServer(port, controlPort);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const { href, cookies } = await signIn(browser, baseURL);
    const scripts = await measureScripts(browser, baseURL, href, cookies);
    log(
      `room page in the browser, until idle: ${scripts.length} scripts, ${kb(sum(scripts, "gzip_bytes"))} KB gzipped (${kb(sum(scripts, "bytes"))} KB raw)`,
    );
    let lighthouse: Awaited<ReturnType<typeof runLighthouse>> | null = null;
    if (options.lighthouse) {
      const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      lighthouse = await runLighthouse(`${baseURL}${href}`, cookie);
      const each = lighthouse.runs
        .map((r) => `${r.performance}: FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, SI ${r.speedIndexMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}`)
        .join("; ");
      log(
        `lighthouse (mobile, median of ${lighthouse.runs.length}): performance ${lighthouse.performance}, total blocking time ${lighthouse.tbtMs} ms (${each})`,
      );
    }
    return {
      result: {
        room_page_js_gz_kb: kb(sum(firstLoad, "gzip_bytes")),
        room_page_js_kb: kb(sum(firstLoad, "bytes")),
        room_page_scripts: firstLoad.length,
        room_page_loaded_js_gz_kb: kb(sum(scripts, "gzip_bytes")),
        room_page_loaded_scripts: scripts.length,
        lighthouse_room_performance: lighthouse?.performance ?? null,
        lighthouse_room_tbt_ms: lighthouse?.tbtMs ?? null,
      },
      scripts: [...firstLoad.map((s) => ({ ...s, url: `first load ${s.url}` })), ...scripts],
    };
  } finally {
    await browser.close();
    await stopServer(server);
  }
}
