// A real SMTP server for the tests (the `smtp-server` package): the app sends to it over TCP with
// nodemailer exactly as it would to a production mail server, and the tests read what arrived.
// Also started by scripts/e2e-server.ts for the Playwright specs.
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** The envelope: who the server was told the message is from and for. */
  from: string;
  to: string[];
  /** Header names lower-cased, values unfolded and decoded. */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
};

export type SmtpListener = {
  port: number;
  /** What SMTP_URL is set to for the app to send here. */
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message (already there or arriving) that matches, or rejects after the timeout. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

export type SmtpListenerOptions = {
  /** A fixed port (to come back on the same one after a simulated outage); a free one by default. */
  port?: number;
  /** Recipients refused with "550 mailbox unavailable", a permanent failure. */
  refuse?: (address: string) => boolean;
  onMessage?: (mail: ReceivedMail) => void;
};

/** A port nobody listens on right now (for "the mail server is down"). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startSmtpListener(options: SmtpListenerOptions = {}): Promise<SmtpListener> {
  const messages: ReceivedMail[] = [];
  const waiters: { match: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "test" });
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail: ReceivedMail = {
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          receivedAt: new Date().toISOString(),
        };
        messages.push(mail);
        options.onMessage?.(mail);
        for (const waiter of [...waiters])
          if (waiter.match(mail)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(match, timeoutMs = 10_000) {
      const there = messages.find(match);
      if (there) return Promise.resolve(there);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          if (!waiters.includes(waiter)) return;
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No matching email within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs).unref();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ─── Reading what arrived: enough MIME for what nodemailer writes ───

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { head: raw, body: "" };
  const gap = raw.slice(at).match(/^\r?\n\r?\n/)![0].length;
  return { head: raw.slice(0, at), body: raw.slice(at + gap) };
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(source[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

function parseMessage(raw: string): Pick<ReceivedMail, "headers" | "subject" | "text" | "html"> {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const parts = { text: "", html: "" };
  const walk = (partHeaders: Record<string, string>, partBody: string) => {
    const type = partHeaders["content-type"] ?? "text/plain";
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (/^multipart\//i.test(type) && boundary) {
      for (const chunk of partBody.split(`--${boundary}`).slice(1)) {
        if (chunk.startsWith("--")) break;
        const inner = splitHead(chunk.replace(/^\r?\n/, ""));
        walk(parseHeaders(inner.head), inner.body);
      }
      return;
    }
    const decoded = decodeBody(partBody, partHeaders["content-transfer-encoding"]).replace(/\r\n/g, "\n").trimEnd();
    if (/^text\/html/i.test(type)) parts.html ||= decoded;
    else if (/^text\/plain/i.test(type)) parts.text ||= decoded;
  };
  walk(headers, body);
  return { headers, subject: headers.subject ?? "", ...parts };
}
