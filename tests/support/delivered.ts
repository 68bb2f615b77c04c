// A domain function's result, with its realtime events delivered as the doors deliver them
// after commit (lib/realtime/deliver.ts): for tests that call lib/ directly.
import { deliver } from "@/lib/realtime/deliver";
import type { WithEvents } from "@/lib/realtime/outbox";

export const delivered = async <T>(produced: Promise<WithEvents<T>>): Promise<T> => deliver(await produced);
