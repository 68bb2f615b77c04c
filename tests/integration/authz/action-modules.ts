// The server actions that exist, read at test time: every module that starts with "use server",
// and every function it exports (each one is a public endpoint).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type ServerAction = { file: string; name: string; fn: (...args: never[]) => Promise<unknown> };

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (name === "node_modules" || name === "generated") return [];
      if (statSync(full).isDirectory()) return sources(full);
      return /\.tsx?$/.test(name) ? [full] : [];
    });
}

const SOURCE_DIRS = ["app", "lib", "components", "hooks"];
const relative = (file: string) => path.relative(process.cwd(), file).replace(/\.tsx?$/, "");
const allSources = () => SOURCE_DIRS.flatMap((dir) => sources(path.join(process.cwd(), dir)));

/** Files whose first statement is the "use server" directive, relative to the project root. */
export function actionFiles(): string[] {
  return allSources()
    .filter((file) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8")))
    .map(relative);
}

/**
 * Files that say "use server" anywhere: an inline action (the directive inside a function) is
 * an endpoint too, but is not an export this matrix can find, so each such file must be an
 * action module.
 */
export function filesMentioningUseServer(): string[] {
  return allSources()
    .filter((file) => /["']use server["']/.test(readFileSync(file, "utf8")))
    .map(relative);
}

export async function serverActions(): Promise<ServerAction[]> {
  const out: ServerAction[] = [];
  for (const file of actionFiles()) {
    const mod = (await import(`@/${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") out.push({ file, name, fn: value as ServerAction["fn"] });
    }
  }
  return out;
}
