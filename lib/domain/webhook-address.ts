// Where a webhook may be sent (the SSRF guard): an endpoint's name must resolve to public
// addresses only, checked at registration and again on the address actually connected to at
// send time (a name may resolve elsewhere later: DNS rebinding). Loopback, link-local (cloud
// metadata at 169.254.169.254), private, shared (CGNAT), unique-local, multicast, broadcast and
// "this network" addresses are refused, unless the installation allows private targets
// (LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE=1: on-premises installations and tests). Pure.
import { isIP } from "node:net";

export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "link_local"
  | "private"
  | "shared"
  | "unique_local"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "invalid";

type Range4 = { base: string; bits: number; kind: AddressClass };

// Order matters only where ranges nest (none of these do).
const IPV4_RANGES: Range4[] = [
  { base: "0.0.0.0", bits: 8, kind: "unspecified" },
  { base: "10.0.0.0", bits: 8, kind: "private" },
  { base: "100.64.0.0", bits: 10, kind: "shared" },
  { base: "127.0.0.0", bits: 8, kind: "loopback" },
  { base: "169.254.0.0", bits: 16, kind: "link_local" },
  { base: "172.16.0.0", bits: 12, kind: "private" },
  { base: "192.0.0.0", bits: 24, kind: "reserved" },
  { base: "192.168.0.0", bits: 16, kind: "private" },
  { base: "198.18.0.0", bits: 15, kind: "reserved" },
  { base: "224.0.0.0", bits: 4, kind: "multicast" },
  { base: "255.255.255.255", bits: 32, kind: "broadcast" },
  { base: "240.0.0.0", bits: 4, kind: "reserved" },
];

function ipv4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function classifyIpv4(address: string): AddressClass {
  const n = ipv4Number(address);
  for (const range of IPV4_RANGES) {
    const size = 2 ** (32 - range.bits);
    const start = ipv4Number(range.base);
    if (n >= start && n < start + size) return range.kind;
  }
  return "public";
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail becomes two groups). */
function ipv6Groups(address: string): number[] | null {
  let text = address.split("%")[0].toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const n = ipv4Number(tail[1]);
    text = text.slice(0, -tail[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split("::");
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(rest);
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function classifyIpv6(address: string): AddressClass {
  const g = ipv6Groups(address);
  if (!g) return "invalid";
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return "unspecified";
  if (zeroUpTo(7) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): the IPv4 rules.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) {
    return classifyIpv4([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff].join("."));
  }
  // NAT64 (64:ff9b::/96) reaches the IPv4 address in its tail.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return classifyIpv4([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff].join("."));
  }
  if ((g[0] & 0xfe00) === 0xfc00) return "unique_local";
  if ((g[0] & 0xffc0) === 0xfe80) return "link_local";
  if ((g[0] & 0xffc0) === 0xfec0) return "private"; // site-local, deprecated but still routed privately
  if ((g[0] & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "reserved"; // documentation
  return "public";
}

/** What kind of address this is (an IPv4 or IPv6 literal; anything else is "invalid"). */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const family = isIP(bare.split("%")[0]);
  if (family === 4) return classifyIpv4(bare);
  if (family === 6) return classifyIpv6(bare);
  return "invalid";
}

/** Whether a webhook may be delivered to this address. */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  const kind = classifyAddress(address);
  if (kind === "public") return true;
  if (kind === "invalid") return false;
  return allowPrivate;
}

/** The installation's choice: LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE=1 lets webhooks reach private networks. */
export function privateTargetsAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE === "1";
}

export type UrlVerdict =
  | { ok: true; url: URL }
  | { ok: false; reason: "not_a_url" | "not_http" | "credentials" | "refused_address"; address?: string };

/** The URL itself: absolute http(s), without credentials in it (they would leak into logs). */
export function checkWebhookUrl(text: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "not_a_url" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "not_http" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  return { ok: true, url };
}

/** Every address a name resolved to must be allowed: one refused address refuses the URL. */
export function checkResolved(addresses: string[], allowPrivate: boolean): string | null {
  return addresses.find((address) => !addressAllowed(address, allowPrivate)) ?? null;
}
