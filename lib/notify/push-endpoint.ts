import "server-only";
// A push subscription's endpoint is a URL the browser's push service gave it, and our server
// will POST to it: it must not become a way to make us call into our own network (SSRF). Only
// https, no credentials in the URL, and a host that resolves to public addresses only. Tests and
// local development may allow http and private addresses with PUSH_ALLOW_PRIVATE_ENDPOINTS=1,
// which production refuses (lib/env-production.ts).
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError } from "@/lib/errors";

/** Longest endpoint accepted, in UTF-8 bytes (push services' URLs are a few hundred). */
export const MAX_ENDPOINT_BYTES = 1024;

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:127.0.0.1, ::ffff:7f00:1), if it is one. */
function mappedIpv4(address: string): string | null {
  const match = /^::ffff:(.+)$/i.exec(address);
  if (!match) return null;
  if (isIP(match[1]) === 4) return match[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(match[1]);
  if (!hex) return null;
  const [high, low] = [Number.parseInt(hex[1], 16), Number.parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Loopback, private, link-local, shared, documentation, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return blocked.check(address, "ipv4");
  const mapped = mappedIpv4(address);
  return mapped !== null ? blocked.check(mapped, "ipv4") : blocked.check(address, "ipv6");
}

const refuse = (message: string) => new AppError("invalid_input", `endpoint: ${message}`);

/**
 * Resolves and checks an endpoint; throws invalid_input (400) naming what is wrong. Called when a
 * subscription is stored and again before each send (a name may resolve elsewhere later).
 */
export async function checkPushEndpoint(endpoint: string, options: { allowPrivate: boolean }): Promise<URL> {
  if (Buffer.byteLength(endpoint, "utf8") > MAX_ENDPOINT_BYTES) throw refuse(`at most ${MAX_ENDPOINT_BYTES} bytes`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw refuse("must be an absolute URL");
  }
  const schemes = options.allowPrivate ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) throw refuse("must be an https URL");
  if (url.username || url.password) throw refuse("must not carry credentials");
  if (options.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw refuse("host does not resolve");
    }
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw refuse("must be a public push service");
  return url;
}
