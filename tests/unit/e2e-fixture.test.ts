// Every browser test runs under the page-error fixture: each spec (and the setup project) takes
// `test` from tests/e2e/support/fixtures.ts, never straight from @playwright/test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(process.cwd(), "tests", "e2e");
const specs = readdirSync(dir).filter((name) => /\.(spec|setup)\.ts$/.test(name));

describe("browser tests use the shared fixture", () => {
  it("finds the specs", () => {
    expect(specs).toContain("hydration.spec.ts");
    expect(specs).toContain("auth.setup.ts");
  });

  it.each(specs)("%s takes test from support/fixtures", (name) => {
    const source = readFileSync(path.join(dir, name), "utf8");
    expect(source).toMatch(/import \{[^}]*\btest\b[^}]*\} from "\.\/support\/fixtures";/);
    const fromPlaywright = [...source.matchAll(/import (type )?\{([^}]*)\} from "@playwright\/test";/g)];
    for (const [, typeOnly, names] of fromPlaywright) {
      if (!typeOnly) expect(names.split(",").map((n) => n.trim())).not.toContain("test");
    }
  });
});
