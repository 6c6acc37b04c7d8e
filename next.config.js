// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// The language of each request is chosen in i18n/request.ts (no locale segment in the URL).
// `precompile`: the build turns every messages/<locale>/<area>.json into icu-minify's compiled form,
// so pages format with a small runtime instead of shipping the ICU parser to every route. A message
// with arguments is then a structure, not its source text: code must format messages, never read them.
// `locales` only serves next-intl's extraction, which we do not use.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (tests, benchmark) may use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole tree (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  experimental: {
    serverActions: { bodySizeLimit: "26mb" },
    // Writing Turbopack's build cache costs 13–60 s per build here, and nothing reads it: CI and
    // the demo build from a clean checkout, and scripts/build-stamp.ts skips unchanged builds.
    turbopackFileSystemCacheForBuild: false,
  },
  async headers() {
    // The Content-Security-Policy itself is set per request (with a nonce) in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()",
          },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // Behind a TLS-terminating proxy: HSTS on every answer (pages also get it from proxy.ts when
      // LIGHTGATE_PUBLIC_URL is https, which this build-time list cannot read). Never over plain HTTP.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "(?:https|HTTPS)(?:,.*)?" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
      // Headers set here win over a route's own, so the two that forbid framing step aside for
      // `?inline=1`: the artifact file route then sends its own (framed by the app only, PDF and
      // images only — lib/data/upload-preview.ts). Pages keep frame-ancestors 'none' from proxy.ts.
      {
        source: "/:path*",
        missing: [{ type: "query", key: "inline" }],
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // API answers are data, never documents to render.
        source: "/api/:path*",
        missing: [{ type: "query", key: "inline" }],
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
