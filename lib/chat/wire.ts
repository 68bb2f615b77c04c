// The chat wire types now live in lib/wire/rest.ts (schemas with inferred types). This re-export
// keeps the UI's import paths (components/, hooks/) working until they import lib/wire directly.
export type { WireMessage, WireMessagePage, WireRoom } from "@/lib/wire/rest";
