import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/csp";

const parse = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("content security policy", () => {
  it("allows only this app and the configured realtime host, and forbids framing", () => {
    const policy = parse(
      contentSecurityPolicy({
        nonce: "abc",
        dev: false,
        realtime: { key: "k", cluster: "mt1", wsHost: "rt.example.com", wsPort: 443, forceTLS: true },
      }),
    );
    expect(policy["connect-src"]).toEqual(["'self'", "wss://rt.example.com:443", "https://rt.example.com:443"]);
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("uses hosted Pusher's cluster hosts when no host is configured", () => {
    const policy = parse(
      contentSecurityPolicy({ nonce: "n", dev: false, realtime: { key: "k", cluster: "eu", wsHost: null, wsPort: null, forceTLS: true } }),
    );
    expect(policy["connect-src"]).toEqual(["'self'", "wss://ws-eu.pusher.com", "https://sockjs-eu.pusher.com"]);
  });
});
