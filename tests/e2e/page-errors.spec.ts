// The page-error fixture itself (support/page-errors.ts): it sees what a page throws or logs as
// an error, lets through only what a test allowed, and fails a test for anything else.
import { expect, test } from "./support/fixtures";

const throwLater = (message: string) =>
  setTimeout(() => {
    throw new Error(message);
  });

test("errors a test allows are seen and let through", async ({ page, pageErrors }) => {
  pageErrors.allow(/allowed-throw-\d/);
  pageErrors.allow(/allowed-console-\d/);
  await page.goto("/login");
  await page.evaluate(throwLater, "allowed-throw-1");
  await page.evaluate(() => console.error("allowed-console-1"));
  await expect
    .poll(() => pageErrors.seen())
    .toEqual([
      expect.stringMatching(/^pageerror: Error: allowed-throw-1/),
      expect.stringMatching(/^console\.error: allowed-console-1 .*\(at http:\/\/localhost:\d+\/login\)$/),
    ]);
});

test("an error the test did not allow fails it, in any context the test opened", async ({ browser, pageErrors }) => {
  test.fail(true, "the fixture must fail this test when it ends");
  pageErrors.allow(/allowed-throw-\d/);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.evaluate(throwLater, "not-allowed-2");
  await expect.poll(() => pageErrors.seen()).toEqual([expect.stringMatching(/^pageerror: Error: not-allowed-2/)]);
  await context.close();
});
