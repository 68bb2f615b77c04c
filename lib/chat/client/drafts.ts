// Unsent text per room, kept in the browser (localStorage) so it survives switching rooms and
// reloads. Keyed by user too: two people sharing a browser never see each other's drafts.
type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const draftKey = (userId: number, roomId: number) => `jobchat:draft:${userId}:${roomId}`;

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

export function loadDraft(userId: number, roomId: number, storage = browserStorage()): string {
  try {
    return storage?.getItem(draftKey(userId, roomId)) ?? "";
  } catch {
    return "";
  }
}

/** Saves the draft, or forgets it when only whitespace is left (also after sending). */
export function saveDraft(userId: number, roomId: number, text: string, storage = browserStorage()): void {
  try {
    if (text.trim()) storage?.setItem(draftKey(userId, roomId), text);
    else storage?.removeItem(draftKey(userId, roomId));
  } catch {
    // Quota exceeded or storage disabled: the draft lives only as long as the page.
  }
}
