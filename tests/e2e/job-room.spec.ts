// The job in the room: the header and the list show what the job is, when and where; the
// marketplace's assignment door replaces a cleaner, and the old one loses the open room live
// while the new one reads its history; a job finished over 14 days ago leaves a read-only room.
import type { APIRequestContext, Page } from "@playwright/test";
import { expectConnected, messageWithText, openRoom, roomLink } from "./support/chat";
import { expect, test } from "./support/fixtures";

const TOKEN = process.env.E2E_MARKETPLACE_API_TOKEN ?? "";
const TENANCY = "End-of-tenancy clean, 2-bed flat";
const OFFICE = "Weekly office clean, 6 desks";
const FINISHED = "After-party clean, 3-bed house";

/** The open room's header (a <header> inside the room's section: not a banner landmark). */
const roomHeader = (page: Page) => page.locator("section[data-room-id] > header");

/** The job's id, from the header's link to its page. */
async function jobIdOf(page: Page): Promise<number> {
  const href = await roomHeader(page).getByRole("link", { name: "View job" }).getAttribute("href");
  return Number(href?.split("/").pop());
}

async function userId(page: Page, roomId: number, name: string): Promise<number> {
  const members = (await (await page.request.get(`/api/chat/rooms/${roomId}/members`)).json()) as { members: Array<{ id: number; name: string }> };
  const id = members.members.find((m) => m.name === name)?.id;
  expect(id, name).toBeDefined();
  return id as number;
}

function assign(request: APIRequestContext, jobId: number, data: { client_id: number; cleaner_id: number | null; status?: string }) {
  return request.post(`/api/jobs/${jobId}/assignment`, { data, headers: { authorization: `Bearer ${TOKEN}` } });
}

test("a job room shows the job's status, date and area in the header and the list, and links to the job", async ({
  signedIn,
  asAdmin,
  pageErrors,
}) => {
  // The stranger's visit to the job's page is a 404 on purpose.
  pageErrors.allow(/status of 404 \(Not Found\) \[http:\/\/localhost:\d+\/jobs\/\d+\]/);
  const alice = await signedIn("alice");
  await alice.goto("/");
  const link = roomLink(alice, new RegExp(TENANCY));
  await expect(link.getByText("Booked")).toBeVisible();
  await expect(link.getByText(/Hackney, London E8/)).toBeVisible();
  await openRoom(alice, new RegExp(TENANCY));

  const header = roomHeader(alice);
  await expect(header.getByRole("heading", { level: 1, name: TENANCY })).toBeVisible();
  await expect(header.getByText("Booked")).toBeVisible();
  // The date is in the viewer's zone: "Fri 5 Dec, 14:00 · Hackney, London E8".
  await expect(header.getByText(/^\w{3} \d{1,2} \w{3}, \d{2}:\d{2} · Hackney, London E8$/)).toBeVisible();
  const jobId = await jobIdOf(alice);

  await header.getByRole("link", { name: "View job" }).click();
  await alice.waitForURL(`**/jobs/${jobId}`);
  await expect(alice.getByRole("heading", { level: 1, name: TENANCY })).toBeVisible();
  // Booked: the client sees the full address.
  await expect(alice.getByText("Flat 4, 27 Mare Street, London E8 4RP")).toBeVisible();

  // An admin sees the job, address included, from the admin room page's link.
  const admin = await asAdmin();
  await admin.goto("/admin/rooms");
  await admin.getByRole("link", { name: new RegExp(TENANCY) }).click();
  await admin.getByRole("link", { name: `job ${jobId}` }).click();
  await admin.waitForURL(`**/jobs/${jobId}`);
  await expect(admin.getByText("Flat 4, 27 Mare Street, London E8 4RP")).toBeVisible();
  await expect(admin.locator("dd", { hasText: "Bob Cleaner" })).toBeVisible();

  const carol = await signedIn("carol");
  const stranger = await carol.goto(`/jobs/${jobId}`);
  expect(stranger?.status()).toBe(404);
  await expect(carol.getByRole("heading", { name: "Job not found" })).toBeVisible();
  await expect(carol.getByText("Flat 4, 27 Mare Street")).toHaveCount(0);
});

