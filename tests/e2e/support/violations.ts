// What would show that a script ran where it should not, or that the Content-Security-Policy
// blocked something the app needs: the page's `securitypolicyviolation` events (kept per document
// in window.__csp), Chromium's console report of a violation, any alert/confirm/prompt, and
// window.__xss (what the XSS payloads in the tests try to set).
import { expect, type Page } from "@playwright/test";

/** Starts watching a page (before its first navigation); returns the list problems go to. */
export async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      w.__csp ??= [];
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss();
  });
  return problems;
}

/** The current document's violations and whether anything set window.__xss. */
export async function pageState(page: Page): Promise<{ csp: string[]; xss: unknown }> {
  return page.evaluate(() => {
    const w = window as unknown as { __csp?: string[]; __xss?: unknown };
    return { csp: w.__csp ?? [], xss: w.__xss };
  });
}

export async function expectClean(page: Page, problems: string[]): Promise<void> {
  expect(await pageState(page)).toEqual({ csp: [], xss: undefined });
  expect(problems).toEqual([]);
}
