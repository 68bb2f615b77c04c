// Where the server publishes and where browsers connect must agree, whatever subset of the
// PUSHER_* variables is set; empty values (a copied .env.example) count as unset.
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { realtimeConnection } from "@/lib/realtime/connection";

const KEYS = ["PUSHER_CLUSTER", "PUSHER_HOST", "PUSHER_PORT", "PUSHER_USE_TLS", "PUSHER_WS_HOST", "PUSHER_WS_PORT", "PUSHER_KEY"];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(values: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvCache();
  return env();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe("realtime connection", () => {
  it("defaults to the embedded server on 127.0.0.1:6001, for the SDK and the browser", () => {
    const e = withEnv({});
    expect(realtimeConnection(e)).toEqual({ kind: "host", host: "127.0.0.1", port: 6001, useTLS: false });
    expect(realtimeClientConfig()).toMatchObject({ key: "app-key", wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false });
  });

  it("treats empty values as unset", () => {
    const e = withEnv({ PUSHER_CLUSTER: "", PUSHER_HOST: "", PUSHER_PORT: "", PUSHER_USE_TLS: "", PUSHER_KEY: "" });
    expect(e.PUSHER_KEY).toBe("app-key");
    expect(realtimeConnection(e)).toEqual({ kind: "host", host: "127.0.0.1", port: 6001, useTLS: false });
  });

  it("uses hosted Pusher's cluster when only a cluster is set", () => {
    const e = withEnv({ PUSHER_CLUSTER: "eu", PUSHER_KEY: "k" });
    expect(realtimeConnection(e)).toEqual({ kind: "cluster", cluster: "eu" });
    expect(realtimeClientConfig()).toEqual({ key: "k", cluster: "eu", wsHost: null, wsPort: null, forceTLS: true });
  });

  it("a Soketi host with TLS and no port is 443 on both sides", () => {
    const e = withEnv({ PUSHER_HOST: "rt.example.com", PUSHER_USE_TLS: "true" });
    expect(realtimeConnection(e)).toEqual({ kind: "host", host: "rt.example.com", port: 443, useTLS: true });
    expect(realtimeClientConfig()).toMatchObject({ wsHost: "rt.example.com", wsPort: 443, forceTLS: true });
  });

  it("browsers can be sent to a public host and port other than the one the server publishes to", () => {
    withEnv({ PUSHER_HOST: "soketi.internal", PUSHER_PORT: "6001", PUSHER_WS_HOST: "ws.example.com", PUSHER_WS_PORT: "443", PUSHER_USE_TLS: "1" });
    expect(realtimeClientConfig()).toMatchObject({ wsHost: "ws.example.com", wsPort: 443, forceTLS: true });
  });
});