test("the marketplace replaces the cleaner: the old one loses the open room live, the new one reads its history", async ({
  signedIn,
  request,
  pageErrors,
}) => {
  expect(TOKEN, "playwright.config.ts sets E2E_MARKETPLACE_API_TOKEN").not.toBe("");
  // Reconnected after the termination, Bob's page asks again for the room's channel and is refused.
  pageErrors.allow(/status of 403 \(Forbidden\) \[http:\/\/localhost:\d+\/api\/pusher\/auth\]/);
  const carol = await signedIn("carol");
  const bob = await signedIn("bob");
  const dan = await signedIn("dan");
  await carol.goto("/");
  const roomId = await openRoom(carol, new RegExp(OFFICE));
  const jobId = await jobIdOf(carol);
  const carolId = await userId(carol, roomId, "Carol Client");
  const bobId = await userId(carol, roomId, "Bob Cleaner");

  await bob.goto("/");
  await openRoom(bob, new RegExp(OFFICE));
  await bob.evaluate(() => Object.assign(window, { __noReload: true }));
  await dan.goto("/");
  await expectConnected(dan);
  await expect(roomLink(dan, new RegExp(OFFICE))).toHaveCount(0);

  // Without the token: nothing happens.
  expect((await request.post(`/api/jobs/${jobId}/assignment`, { data: { client_id: carolId, cleaner_id: null } })).status()).toBe(401);
  const people = (await (await carol.request.get("/api/chat/users?q=Dan")).json()) as { users: Array<{ id: number; name: string }> };
  const danId = people.users.find((u) => u.name === "Dan Cleaner")?.id as number;
  expect(danId).toBeGreaterThan(0);

  try {
    const replaced = await assign(request, jobId, { client_id: carolId, cleaner_id: danId });
    expect(replaced.status()).toBe(200);
    expect(await replaced.json()).toMatchObject({ changed: true, added_user_ids: [danId], removed_user_ids: [bobId] });

    // Bob, looking at the room: told at once, nothing left to type into, the room off his list.
    await expect(bob.getByText("You’re no longer a member of this conversation.")).toBeVisible();
    await expect(bob.getByLabel("Message", { exact: true })).toHaveCount(0);
    await expect(roomLink(bob, new RegExp(OFFICE))).toHaveCount(0);
    expect(await bob.evaluate(() => "__noReload" in window)).toBe(true);
    expect((await bob.request.get(`/api/chat/rooms/${roomId}`)).status()).toBe(404);

    // Dan: the room arrives in his list live, with the messages sent before he was on the job.
    await openRoom(dan, new RegExp(OFFICE));
    await expect(messageWithText(dan, "Hi there!")).toBeVisible();
    await expect(messageWithText(dan, "All good, see you soon.")).toBeVisible();
    // Booked, and now his job: the address is his to see.
    await roomHeader(dan).getByRole("link", { name: "View job" }).click();
    await expect(dan.getByText("3rd floor, 88 Curtain Road, London EC2A 3AA")).toBeVisible();

    // The same call again changes nothing.
    expect(await (await assign(request, jobId, { client_id: carolId, cleaner_id: danId })).json()).toMatchObject({ changed: false });
  } finally {
    // Back as seeded, for the specs that follow.
    expect((await assign(request, jobId, { client_id: carolId, cleaner_id: bobId })).status()).toBe(200);
  }
});

test("a job completed over 14 days ago leaves a read-only room that says why", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  const link = roomLink(alice, new RegExp(FINISHED));
  await expect(link.getByText("Completed")).toBeVisible();
  const roomId = Number((await link.getAttribute("href"))?.split("/").pop());
  await link.click();
  await alice.waitForURL(`**/rooms/${roomId}`);

  await expect(alice.getByText(/^This job was completed on \d{1,2} \w+ \d{4}; the chat is read-only\.$/)).toBeVisible();
  await expect(alice.getByLabel("Message", { exact: true })).toHaveCount(0);
  // Reading goes on.
  await expect(messageWithText(alice, "Hi there!")).toBeVisible();
  // And the door refuses a send, saying why.
  const refused = await alice.request.post(`/api/chat/rooms/${roomId}/messages`, {
    data: { content: "one more thing", client_id: crypto.randomUUID() },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/^This job was completed on \d{4}-\d{2}-\d{2}; the chat is read-only\.$/);
});
