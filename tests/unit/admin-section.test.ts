// The admin pages' section: a region named by its heading, visible or for screen readers only.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdminSection } from "@/components/admin/admin-section";

const render = (props: { id: string; title: string; hideTitle?: boolean }) =>
  renderToStaticMarkup(createElement(AdminSection, props, createElement("p", null, "body")));

describe("AdminSection", () => {
  it("labels the section with its heading, then renders the children", () => {
    expect(render({ id: "people", title: "People & rooms" })).toBe(
      '<section aria-labelledby="people" class="space-y-3"><h2 id="people" class="text-lg font-semibold">People &amp; rooms</h2><p>body</p></section>',
    );
  });

  it("keeps a hidden title as the section's accessible name", () => {
    expect(render({ id: "totals", title: "Totals", hideTitle: true })).toBe(
      '<section aria-labelledby="totals"><h2 id="totals" class="sr-only">Totals</h2><p>body</p></section>',
    );
  });
});
