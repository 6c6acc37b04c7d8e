// Emails to one address (an invitation, a password reset) go through the outbox like every other
// email: written in the caller's transaction, sent by the worker, retried while SMTP is down. The
// event must not hold a usable link in clear (the outbox is readable by whoever reads the database,
// and it outlives the send), so the link is sealed under the data key (lib/secret-box.ts).
import type { DbOrTx } from "@/db/client";
import { emitEvent } from "@/lib/data/outbox";
import type { EmailMessageData } from "@/lib/outbox/email-channel";
import { sealText } from "@/lib/secret-box";

export async function queueAccountLinkEmail(
  tx: DbOrTx,
  input: Omit<EmailMessageData, "sealedUrl"> & { to: string; url: string },
): Promise<string> {
  const { to, url, ...rest } = input;
  const data: EmailMessageData = { ...rest, sealedUrl: sealText(url) };
  return await emitEvent(tx, {
    type: "email.message",
    projectId: null,
    data,
    direct: { channel: "email", target: to },
  });
}
