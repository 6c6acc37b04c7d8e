import type { CSSProperties, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./cx";

/**
 * A table that scrolls sideways on small screens instead of breaking the layout. Cells take their
 * padding and type from `.data-table` (globals.css).
 */
export function Table({
  caption,
  children,
  className,
  style,
}: {
  caption?: string;
  children: ReactNode;
  className?: string;
  style?: CSSProperties;
}) {
  return (
    // Focusable and named, so a keyboard can scroll a table that is wider than a phone (axe:
    // scrollable-region-focusable).
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      style={style}
      className={cx("relative overflow-x-auto rounded-lg border border-slate-200 bg-white", className)}
    >
      <table className="data-table min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={className} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={className} {...props} />;
}
