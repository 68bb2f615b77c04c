// Runs once as the Next server boots: the configuration check (lib/config-check.ts). Next also
// compiles this file for the Edge runtime, which has no process.exit, so the check is loaded
// only on Node.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtBoot } = await import("@/lib/config-check");
  checkConfigAtBoot();
}
