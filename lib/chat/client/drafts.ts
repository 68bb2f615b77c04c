// Unsent text per room, kept in the browser (localStorage) so it survives switching rooms and
// reloads. Keyed by user too: two people sharing a browser never see each other's drafts.
type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "jobchat:draft:";
export const draftKey = (userId: number, roomId: number) => `${PREFIX}${userId}:${roomId}`;

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

export function loadDraft(userId: number, roomId: number, storage: DraftStorage | null = browserStorage()): string {
  try {
    return storage?.getItem(draftKey(userId, roomId)) ?? "";
  } catch {
    return "";
  }
}

/** Saves the draft, or forgets it when only whitespace is left (also after sending). */
export function saveDraft(userId: number, roomId: number, text: string, storage: DraftStorage | null = browserStorage()): void {
  try {
    if (text.trim()) storage?.setItem(draftKey(userId, roomId), text);
    else storage?.removeItem(draftKey(userId, roomId));
  } catch {
    // Quota exceeded or storage disabled: the draft lives only as long as the page.
  }
}

/** On sign-out: the next person at this browser finds none of this user's unsent text. */
export function clearDrafts(storage: (DraftStorage & Pick<Storage, "key" | "length">) | null = browserStorage()): void {
  try {
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage disabled: there was nothing to clear.
  }
}
