// The channels the server's delivery worker feeds, in the order it fans events out to them.
import type { Channel } from "./channel";

export const channels: readonly Channel[] = [];
