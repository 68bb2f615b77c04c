// Admin pages show times in the viewer's time zone (the server renders UTC, hydration keeps it,
// then the browser's zone takes over), here Kiritimati at UTC+14.
import { formatLocalDateTime } from "../../components/admin/format";
import { expect, test } from "./support/fixtures";

test("an admin page shows times in the viewer's time zone", async ({ asAdmin }) => {
  const admin = await asAdmin({ timezoneId: "Pacific/Kiritimati" });
  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const times = admin.locator("main time");
  await expect(times.first()).toBeVisible();
  expect(await times.count()).toBeGreaterThan(0);
  for (const time of await times.all()) {
    const iso = (await time.getAttribute("datetime")) ?? "";
    await expect(time).toHaveText(formatLocalDateTime(new Date(iso), "Pacific/Kiritimati"));
    await expect(time).toContainText("GMT+14");
    await expect(time).toHaveAttribute("title", /UTC$/);
  }
});
