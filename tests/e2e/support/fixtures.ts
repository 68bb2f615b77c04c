// The one `test` every spec and the setup project import: it watches each page for errors
// (support/page-errors.ts) and opens signed-in pages for the demo users and the admin.
import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { ADMIN, signInThroughForm } from "./admin";
import { type PageErrors, watchBrowser } from "./page-errors";
import { storageState, type UserKey } from "./users";

export { expect } from "@playwright/test";

type Viewport = { width: number; height: number };
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

type Fixtures = {
  pageErrors: PageErrors;
  /**
   * `signedIn(user)` opens a page in a fresh context with that user's saved session; every
   * context is closed when the test ends, so no tab of one test is still reading messages in
   * the next.
   */
  signedIn: (user: UserKey, viewport?: Viewport, options?: BrowserContextOptions) => Promise<Page>;
  /** `asAdmin()` opens a page in a fresh context signed in as the demo admin. */
  asAdmin: (options?: BrowserContextOptions) => Promise<Page>;
};

const DESKTOP: Viewport = { width: 1280, height: 800 };
let adminState: Promise<StorageState> | null = null;

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ browser }, use) => {
      const watch = watchBrowser(browser);
      await use(watch);
      watch.stop();
      const unexpected = watch.unexpected();
      if (unexpected.length) throw new Error(`The page reported errors:\n${unexpected.join("\n")}`);
    },
    { auto: true },
  ],

  signedIn: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, viewport = DESKTOP, options = {}) => {
      const context = await browser.newContext({ ...options, storageState: storageState(user), viewport });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },

  asAdmin: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      adminState ??= (async () => {
        const context = await browser.newContext();
        await signInThroughForm(await context.newPage(), ADMIN.email);
        const state = await context.storageState();
        await context.close();
        return state;
      })();
      const context = await browser.newContext({ ...options, storageState: await adminState, viewport: DESKTOP });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});
