// A separate process hitting one rate-limit key: stands in for a second app instance.
import { hit } from "@/lib/rate-limit";
import { db } from "@/lib/db";

async function main() {
  const [key, times, max, windowSeconds] = process.argv.slice(2);
  let allowed = 0;
  for (let i = 0; i < Number(times); i++) {
    if ((await hit(key, { max: Number(max), windowSeconds: Number(windowSeconds) })).allowed) allowed += 1;
  }
  await db.$disconnect();
  console.log(JSON.stringify({ allowed }));
}

void main();
