// Signed-in users (pusher:signin) and their connections, so the HTTP API can terminate them.

export interface UserConnection {
  readonly id: string;
  /** Tells the client why, then closes the socket. */
  terminate(): void;
}

export class UserRegistry {
  private readonly users = new Map<string, Map<string, UserConnection>>();

  add(userId: string, connection: UserConnection): void {
    let connections = this.users.get(userId);
    if (!connections) {
      connections = new Map();
      this.users.set(userId, connections);
    }
    connections.set(connection.id, connection);
  }

  remove(userId: string, connectionId: string): void {
    const connections = this.users.get(userId);
    if (!connections) return;
    connections.delete(connectionId);
    if (connections.size === 0) this.users.delete(userId);
  }

  /** Closes every connection signed in as `userId`; returns how many there were. */
  terminate(userId: string): number {
    const connections = [...(this.users.get(userId)?.values() ?? [])];
    for (const connection of connections) connection.terminate();
    return connections.length;
  }

  connectionCount(userId: string): number {
    return this.users.get(userId)?.size ?? 0;
  }
}
