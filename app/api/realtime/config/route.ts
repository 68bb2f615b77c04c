// GET /api/realtime/config: the browser's pusher-js settings, so one build runs anywhere.
import { publicRoute, json } from "@/lib/http/route";
import { realtimeClientConfig } from "@/lib/realtime/client-config";

export const GET = publicRoute("GET /api/realtime/config", async () => json(realtimeClientConfig()));
