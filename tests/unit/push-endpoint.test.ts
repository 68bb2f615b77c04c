// Which addresses a push endpoint may not point at (the SSRF guard's table; the route refusals
// are in tests/integration/notify/push.test.ts).
import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/notify/push-endpoint";
import { PUSH_PREVIEW_BYTES, shortPreview } from "@/lib/notify/push-payload";

describe("push endpoint addresses", () => {
  it("refuses loopback, private, link-local, shared, reserved and mapped forms of them", () => {
    for (const address of [
      "127.0.0.1",
      "127.9.9.9",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "fe80::1",
      "fd12:3456::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a00:1",
      "not-an-ip",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it("accepts public addresses", () => {
    for (const address of ["8.8.8.8", "142.250.74.10", "172.32.0.1", "2607:f8b0:4004:c1b::5f", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});

describe("push previews", () => {
  it("keep short text whole, flattening whitespace", () => {
    expect(shortPreview("  see\n you \t  at 9 ")).toBe("see you at 9");
  });

  it(`cut at ${PUSH_PREVIEW_BYTES} UTF-8 bytes, never inside a code point`, () => {
    for (const unit of ["a", "é", "推", "🔑", "ש"]) {
      const cut = shortPreview(unit.repeat(200));
      const kept = cut.slice(0, -1);
      expect(cut.endsWith("…")).toBe(true);
      expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(PUSH_PREVIEW_BYTES);
      expect(Buffer.byteLength(kept)).toBeGreaterThan(PUSH_PREVIEW_BYTES - Buffer.byteLength(unit));
      expect([...kept].every((c) => c === unit)).toBe(true);
    }
  });
});
