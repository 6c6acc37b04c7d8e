// A session's browser and operating system, read from its User-Agent header so that a person can
// recognise their own devices in Settings ("Firefox on Windows"). Pure: names of products, which
// read the same in every language; the words around them ("on", "unknown") come from the catalogue.

export type SessionDevice = {
  /** "Chrome", "Firefox", "Safari"…; null when the header names no browser we know. */
  browser: string | null;
  /** "Windows", "macOS", "iOS"…; null when unknown. */
  os: string | null;
};

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iOS also says "Mac OS X".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\//, "Chrome"],
  [/\bHeadlessChrome\//, "Headless Chrome"],
  [/\bChrom(e|ium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/^curl\//, "curl"],
  [/\bnode\b|\bundici\b/i, "Node.js"],
  [/^python-requests\/|^Python-urllib\//, "Python"],
  [/^PostmanRuntime\//, "Postman"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

export function sessionDevice(userAgent: string | null | undefined): SessionDevice {
  const ua = (userAgent ?? "").trim();
  if (!ua) return { browser: null, os: null };
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    os: SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}
