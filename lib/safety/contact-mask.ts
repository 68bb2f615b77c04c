// Finding phone numbers and email addresses in a message, written out or disguised, so that a
// job's client and cleaner cannot move off the platform before the job is booked. Pure: no I/O.

export const PHONE_MASK = "[phone number hidden]";
export const EMAIL_MASK = "[email hidden]";

const TLDS = "com|net|org|info|biz|io|co|uk|de|fr|es|it|nl|be|ie|eu|us|ca|au|me|app|dev|mail";
const AT = String.raw`(?:\s*@\s*|\s*[([{]\s*at\s*[)\]}]\s*|\s+at\s+)`;
const DOT = String.raw`(?:\s*\.\s*|\s*[([{]\s*dot\s*[)\]}]\s*|\s+dot\s+)`;
// name@example.com, name(at)gmail.com, name at gmail dot com, name [at] mail [dot] co [dot] uk.
// ASCII only, so that text in other scripts around an address is not taken for part of it.
const EMAIL = new RegExp(`[a-z0-9][a-z0-9._%+-]*${AT}[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}(?:${TLDS})(?![a-z0-9])`, "gi");
// A plain address with any top-level domain.
const PLAIN_EMAIL = /[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// Runs of digits with the separators people put in phone numbers.
const PHONE_CANDIDATE = /(?:\+|\b00|\()?\d[\d\s().-]{4,}\d/g;
const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const WORD_DIGITS = "zero|oh|one|two|three|four|five|six|seven|eight|nine";
// Seven or more digits spelled out ("five five five one two three four"), digits allowed among them.
const SPELLED = new RegExp(String.raw`\b(?:(?:${WORD_DIGITS}|\d)\b[\s,.-]*){7,}`, "gi");
const CURRENCY_BEFORE = /[£$€¥₹]\s*$/;

function isPhone(candidate: string, before: string): boolean {
  const text = candidate.trim();
  const digits = text.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  if (DATE.test(text) || CURRENCY_BEFORE.test(before)) return false;
  // Without an international prefix, a trunk 0 or an area code in brackets, only a long run
  // reads as a phone number: "9.30 - 11.30" and order numbers of a few digits do not.
  const prefixed = /^(?:\+|00|0|\()/.test(text);
  return prefixed || digits.length >= 10;
}

export type MaskResult = { text: string; masked: boolean };

/**
 * The text with every phone number and email address replaced by a placeholder. A placeholder
 * can be longer than what it replaces: the result is cut to `maxLength` UTF-16 units (the
 * message limit's unit), between code points, so masking never makes a message over the limit.
 */
export function maskContacts(input: string, maxLength = Number.POSITIVE_INFINITY): MaskResult {
  // Plain addresses first, whole: the disguised pattern knows only common top-level domains.
  let text = input.replace(PLAIN_EMAIL, EMAIL_MASK).replace(EMAIL, EMAIL_MASK);
  text = text.replace(PHONE_CANDIDATE, (match, offset: number, whole: string) => {
    // Keep the whitespace around a match: it is not part of the number.
    const lead = match.match(/^\s*/)?.[0] ?? "";
    const trail = match.match(/\s*$/)?.[0] ?? "";
    return isPhone(match, whole.slice(0, offset)) ? `${lead}${PHONE_MASK}${trail}` : match;
  });
  text = text.replace(SPELLED, (match) => {
    const words = match.match(new RegExp(String.raw`\b(?:${WORD_DIGITS})\b`, "gi")) ?? [];
    const trail = match.match(/[\s,.-]*$/)?.[0] ?? "";
    return words.length >= 3 ? `${PHONE_MASK}${trail}` : match;
  });
  if (text.length > maxLength) text = cutToLength(text, maxLength);
  return { text, masked: text !== input };
}

function cutToLength(text: string, maxLength: number): string {
  let end = 0;
  for (const point of text) {
    if (end + point.length > maxLength) break;
    end += point.length;
  }
  return text.slice(0, end);
}
