import path from "node:path";

/** Demo users from prisma/seed-data.ts (password123). */
export const USERS = {
  alice: { email: "client1@example.com", name: "Alice Client" },
  bob: { email: "cleaner1@example.com", name: "Bob Cleaner" },
  carol: { email: "client2@example.com", name: "Carol Client" },
  dan: { email: "cleaner2@example.com", name: "Dan Cleaner" },
} as const;

export type UserKey = keyof typeof USERS;

export const DEMO_PASSWORD = "password123";

export const storageState = (user: UserKey) => path.join(process.cwd(), ".cache", "e2e-auth", `${user}.json`);
