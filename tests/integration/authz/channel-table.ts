// Channel names through POST /api/pusher/auth: the channels lib/realtime/channels.ts builds
// (each builder must be listed in CHANNEL_BUILDERS, or the channel matrix fails), for a
// channel the caller belongs to and one it does not, plus names derived from them that must
// all be refused: other prefixes (private-encrypted-, public, cache), case, padding, suffixes,
// leading zeros, out-of-range ids; and bodies the schema refuses.
import { roomChannel, roomPresenceChannel, userChannel } from "@/lib/realtime/channels";
import type { Role } from "@/tests/integration/authz/route-table";

export type ChannelFixture = {
  /** The caller's own user id (the participant's for an anonymous caller). */
  selfId: number;
  otherUserId: number;
  /** A room the participant and the deactivated user are in. */
  memberRoomId: number;
  /** A room none of the callers is in. */
  otherRoomId: number;
  missingRoomId: number;
};
export type ChannelCase = {
  name: string;
  /** The form pusher-js posts (raw form text for repeated fields, JSON for non-string values). */
  body: (f: ChannelFixture) => { form?: Record<string, string>; raw?: string; json?: unknown };
  expect: Record<Role, number>;
};

// Sessions first: no session or a deactivated account is 401 before the body is looked at.
const refused: Record<Role, number> = { anonymous: 401, stranger: 403, participant: 403, deactivated: 401, admin: 403 };
const invalid: Record<Role, number> = { anonymous: 401, stranger: 400, participant: 400, deactivated: 401, admin: 400 };
const SOCKET = "1234.5678";
const channel = (name: string) => ({ form: { socket_id: SOCKET, channel_name: name } });

/** Every channel builder in lib/realtime/channels.ts, with the rows that exercise it. */
export const CHANNEL_BUILDERS: Record<string, { build: (id: number) => string; cases: ChannelCase[] }> = {
  roomChannel: {
    build: roomChannel,
    cases: [
      {
        name: "private-room-{a room the participant is in}",
        body: (f) => channel(roomChannel(f.memberRoomId)),
        // Admins watch rooms from the dashboard, not by subscribing to their channels.
        expect: { anonymous: 401, stranger: 403, participant: 200, deactivated: 401, admin: 403 },
      },
      { name: "private-room-{a room no caller is in}", body: (f) => channel(roomChannel(f.otherRoomId)), expect: refused },
      { name: "private-room-{a room that does not exist}", body: (f) => channel(roomChannel(f.missingRoomId)), expect: refused },
    ],
  },
  roomPresenceChannel: {
    build: roomPresenceChannel,
    cases: [
      {
        name: "presence-room-{a room the participant is in}",
        body: (f) => channel(roomPresenceChannel(f.memberRoomId)),
        expect: { anonymous: 401, stranger: 403, participant: 200, deactivated: 401, admin: 403 },
      },
      { name: "presence-room-{a room no caller is in}", body: (f) => channel(roomPresenceChannel(f.otherRoomId)), expect: refused },
      { name: "presence-room-{a room that does not exist}", body: (f) => channel(roomPresenceChannel(f.missingRoomId)), expect: refused },
    ],
  },
  userChannel: {
    build: userChannel,
    cases: [
      {
        name: "private-user-{self}",
        body: (f) => channel(userChannel(f.selfId)),
        expect: { anonymous: 401, stranger: 200, participant: 200, deactivated: 401, admin: 200 },
      },
      { name: "private-user-{another user}", body: (f) => channel(userChannel(f.otherUserId)), expect: refused },
    ],
  },
};

/** Names derived from a valid one that must never be signed. */
const MUTATIONS: Array<[string, (name: string, id: number) => string]> = [
  ["private-encrypted- prefix", (n) => `private-encrypted-${n.replace(/^(private|presence)-/, "")}`],
  ["public (no prefix)", (n) => n.replace(/^(private|presence)-/, "")],
  ["other prefix", (n) => (n.startsWith("presence-") ? n.replace(/^presence-/, "private-") : n.replace(/^private-/, "presence-"))],
  ["cache channel", (n) => n.replace(/^(private|presence)-/, "$1-cache-")],
  ["upper case", (n) => n.toUpperCase()],
  ["leading space", (n) => ` ${n}`],
  ["trailing space", (n) => `${n} `],
  ["trailing newline", (n) => `${n}\n`],
  ["NUL inside", (n) => `${n}\u0000`],
  ["suffix", (n) => `${n}-1`],
  ["decimal id", (n) => `${n}.0`],
  ["leading zero", (n, id) => n.replace(String(id), `0${id}`)],
  ["negative id", (n, id) => n.replace(String(id), `-${id}`)],
  ["id past the integer range", (n, id) => n.replace(String(id), "2147483648")],
  ["id past 16 digits", (n, id) => n.replace(String(id), "99999999999999999")],
  ["no id", (n, id) => n.replace(String(id), "")],
  ["two channels", (n) => `${n},${n}`],
];

export function channelCases(): ChannelCase[] {
  const derived: ChannelCase[] = [];
  for (const [builder, { build }] of Object.entries(CHANNEL_BUILDERS)) {
    const forRoom = builder !== "userChannel";
    for (const [what, mutate] of MUTATIONS) {
      // A room's other prefix is its sibling channel (private-room- and presence-room-), allowed
      // and covered by that builder's own rows.
      if (forRoom && what === "other prefix") continue;
      // Derived from the name the participant may subscribe to: only the exact name is allowed.
      const allowedId = (f: ChannelFixture) => (forRoom ? f.memberRoomId : f.selfId);
      derived.push({ name: `${builder}: ${what}`, body: (f) => channel(mutate(build(allowedId(f)), allowedId(f))), expect: refused });
    }
  }
  return [
    ...Object.values(CHANNEL_BUILDERS).flatMap((b) => b.cases),
    ...derived,
    { name: "a public channel name", body: () => channel("chat"), expect: refused },
    { name: "private-encrypted-chat", body: () => channel("private-encrypted-chat"), expect: refused },
    { name: "presence- alone", body: () => channel("presence-"), expect: refused },
    { name: "an empty channel name", body: () => channel(""), expect: invalid },
    { name: "a 201-character channel name", body: () => channel(`private-user-${"1".repeat(188)}`), expect: invalid },
    { name: "no channel name", body: () => ({ form: { socket_id: SOCKET } }), expect: invalid },
    { name: "a channel name that is not a string", body: () => ({ json: { socket_id: SOCKET, channel_name: 5 } }), expect: invalid },
    {
      name: "the channel_name field twice",
      body: (f) => ({ raw: `socket_id=${SOCKET}&channel_name=${userChannel(f.selfId)}&channel_name=${userChannel(f.selfId)}` }),
      expect: invalid,
    },
    { name: "a malformed socket_id", body: (f) => ({ form: { socket_id: "abc", channel_name: userChannel(f.selfId) } }), expect: invalid },
    { name: "a socket_id with three parts", body: (f) => ({ form: { socket_id: "1.2.3", channel_name: userChannel(f.selfId) } }), expect: invalid },
  ];
}
