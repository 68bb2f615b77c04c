// Every page a test opens, in any browser context, is watched: an uncaught error (`pageerror`,
// which is how React reports a hydration mismatch in the production build, #418/#423/#425) or a
// console error (React's development hydration warnings, failed loads) fails the test when it
// ends. A test that provokes one on purpose allows it by pattern, for that test only.
import type { Browser, BrowserContext, Page } from "@playwright/test";

export type PageErrors = {
  /** Lets errors matching `pattern` through, in this test only. */
  allow(pattern: RegExp): void;
  /** Everything seen so far, allowed or not, as "pageerror: …" / "console.error: …" lines. */
  seen(): string[];
};

type Watch = PageErrors & { unexpected(): string[]; stop(): void };

const where = (page: Page) => {
  const url = page.url();
  return url && url !== "about:blank" ? ` (at ${url})` : "";
};

export function watchBrowser(browser: Browser): Watch {
  const seen: string[] = [];
  const allowed: RegExp[] = [];
  const contexts = new Set<BrowserContext>();

  const onPage = (page: Page) => {
    page.on("pageerror", (error) => seen.push(`pageerror: ${error.stack ?? error.message}${where(page)}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // For a failed load, the resource's URL (the text names only the status).
      const source = message.location().url;
      seen.push(`console.error: ${message.text()}${source ? ` [${source}]` : ""}${where(page)}`);
    });
  };
  const onContext = (context: BrowserContext) => {
    if (contexts.has(context)) return;
    contexts.add(context);
    context.on("page", onPage);
    for (const page of context.pages()) onPage(page);
  };

  for (const context of browser.contexts()) onContext(context);
  browser.on("context", onContext);

  return {
    allow: (pattern) => void allowed.push(pattern),
    seen: () => [...seen],
    unexpected: () => seen.filter((line) => !allowed.some((pattern) => pattern.test(line))),
    stop: () => {
      browser.off("context", onContext);
      for (const context of contexts) context.off("page", onPage);
    },
  };
}
