// The room page's weight as a browser sees it: `next start` on the production build (the e2e
// server: throw-away database with the demo data), a signed-in Chromium with an empty cache opens
// a job room, and every script it loads is gzipped and summed. Then Lighthouse (mobile preset)
// scores the same page with the same session. Needs `npm run build` first.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { freePort } from "@/scripts/db/free-port";
import { runLighthouse } from "./lighthouse";
import { waitForHealth } from "./wait-for-health";

export type BundleResult = {
  room_page_js_gz_kb: number;
  room_page_js_kb: number;
  room_page_scripts: number;
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

/** Signs in as the demo client and returns the session cookie header and a job room's path. */
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
  const port = await freePort(Number(process.env.E2E_PORT ?? 0));
  const controlPort = await freePort(Number(process.env.E2E_CONTROL_PORT ?? 0));
  const baseURL = `http://localhost:${port}`;
  const server = await startServer(port, controlPort);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const { href, cookies } = await signIn(browser, baseURL);
    const scripts = await measureScripts(browser, baseURL, href, cookies);
    const gzip = scripts.reduce((sum, s) => sum + s.gzip_bytes, 0);
    const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
    log(`room page: ${scripts.length} scripts, ${kb(gzip)} KB gzipped (${kb(raw)} KB raw)`);
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
        room_page_js_gz_kb: kb(gzip),
        room_page_js_kb: kb(raw),
        room_page_scripts: scripts.length,
        lighthouse_room_performance: lighthouse?.performance ?? null,
        lighthouse_room_tbt_ms: lighthouse?.tbtMs ?? null,
      },
      scripts,
    };
  } finally {
    await browser.close();
    await stopServer(server);
  }
}
