// A CSV download: attachment with a safe, ASCII file name (plus the UTF-8 form), never cached.
export function csvResponse(csv: string, baseName: string): Response {
  const date = new Date().toISOString().slice(0, 10);
  const ascii =
    `${baseName}-${date}`
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-+/g, "-")
      .slice(0, 100) + ".csv";
  const utf8 = encodeURIComponent(`${baseName}-${date}.csv`.replace(/[\r\n"\\/]/g, "-"));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
