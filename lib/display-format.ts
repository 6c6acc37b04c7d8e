// Display helpers shared by the dashboard, timeline and report pages. Intl formatters are
// costly to build, so each one is made once and reused.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export function formatMoney(minor: number, currency: string): string {
  try {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 });
      moneyFormats.set(currency, format);
    }
    return format.format(minor / 100);
  } catch {
    return `${Math.round(minor / 100)} ${currency}`;
  }
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  const d = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(d.getTime())) return date;
  return dateFormat.format(d);
}

export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
