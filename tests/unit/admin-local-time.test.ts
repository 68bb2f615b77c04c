// Admin times: UTC in the server's HTML (what hydration renders too), the viewer's zone after.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatLocalDateTime } from "@/components/admin/format";
import { LocalTime } from "@/components/admin/local-time";

const ISO = "2026-12-01T19:30:00.000Z";

describe("admin times", () => {
  it("renders UTC on the server, with the ISO time for the browser", () => {
    expect(renderToStaticMarkup(createElement(LocalTime, { iso: ISO }))).toBe(
      `<time dateTime="${ISO}" title="1 Dec 2026, 19:30 UTC">1 Dec 2026, 19:30 UTC</time>`,
    );
  });

  it("formats in a given zone with its offset, across the date line", () => {
    expect(formatLocalDateTime(new Date(ISO), "Pacific/Kiritimati")).toBe("2 Dec 2026, 09:30 GMT+14");
    expect(formatLocalDateTime(new Date(ISO), "America/New_York")).toBe("1 Dec 2026, 14:30 GMT-5");
  });
});
