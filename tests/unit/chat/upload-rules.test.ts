// The browser's quick checks on picked files: the same limits as the server (bytes, count, type),
// with a reason per refused file.
import { describe, expect, it } from "vitest";
import { formatBytes } from "@/lib/chat/client/format-bytes";
import { MAX_UPLOAD_BYTES } from "@/lib/attachments/limits";
import { checkFile, sortPicked } from "@/lib/chat/client/uploads/rules";

const file = (name: string, size: number, type: string) => ({ name, size, type });

describe("checkFile", () => {
  it("takes photos and PDFs by the browser's MIME claim", () => {
    expect(checkFile(file("a.jpg", 10, "image/jpeg"))).toEqual({ ok: true, kind: "image", contentType: "image/jpeg" });
    expect(checkFile(file("b", 10, "image/png"))).toMatchObject({ ok: true, kind: "image" });
    expect(checkFile(file("c.webp", 10, "image/webp"))).toMatchObject({ ok: true, kind: "image" });
    expect(checkFile(file("d.gif", 10, "image/gif"))).toMatchObject({ ok: true, kind: "image" });
    expect(checkFile(file("invoice.pdf", 10, "application/pdf"))).toEqual({ ok: true, kind: "file", contentType: "application/pdf" });
  });

  it("falls back to the extension when the browser claims nothing or a generic type (HEIC on many browsers)", () => {
    expect(checkFile(file("IMG_0001.HEIC", 10, ""))).toEqual({ ok: true, kind: "image", contentType: "image/heic" });
    expect(checkFile(file("scan.pdf", 10, "application/octet-stream"))).toMatchObject({ ok: true, kind: "file" });
  });

  it("refuses other types, even named like a photo, with a reason", () => {
    for (const f of [
      file("page.html", 10, "text/html"),
      file("logo.svg", 10, "image/svg+xml"),
      file("photo.jpg", 10, "text/html"),
      file("x.exe", 10, ""),
    ]) {
      const check = checkFile(f);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.error).toMatch(/photos .* PDF/);
    }
  });

  it("measures bytes: exactly 10 MB passes, one byte more is refused, an empty file is refused", () => {
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    expect(checkFile(file("big.png", MAX_UPLOAD_BYTES, "image/png")).ok).toBe(true);
    const over = checkFile(file("big.png", MAX_UPLOAD_BYTES + 1, "image/png"));
    expect(over).toEqual({ ok: false, error: "Too large (10.0 MB): at most 10 MB per file." });
    expect(checkFile(file("empty.png", 0, "image/png"))).toEqual({ ok: false, error: "The file is empty." });
  });

  it("keeps names in any script (CJK, emoji, right-to-left) and reads their extension", () => {
    for (const name of ["請求書.pdf", "📸 beach.jpg", "فاتورة.pdf"]) expect(checkFile(file(name, 5, "")).ok).toBe(true);
  });
});

describe("sortPicked", () => {
  it("accepts up to 10 files per message, counting those already attached, and says why for the rest", () => {
    const picked = Array.from({ length: 5 }, (_, i) => file(`p${i}.jpg`, 100, "image/jpeg"));
    const { accepted, rejected } = sortPicked([...picked, file("notes.txt", 3, "text/plain")], 7);
    expect(accepted.map((a) => a.file.name)).toEqual(["p0.jpg", "p1.jpg", "p2.jpg"]);
    expect(rejected).toEqual([
      { name: "p3.jpg", error: "At most 10 files per message." },
      { name: "p4.jpg", error: "At most 10 files per message." },
      { name: "notes.txt", error: "Only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be sent." },
    ]);
  });
});

describe("formatBytes", () => {
  it("formats sizes in binary units", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(200 * 1024), formatBytes(3.5 * 1024 * 1024)]).toEqual([
      "512 B",
      "1.5 KB",
      "200 KB",
      "3.5 MB",
    ]);
  });
});
