// The sidebar's filter: by name, ignoring case, accents and surrounding spaces.
import { describe, expect, it } from "vitest";
import { filterRooms } from "@/lib/chat/client/room-filter";

const rooms = [{ name: "Weekend team" }, { name: "Zoë Brontë" }, { name: "End-of-tenancy clean, 2-bed flat" }, { name: "ÉQUIPE Nord" }];
const names = (query: string) => filterRooms(rooms, query).map((r) => r.name);

describe("filterRooms", () => {
  it("returns every room for an empty or blank filter", () => {
    expect(names("")).toHaveLength(4);
    expect(names("   ")).toHaveLength(4);
  });

  it("matches any part of the name, ignoring case", () => {
    expect(names("WEEKEND")).toEqual(["Weekend team"]);
    expect(names("2-bed")).toEqual(["End-of-tenancy clean, 2-bed flat"]);
    expect(names(" team ")).toEqual(["Weekend team"]);
  });

  it("ignores accents on either side", () => {
    expect(names("zoe bronte")).toEqual(["Zoë Brontë"]);
    expect(names("équipe")).toEqual(["ÉQUIPE Nord"]);
    expect(names("equipe")).toEqual(["ÉQUIPE Nord"]);
  });

  it("finds nothing when nothing matches", () => {
    expect(names("plumbing")).toEqual([]);
  });
});
