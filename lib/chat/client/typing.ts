// Who is typing in a room, from other browsers' client-typing events. An entry lapses after
// 5 s without news (a sender repeats at most every 3 s while typing, so 5 s means they stopped
// or left without saying so).
import type { ChatStore, TypingUser } from "@/lib/chat/client/store";

export const TYPING_REPEAT_MS = 3_000;
export const TYPING_TTL_MS = 5_000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function receiveTyping(store: ChatStore, roomId: number, user: TypingUser, typing: boolean): void {
  const key = `${roomId}:${user.userId}`;
  clearTimeout(timers.get(key));
  timers.delete(key);
  const others = (store.getState().typing[roomId] ?? []).filter((u) => u.userId !== user.userId);
  if (!typing) {
    store.setTyping(roomId, others);
    return;
  }
  store.setTyping(roomId, [...others, user]);
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      store.setTyping(
        roomId,
        (store.getState().typing[roomId] ?? []).filter((u) => u.userId !== user.userId),
      );
    }, TYPING_TTL_MS),
  );
}

/** "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…". */
export function typingSentence(users: TypingUser[]): string | null {
  if (users.length === 0) return null;
  if (users.length === 1) return `${users[0].name} is typing…`;
  if (users.length === 2) return `${users[0].name} and ${users[1].name} are typing…`;
  return "Several people are typing…";
}
