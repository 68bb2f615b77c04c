// The dataset as set-based SQL. Randomness is a hash of the row's key, so the same parameters
// always build the same data. Numbers are interpolated (they are validated integers and
// literals keep these multi-statement scripts readable); nothing here comes from a user.
import type { DatasetParams } from "./config";

/** Seconds since the epoch the data is anchored to: messages end just before it. */
export type Anchor = number;

/** A uniform number in [0, 1) from a bigint key and a salt. */
const rnd = (key: string, salt: number) => `((hashint8extended((${key})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`;

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a number: ${n}`);
  return String(n);
}

const at = (anchor: Anchor) => `to_timestamp(${int(anchor)})`;

/** Message bodies: one or two sentences of a cleaning-jobs conversation. */
const SENTENCES = [
  "Hi! Are you free on Thursday morning for the deep clean?",
  "The keys are with the concierge.",
  "Please bring your own supplies, the vacuum is broken.",
  "Thanks, the kitchen looks amazing.",
  "Could we move the appointment to 3pm instead?",
  "I have sent the invoice, let me know if anything is missing.",
  "Running ten minutes late, sorry about that.",
  "Please do not forget the windows on the second floor this time.",
  "Great job last week, same time next week?",
  "The dog will be at home but she is friendly.",
  "Can you confirm the address and the parking instructions?",
  "Done for today, I left the spare key in the mailbox.",
];
const sentenceArray = `(ARRAY[${SENTENCES.map((s) => `'${s}'`).join(", ")}])`;
const sentence = (salt: number) => `${sentenceArray}[1 + ((hashint8extended(s.id, ${salt}) & 1023) % ${SENTENCES.length})::int]`;

export function usersSql(p: DatasetParams, anchor: Anchor): string {
  return `
    INSERT INTO users (id, username, email, display_name, role, is_active, created_at)
    SELECT g, 'user' || g, 'user' || g || '@bench.example', 'Bench User ' || g, 'USER', true,
      ${at(anchor)} - interval '400 days' + g * interval '1 minute'
    FROM generate_series(1, ${int(p.users + p.roomListRooms.length)}) g;
    SELECT setval(pg_get_serial_sequence('users', 'id'), ${int(p.users + p.roomListRooms.length)});`;
}

/** The room-list users: ids after `users`, the i-th in rooms / roomListRooms[i] rooms. */
export const roomListUserIds = (p: DatasetParams): Array<{ userId: number; rooms: number }> =>
  p.roomListRooms.map((rooms, i) => ({ userId: p.users + 1 + i, rooms }));

/**
 * Each room-list user joins every (rooms / k)-th room at an odd offset: rooms of every kind and
 * age, never a huge one (those are multiples of an even step). A direct room so joined has a
 * third participant, which no list query minds.
 */
export function roomListUsersSql(p: DatasetParams): string {
  return roomListUserIds(p)
    .map(({ userId, rooms }, i) => {
      const step = p.rooms / rooms;
      return `
    INSERT INTO chat_chatparticipant (room_id, user_id, joined_at, last_seen, activity_at)
    SELECT room_id, ${int(userId)}, start_at, start_at, start_at FROM bench_plan
    WHERE room_id % ${int(step)} = ${int((2 * i + 1) % step)};`;
    })
    .join("");
}

/**
 * One planning row per room: kind, members and activity window. User 1 (the heavy user) is in
 * every (rooms / heavyUserRooms)-th room, the first of which are the huge rooms. Direct and job
 * rooms pair users 2..users as (a, a + d) with d = 1 + ⌊(room-1)/(users-1)⌋, which never repeats
 * a pair (config.datasetProblems checks d stays small), so direct_key stays unique.
 */
export function planSql(p: DatasetParams, anchor: Anchor): string {
  const step = p.rooms / p.heavyUserRooms;
  const others = p.users - 1;
  const bigMembers = `(ARRAY[${p.bigRoomMembers.map(int).join(",")}]::int[])`;
  const randomMembers = (count: string, salt: number) =>
    `ARRAY(SELECT DISTINCT 2 + (hashint8extended(r::bigint * 100000 + i, ${salt}) & 2147483647) % ${int(others)}
           FROM generate_series(1, ${count}) i)`;
  return `
    CREATE UNLOGGED TABLE bench_plan (
      room_id int PRIMARY KEY, kind room_kind NOT NULL, heavy boolean NOT NULL, big int NOT NULL,
      members int[] NOT NULL, n int NOT NULL DEFAULT 0, start_at timestamptz NOT NULL, span interval NOT NULL);
    INSERT INTO bench_plan (room_id, kind, heavy, big, members, start_at, span)
    SELECT r, kind, heavy, big,
      CASE
        WHEN big > 0 THEN ARRAY[1] || ${randomMembers(`${bigMembers}[big] - 1`, 2)}
        WHEN kind = 'GROUP' THEN (CASE WHEN heavy THEN ARRAY[1] ELSE '{}'::int[] END)
          || ${randomMembers(`3 + floor(${rnd("r", 4)} * 10)::int`, 3)}
        WHEN heavy THEN ARRAY[1, 2 + (r / ${int(step)} - 1) % ${int(others)}]
        ELSE ARRAY[2 + (r - 1) % ${int(others)}, 2 + ((r - 1) + 1 + (r - 1) / ${int(others)}) % ${int(others)}]
      END,
      CASE WHEN big > 0 THEN ${at(anchor)} - interval '365 days'
        ELSE ${at(anchor)} - ${rnd("r", 5)} * interval '365 days' END,
      CASE WHEN big > 0 THEN interval '365 days' - interval '10 minutes'
        ELSE ${rnd("r", 5)} * ${rnd("r", 6)} * interval '365 days' END
    FROM (
      SELECT r, r % ${int(step)} = 0 AS heavy,
        CASE WHEN r % ${int(step)} = 0 AND r / ${int(step)} <= ${int(p.bigRoomMessages.length)} THEN r / ${int(step)} ELSE 0 END AS big
      FROM generate_series(1, ${int(p.rooms)}) r) base,
    LATERAL (SELECT CASE WHEN big > 0 THEN 'GROUP' WHEN ${rnd("r", 1)} < 0.5 THEN 'DIRECT'
      WHEN ${rnd("r", 1)} < 0.8 THEN 'JOB' ELSE 'GROUP' END::room_kind AS kind) k;`;
}

/**
 * Message counts: the huge rooms get theirs; the rest share the remainder by a capped Pareto
 * weight (most rooms a handful of messages, a long tail of busy ones), a few stay empty, and
 * rounding leftovers go to the busiest of them.
 */
export function messageCountsSql(p: DatasetParams): string {
  const big = p.bigRoomMessages.reduce((sum, n) => sum + n, 0);
  return `
    WITH w AS (
      SELECT room_id, CASE WHEN big > 0 OR ${rnd("room_id", 7)} < ${num(p.emptyRoomShare)} THEN 0
        ELSE least(${num(p.paretoCap)}, power(1 - ${rnd("room_id", 8)} * 0.999999, -1.0 / ${num(p.paretoAlpha)})) END AS w
      FROM bench_plan),
    total AS (SELECT sum(w) AS s FROM w)
    UPDATE bench_plan p SET n = CASE WHEN p.big > 0 THEN (ARRAY[${p.bigRoomMessages.map(int).join(",")}]::int[])[p.big]
      ELSE floor(w.w / total.s * ${int(p.messages - big)})::int END
    FROM w, total WHERE w.room_id = p.room_id;
    UPDATE bench_plan SET n = n + (${int(p.messages)} - (SELECT sum(n) FROM bench_plan))
    WHERE room_id = (SELECT room_id FROM bench_plan WHERE big = 0 ORDER BY n DESC, room_id LIMIT 1);`;
}

export const roomsSql = `
  INSERT INTO jobs (id, title, status, client_id, cleaner_id, created_at)
  SELECT room_id, 'Cleaning job ' || room_id, (CASE WHEN ${rnd("room_id", 9)} < 0.7 THEN 'open' ELSE 'completed' END)::job_status,
    members[1], members[2], start_at
  FROM bench_plan WHERE kind = 'JOB';
  SELECT setval(pg_get_serial_sequence('jobs', 'id'), greatest(1, (SELECT max(id) FROM jobs)));
  INSERT INTO chat_chatroom (id, name, kind, job_id, direct_key, created_at, updated_at)
  SELECT room_id,
    CASE kind WHEN 'DIRECT' THEN 'Direct' WHEN 'JOB' THEN 'Job #' || room_id ELSE 'Group ' || room_id END,
    kind, CASE WHEN kind = 'JOB' THEN room_id END,
    CASE WHEN kind = 'DIRECT' THEN least(members[1], members[2]) || ':' || greatest(members[1], members[2]) END,
    start_at, start_at
  FROM bench_plan;
  SELECT setval(pg_get_serial_sequence('chat_chatroom', 'id'), (SELECT max(id) FROM chat_chatroom));
  INSERT INTO chat_chatparticipant (room_id, user_id, joined_at, last_seen, activity_at)
  SELECT room_id, unnest(members), start_at, start_at, start_at FROM bench_plan;`;

/**
 * Every message's room, position in the room (seq), time and sender, numbered in time order:
 * that number becomes the message id, so ids grow with time globally and with seq in a room.
 * Members early in a room's list talk more (index skewed by u²).
 */
export const stageSql = `
  CREATE UNLOGGED TABLE bench_stage AS
  SELECT (row_number() OVER (ORDER BY ts, room_id, seq))::bigint AS id, room_id, seq, n, ts, sender_id
  FROM (
    SELECT p.room_id, g.seq, p.n,
      date_trunc('milliseconds', p.start_at + p.span * ((g.seq - 1 + ${rnd("p.room_id::bigint * 4294967296 + g.seq", 10)}) / p.n)) AS ts,
      p.members[1 + floor(power(${rnd("p.room_id::bigint * 4294967296 + g.seq", 11)}, 2) * cardinality(p.members))::int] AS sender_id
    FROM bench_plan p, generate_series(1, p.n) g(seq)) s;
  CREATE INDEX bench_stage_id ON bench_stage USING brin (id);`;

/**
 * One slice of messages by id. About 1% are deleted and 2% edited, never among a room's last
 * 30, so a room's newest message is never deleted; all but the last 5 are flagged read.
 */
export function messagesSliceSql(fromId: number, toId: number): string {
  return `
    INSERT INTO chat_message (id, room_id, seq, sender_id, content, timestamp, is_read, client_id, edited_at, deleted_at)
    SELECT s.id, s.room_id, s.seq, s.sender_id,
      ${sentence(20)} || CASE WHEN (hashint8extended(s.id, 21) & 1023) % 3 = 0 THEN ' ' || ${sentence(24)} ELSE '' END,
      s.ts, s.seq <= s.n - 5, md5(s.id::text)::uuid,
      CASE WHEN (hashint8extended(s.id, 22) & 1023) % 50 = 0 AND s.seq <= s.n - 30 THEN s.ts + interval '1 minute' END,
      CASE WHEN (hashint8extended(s.id, 23) & 1023) % 100 = 1 AND s.seq <= s.n - 30 THEN s.ts + interval '5 minutes' END
    FROM bench_stage s WHERE s.id > ${int(fromId)} AND s.id <= ${int(toId)} ORDER BY s.id`;
}

export const denormalizeRoomsSql = `
  SELECT setval(pg_get_serial_sequence('chat_message', 'id'), (SELECT max(id) FROM chat_message));
  UPDATE chat_chatroom r SET last_message_content = left(m.content, 200), last_message_time = m.timestamp,
    last_message_sender_id = m.sender_id, updated_at = m.timestamp, last_seq = m.seq
  FROM (SELECT room_id, max(id) AS id FROM bench_stage GROUP BY room_id) last
  JOIN chat_message m ON m.id = last.id
  WHERE r.id = last.room_id;
  UPDATE chat_chatparticipant p SET activity_at = COALESCE(r.last_message_time, r.updated_at)
  FROM chat_chatroom r WHERE r.id = p.room_id AND p.activity_at IS DISTINCT FROM COALESCE(r.last_message_time, r.updated_at);`;

/**
 * Read marks: 80% of participants have read up to 0–7 messages from the end, 15% up to 300
 * back, 5% never read (in rooms of at most 2,000 messages; elsewhere they are in the 15%).
 */
export const readMarksSql = `
  UPDATE chat_chatparticipant p SET last_read_message_id = s.id, last_seen = s.ts
  FROM (
    SELECT p.id AS pid, p.room_id, pl.n,
      CASE WHEN x < 0.80 THEN floor(y * 8)::int
        WHEN x < 0.95 OR pl.n > 2000 THEN floor(y * least(pl.n, 300))::int END AS back
    FROM chat_chatparticipant p JOIN bench_plan pl ON pl.room_id = p.room_id,
    LATERAL (SELECT ${rnd("p.id", 12)} AS x, ${rnd("p.id", 13)} AS y) r
    WHERE pl.n > 0) c
  JOIN bench_stage s ON s.room_id = c.room_id AND s.seq = c.n - c.back
  WHERE p.id = c.pid;`;

/** The same definition lib/chat/read.ts keeps: non-deleted messages from others after the mark. */
export const unreadCountsSql = `
  UPDATE chat_chatparticipant p SET unread_count = (
    SELECT count(*) FROM chat_message m
    WHERE m.room_id = p.room_id AND m.id > COALESCE(p.last_read_message_id, 0)
      AND m.sender_id <> p.user_id AND m.deleted_at IS NULL);`;

export const dropScratchSql = "DROP TABLE IF EXISTS bench_stage; DROP TABLE IF EXISTS bench_plan;";

export const META_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS bench_dataset (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    params jsonb NOT NULL,
    build_ms int NOT NULL,
    built_at timestamptz NOT NULL DEFAULT now())`;
