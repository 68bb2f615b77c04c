// Drafts per user and room in the browser's storage; whitespace-only text is forgotten.
import { describe, expect, it } from "vitest";
import { clearDrafts, draftKey, loadDraft, saveDraft } from "@/lib/chat/client/drafts";

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
  key = (index: number) => [...this.items.keys()][index] ?? null;
  get length() {
    return this.items.size;
  }
}

describe("drafts", () => {
  it("keeps one draft per user and room", () => {
    const storage = new MemoryStorage();
    saveDraft(1, 10, "for room 10", storage);
    saveDraft(1, 11, "for room 11", storage);
    saveDraft(2, 10, "someone else's", storage);
    expect(loadDraft(1, 10, storage)).toBe("for room 10");
    expect(loadDraft(1, 11, storage)).toBe("for room 11");
    expect(loadDraft(2, 10, storage)).toBe("someone else's");
    expect(loadDraft(3, 10, storage)).toBe("");
  });

  it("forgets the draft when it is emptied (as after sending)", () => {
    const storage = new MemoryStorage();
    saveDraft(1, 10, "hello", storage);
    saveDraft(1, 10, "  \n ", storage);
    expect(storage.items.has(draftKey(1, 10))).toBe(false);
    expect(loadDraft(1, 10, storage)).toBe("");
  });

  it("keeps the text exactly, new lines and spaces included", () => {
    const storage = new MemoryStorage();
    saveDraft(1, 10, " line one\nline two ", storage);
    expect(loadDraft(1, 10, storage)).toBe(" line one\nline two ");
  });

  it("clears every draft on sign-out and leaves other keys alone", () => {
    const storage = new MemoryStorage();
    saveDraft(1, 10, "a", storage);
    saveDraft(1, 11, "b", storage);
    saveDraft(2, 10, "c", storage);
    storage.setItem("theme", "dark");
    clearDrafts(storage);
    expect([...storage.items.keys()]).toEqual(["theme"]);
  });

  it("survives a storage that refuses (quota, privacy settings)", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => saveDraft(1, 10, "text", refusing)).not.toThrow();
    expect(loadDraft(1, 10, refusing)).toBe("");
  });

  it("has no storage on the server", () => {
    expect(loadDraft(1, 10)).toBe("");
    expect(() => saveDraft(1, 10, "text")).not.toThrow();
  });
});
