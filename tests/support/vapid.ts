// A VAPID key pair for processes the tests start in production mode (which requires one).
import webpush from "web-push";

let keys: { publicKey: string; privateKey: string } | undefined;

export function testVapidEnv(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string; VAPID_SUBJECT: string } {
  keys ??= webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:tests@example.com" };
}
