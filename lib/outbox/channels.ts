// The channels the server's delivery worker feeds, in the order it fans events out to them.
import type { Channel } from "./channel";
import { emailChannel } from "./email-channel";
import { webhookChannel } from "./webhook-channel";

export const channels: readonly Channel[] = [webhookChannel, emailChannel];
