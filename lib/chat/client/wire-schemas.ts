// The browser's schemas now live in lib/wire (rest.ts, events.ts). This re-export keeps the UI's
// import paths (components/, hooks/) working until they import lib/wire directly.
export type { UserSummary } from "@/lib/wire/rest";
