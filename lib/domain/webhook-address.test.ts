import { describe, expect, it } from "vitest";
import {
  addressAllowed,
  checkResolved,
  checkWebhookUrl,
  classifyAddress,
  privateTargetsAllowed,
  type AddressClass,
} from "./webhook-address";

const CASES: [string, AddressClass][] = [
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.15.255.255", "public"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.32.0.0", "public"],
  ["192.168.1.10", "private"],
  ["192.169.0.1", "public"],
  ["100.63.255.255", "public"],
  ["100.64.0.1", "shared"],
  ["100.127.255.255", "shared"],
  ["100.128.0.0", "public"],
  ["169.254.169.254", "link_local"],
  ["169.254.0.1", "link_local"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["fe80::1", "link_local"],
  ["fe80::1%eth0", "link_local"],
  ["febf::1", "link_local"],
  ["fc00::1", "unique_local"],
  ["fd12:3456:789a::1", "unique_local"],
  ["ff02::1", "multicast"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:169.254.169.254", "link_local"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:8.8.8.8", "public"],
  ["64:ff9b::a00:1", "private"],
  ["2001:db8::1", "reserved"],
  ["2606:4700:4700::1111", "public"],
  ["2a00:1450:4001:80e::200e", "public"],
  ["localhost", "invalid"],
  ["999.1.1.1", "invalid"],
  ["", "invalid"],
];

describe("webhook address classes", () => {
  it.each(CASES)("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(CASES)("%s: allowed only when public, or private targets are allowed", (address, kind) => {
    expect(addressAllowed(address, false)).toBe(kind === "public");
    expect(addressAllowed(address, true)).toBe(kind !== "invalid");
  });
});

describe("webhook URL", () => {
  it.each([
    ["https://hooks.example.com/lightgate", true, undefined],
    ["http://hooks.example.com:8080/x?y=1", true, undefined],
    ["ftp://hooks.example.com/", false, "not_http"],
    ["javascript:alert(1)", false, "not_http"],
    ["file:///etc/passwd", false, "not_http"],
    ["hooks.example.com/path", false, "not_a_url"],
    ["https://user:pw@hooks.example.com/", false, "credentials"],
  ])("%s → %s", (text, ok, reason) => {
    const verdict = checkWebhookUrl(text);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toBe(reason);
  });

  it("refuses a name when any one of its addresses is refused", () => {
    expect(checkResolved(["93.184.216.34", "2606:4700::1"], false)).toBeNull();
    expect(checkResolved(["93.184.216.34", "10.0.0.5"], false)).toBe("10.0.0.5");
    expect(checkResolved(["93.184.216.34", "10.0.0.5"], true)).toBeNull();
  });

  it("reads the installation's switch", () => {
    expect(privateTargetsAllowed({ LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE: "1" })).toBe(true);
    expect(privateTargetsAllowed({ LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE: "true" })).toBe(false);
    expect(privateTargetsAllowed({})).toBe(false);
  });
});
