// Run as its own process by tests/integration/production-refusal.test.ts, from a throw-away
// working directory: prints the per-checkout secrets scripts/local-secrets.ts generates there.
import { localNextAuthSecret, localRealtimeCredentials } from "@/scripts/local-secrets";

console.log(JSON.stringify({ realtime: localRealtimeCredentials(), nextauth: localNextAuthSecret() }));
