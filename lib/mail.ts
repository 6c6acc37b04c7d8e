// Outgoing email over SMTP (issue 16): SMTP_URL names the server (smtp:// or smtps://, with the
// account in the URL), MAIL_FROM the sender. Without SMTP_URL email is off: nothing is queued for
// it, nothing fails, notifications stay in the app and Settings says so.
import nodemailer, { type Transporter } from "nodemailer";

export const DEFAULT_MAIL_FROM = "Lightgate <no-reply@localhost>";

export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

/** Whether email can be sent at all: the channel, invitations and "forgot password" ask this. */
export function emailConfigured(): boolean {
  return smtpUrl() !== null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}

/**
 * The address people reach the app at, for links in emails (which have no request to read it from):
 * LIGHTGATE_PUBLIC_URL, else AUTH_URL, else this machine on PORT.
 */
export function publicOrigin(): string {
  const configured = process.env.LIGHTGATE_PUBLIC_URL?.trim() || process.env.AUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

/** What the server answered, or why it did not take the message. */
export type MailResult =
  | { ok: true; response: string }
  /** `permanent`: a 5xx answer about this message or address; a fault of the connection is never permanent. */
  | { ok: false; permanent: boolean; code: number | null; error: string };

let cached: { url: string; transport: Transporter } | null = null;

function transport(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    // Short timeouts: a stuck server holds one delivery, and the outbox retries it later.
    cached = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return cached.transport;
}

/** Sends one message; never throws for an SMTP answer or a connection fault (the caller decides to retry). */
export async function sendMail(message: MailMessage): Promise<MailResult> {
  const url = smtpUrl();
  if (!url) return { ok: false, permanent: false, code: null, error: "SMTP_URL is not set" };
  try {
    const info = await transport(url).sendMail({ from: mailFrom(), ...message });
    if (info.rejected.length) {
      return { ok: false, permanent: true, code: null, error: `Rejected: ${info.rejected.join(", ")}` };
    }
    return { ok: true, response: info.response };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? null;
    return {
      ok: false,
      permanent: code !== null && code >= 500,
      code,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
