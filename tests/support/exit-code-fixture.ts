// Run as its own process by tests/integration/embedded-postgres.test.ts: loading the embedded
// PostgreSQL module must not change the exit code a process chose.
import "../../scripts/db/embedded-postgres";

process.exitCode = 3;
