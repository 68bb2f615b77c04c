import { describe, expect, it } from "vitest";
import { excerptAround, highlightRanges, searchTerms, toPrefixQuery } from "@/lib/chat/search-terms";

describe("search terms", () => {
  it("keeps only runs of letters and digits, lowercased, so tsquery syntax is never passed through", () => {
    expect(searchTerms("Flat 4B's keys!")).toEqual(["flat", "4b", "s", "keys"]);
    expect(searchTerms("a & !b | c:* <-> 'd'")).toEqual(["a", "b", "c", "d"]);
    expect(searchTerms("'; DROP TABLE x; --")).toEqual(["drop", "table", "x"]);
    expect(searchTerms("!!! ... ***")).toEqual([]);
    expect(searchTerms("Zoë Müller 東京")).toEqual(["zoë", "müller", "東京"]);
    expect(searchTerms("one two three four five six seven eight nine ten")).toHaveLength(8);
    expect(toPrefixQuery(["flat", "4b"])).toBe("'flat':* & '4b':*");
  });

  it("highlights word prefixes in the original text and cuts excerpts without splitting a character", () => {
    const text = "The keys for flat 4B are with the concierge.";
    const ranges = highlightRanges(text, ["4b", "conc"]);
    expect(ranges.map((r) => text.slice(r.start, r.start + r.length))).toEqual(["4B", "conc"]);
    const long = `${"😀".repeat(100)} needle ${"x".repeat(300)}`;
    const { excerpt, highlights } = excerptAround(long, highlightRanges(long, ["needle"]));
    expect(excerpt.length).toBeLessThanOrEqual(162);
    expect(excerpt.slice(highlights[0].start, highlights[0].start + highlights[0].length)).toBe("needle");
    expect(excerpt.isWellFormed()).toBe(true);
    // A cut at either end that would fall inside an emoji moves outside it.
    for (let shift = 0; shift < 4; shift += 1) {
      const emojis = `${"x".repeat(shift)}${"😀".repeat(200)} needle ${"😀".repeat(200)}`;
      expect(excerptAround(emojis, highlightRanges(emojis, ["needle"])).excerpt.isWellFormed()).toBe(true);
    }
  });
});
