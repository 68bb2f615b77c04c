// File names as stored and as Content-Disposition carries them: bytes, not characters.
import { describe, expect, it } from "vitest";
import { MAX_NAME_BYTES } from "@/lib/attachments/limits";
import { contentDisposition, sanitizeName, withExtension } from "@/lib/attachments/names";

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe("sanitizeName", () => {
  it("cuts to 200 UTF-8 bytes between grapheme clusters, in CJK, emoji and right-to-left scripts", () => {
    expect(bytes(sanitizeName("漢".repeat(100)))).toBe(198); // 66 characters of 3 bytes
    expect(sanitizeName("漢".repeat(100))).toBe("漢".repeat(66));
    const family = "👩‍👩‍👧"; // 18 bytes, one grapheme
    expect(sanitizeName(family.repeat(20))).toBe(family.repeat(11));
    expect(sanitizeName("ש".repeat(150))).toBe("ש".repeat(MAX_NAME_BYTES / 2));
    expect(sanitizeName("a".repeat(500))).toHaveLength(MAX_NAME_BYTES);
  });

  it("drops controls and bidirectional overrides, so gpj.exe cannot pose as exe.jpg", () => {
    expect(sanitizeName("photo\u202Egpj.exe")).toBe("photogpj.exe");
    expect(sanitizeName("a\u0000b\u0007c\nd\u2028e\uFEFF.pdf")).toBe("abcde.pdf");
  });

  it("never leaves a path or an empty name", () => {
    expect(sanitizeName("../../etc/passwd")).toBe(".._.._etc_passwd");
    expect(sanitizeName("C:\\Users\\me\\cv.pdf")).toBe("C:_Users_me_cv.pdf");
    for (const empty of ["", "   ", "\u202E", ".", ".."]) expect(sanitizeName(empty)).toBe("file");
  });
});

describe("contentDisposition", () => {
  it("carries the UTF-8 name encoded and an ASCII fallback without quotes", () => {
    expect(contentDisposition("attachment", 'фактура "1".pdf')).toBe(
      `attachment; filename="_______ _1_.pdf"; filename*=UTF-8''%D1%84%D0%B0%D0%BA%D1%82%D1%83%D1%80%D0%B0%20%221%22.pdf`,
    );
    expect(contentDisposition("inline", withExtension("IMG_1.HEIC", "webp"))).toBe(`inline; filename="IMG_1.webp"; filename*=UTF-8''IMG_1.webp`);
    expect(withExtension("no-extension", "webp")).toBe("no-extension.webp");
  });
});
