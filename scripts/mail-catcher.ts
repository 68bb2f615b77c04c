// A local mail catcher: an SMTP server (smtp-server) that accepts every message, keeps it in
// memory (and, given a directory, as an .eml file there), and a small web page listing what
// arrived. `npm run dev`/`npm start` start it when SMTP_URL is unset (scripts/run.ts); the browser
// tests read what arrived through scripts/e2e-server.ts; integration tests start their own.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
};

export type MailCatcher = { smtpUrl: string; port: number; messages: CaughtMail[]; close(): Promise<void> };

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export function startMailCatcher(options: { port?: number; dir?: string } = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const id = messages.length + 1;
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
            messages.push({
              id,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              headers,
              receivedAt: new Date().toISOString(),
            });
            if (options.dir) writeFileSync(path.join(options.dir, `${Date.now()}-${id}.eml`), raw);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        port,
        messages,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** GET / lists the messages, newest first, as text; GET /messages.json the same as JSON. */
export function startMailViewer(catcher: MailCatcher, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/messages.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(catcher.messages));
      return;
    }
    const items = [...catcher.messages]
      .reverse()
      .map(
        (m) =>
          `<article><h2>${escapeText(m.subject)}</h2><p>To ${escapeText(m.to.join(", "))}, ${m.receivedAt}</p><pre>${escapeText(m.text)}</pre></article>`,
      )
      .join("<hr>");
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(`<!doctype html><title>JobChat mail</title><h1>Mail caught locally (${catcher.messages.length})</h1>${items || "<p>No mail yet.</p>"}`);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
