// Channel registry: who is subscribed where, and presence members counted per user, not per socket.

export interface Subscriber {
  readonly id: string;
  /** Receives a frame already serialized once for every recipient. */
  send(frame: Buffer): void;
}

type Member = { info: unknown; socketIds: Set<string> };

type Channel = {
  readonly subscribers: Map<string, Subscriber>;
  /** Present only on presence channels, keyed by user id. */
  readonly members: Map<string, Member> | null;
};

export type PresenceSnapshot = { ids: string[]; hash: Record<string, unknown>; count: number };

export class ChannelRegistry {
  private readonly channels = new Map<string, Channel>();

  /** Adds a subscriber to a public or private channel. */
  join(name: string, subscriber: Subscriber): void {
    this.channel(name, false).subscribers.set(subscriber.id, subscriber);
  }

  /** Whether `userId` may join: existing members always, new ones while under `maxMembers`. */
  hasRoomFor(name: string, userId: string, maxMembers: number): boolean {
    const members = this.channels.get(name)?.members;
    return !members || members.has(userId) || members.size < maxMembers;
  }

  /** Adds a socket of `userId` to a presence channel; `userAdded` is true for the user's first socket. */
  joinPresence(name: string, subscriber: Subscriber, userId: string, info: unknown): { userAdded: boolean; info: unknown } {
    const channel = this.channel(name, true);
    channel.subscribers.set(subscriber.id, subscriber);
    const members = channel.members!;
    const existing = members.get(userId);
    if (existing) {
      existing.socketIds.add(subscriber.id);
      return { userAdded: false, info: existing.info };
    }
    members.set(userId, { info, socketIds: new Set([subscriber.id]) });
    return { userAdded: true, info };
  }

  /** Removes a socket; for presence returns true in `userRemoved` when it was the user's last socket. */
  leave(name: string, subscriberId: string, userId?: string): { userRemoved: boolean } {
    const channel = this.channels.get(name);
    if (!channel) return { userRemoved: false };
    channel.subscribers.delete(subscriberId);
    let userRemoved = false;
    if (channel.members && userId !== undefined) {
      const member = channel.members.get(userId);
      if (member) {
        member.socketIds.delete(subscriberId);
        if (member.socketIds.size === 0) {
          channel.members.delete(userId);
          userRemoved = true;
        }
      }
    }
    if (channel.subscribers.size === 0) this.channels.delete(name);
    return { userRemoved };
  }

  presence(name: string): PresenceSnapshot {
    const members = this.channels.get(name)?.members ?? new Map<string, Member>();
    const hash: Record<string, unknown> = {};
    for (const [id, member] of members) hash[id] = member.info;
    return { ids: [...members.keys()], hash, count: members.size };
  }

  /** Serializes once and writes the same buffer to every subscriber except `exceptId`. */
  broadcast(name: string, frame: string, exceptId?: string): number {
    const channel = this.channels.get(name);
    if (!channel) return 0;
    const buffer = Buffer.from(frame, "utf8");
    let delivered = 0;
    for (const subscriber of channel.subscribers.values()) {
      if (subscriber.id === exceptId) continue;
      subscriber.send(buffer);
      delivered++;
    }
    return delivered;
  }

  isOccupied(name: string): boolean {
    return this.channels.has(name);
  }

  subscriptionCount(name: string): number {
    return this.channels.get(name)?.subscribers.size ?? 0;
  }

  userCount(name: string): number {
    return this.channels.get(name)?.members?.size ?? 0;
  }

  userIds(name: string): string[] {
    return [...(this.channels.get(name)?.members?.keys() ?? [])];
  }

  /** Occupied channel names, optionally only those starting with `prefix`. */
  names(prefix = ""): string[] {
    const result: string[] = [];
    for (const name of this.channels.keys()) if (name.startsWith(prefix)) result.push(name);
    return result;
  }

  get size(): number {
    return this.channels.size;
  }

  private channel(name: string, presence: boolean): Channel {
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { subscribers: new Map(), members: presence ? new Map() : null };
      this.channels.set(name, channel);
    }
    return channel;
  }
}
