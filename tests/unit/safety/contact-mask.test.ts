// The off-platform contact detector: real-world phone and email formats, written out or
// disguised, in English, CJK and right-to-left text; and what it must leave alone.
import { describe, expect, it } from "vitest";
import { EMAIL_MASK, maskContacts, PHONE_MASK } from "@/lib/safety/contact-mask";

const masked = (text: string) => maskContacts(text).text;

describe("maskContacts", () => {
  it.each([
    ["Call me on +44 20 7946 0958 tomorrow", `Call me on ${PHONE_MASK} tomorrow`],
    ["0049 30 123456", PHONE_MASK],
    ["my mobile: 07946 095 800.", `my mobile: ${PHONE_MASK}.`],
    ["(020) 7946-0958", PHONE_MASK],
    ["+1 (555) 123-4567", PHONE_MASK],
    ["555-123-4567", PHONE_MASK],
    ["020.7946.0958", PHONE_MASK],
    ["+447946095800", PHONE_MASK],
    ["five five five one two three four", PHONE_MASK],
    ["text me: oh seven nine four six, zero nine five eight double", `text me: ${PHONE_MASK} double`],
    ["Five-Five-Five-One-Two-Three-Four please", `${PHONE_MASK} please`],
  ])("masks the phone number in %j", (input, output) => {
    expect(masked(input)).toBe(output);
  });

  it.each([
    ["mail me at jane.doe+jobs@example.com", `mail me at ${EMAIL_MASK}`],
    ["name at gmail dot com", EMAIL_MASK],
    ["name(at)gmail.com", EMAIL_MASK],
    ["name [at] mail [dot] co [dot] uk thanks", `${EMAIL_MASK} thanks`],
    ["NAME AT OUTLOOK DOT COM", EMAIL_MASK],
    ["reach me: someone@sub.example.org.", `reach me: ${EMAIL_MASK}.`],
    ["bob @ example . net", EMAIL_MASK],
  ])("masks the email address in %j", (input, output) => {
    expect(masked(input)).toBe(output);
  });

  it.each([
    ["電話は09012345678です", `電話は${PHONE_MASK}です`],
    ["メールはtaro@gmail.comです", `メールは${EMAIL_MASK}です`],
    ["我的电话是 +86 138 0013 8000 谢谢", `我的电话是 ${PHONE_MASK} 谢谢`],
    ["اتصل بي على +44 20 7946 0958 شكرا", `اتصل بي على ${PHONE_MASK} شكرا`],
    ["راسلني على name@gmail.com من فضلك", `راسلني على ${EMAIL_MASK} من فضلك`],
    ["שלח לי ל-dana@example.co.il תודה", `שלח לי ל-${EMAIL_MASK} תודה`],
    ["👋 call 07946 095 800 🧽", `👋 call ${PHONE_MASK} 🧽`],
  ])("finds contacts inside CJK, RTL and emoji text: %j", (input, output) => {
    expect(masked(input)).toBe(output);
  });

  it.each([
    "See you at 10:30 on Saturday",
    "9.30 - 11.30 works for me",
    "It's £45.50, or $120 for the deep clean",
    "£1200 for 3 rooms",
    "Booked for 12/05/2026, or 2026-12-05, or 05.12.2026",
    "Flat 12, door code 4B, 3rd floor",
    "Job 4B at 221B Baker Street",
    "Order 123456",
    "between 10-12 or 14-16",
    "I have one or two questions, and three more later",
    "meet at home. Then we go",
    "we are at the flat at 5",
    "ok 👍 see you at 9",
    "午後3時に伺います",
    "سأصل الساعة 10:30",
  ])("leaves %j alone", (input) => {
    expect(maskContacts(input)).toEqual({ text: input, masked: false });
  });

  it("never makes a message longer than the limit, and cuts between code points", () => {
    const many = "1@a.co ".repeat(571); // 3,997 characters of addresses
    const { text, masked } = maskContacts(many, 4000);
    expect(masked).toBe(true);
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text).not.toContain("@");
    // An emoji (two UTF-16 units) straddling the cut is left out whole, never halved.
    const emoji = maskContacts(`${"x".repeat(3970)} 07946 095 800 🧽🧽🧽🧽`, 4000).text;
    expect(emoji).toBe(`${"x".repeat(3970)} ${PHONE_MASK} 🧽🧽🧽`);
    expect(emoji.length).toBe(3999);
  });

  it("reports whether anything was masked", () => {
    expect(maskContacts("0049 30 123456")).toEqual({ text: PHONE_MASK, masked: true });
  });
});
