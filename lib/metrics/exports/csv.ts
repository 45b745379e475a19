/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Hangul as mojibake),
 * CRLF line ends, RFC 4180 quoting, and cells that would start a formula neutralised (OWASP CSV
 * injection: a name like "=HYPERLINK(…)" must stay text).
 */
export const CSV_BOM = '\uFEFF';
const KST_OFFSET_MS = 9 * 3600_000;

export type CsvValue = string | number | boolean | Date | null | undefined;
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvValue };

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? formatKst(value) : typeof value === 'boolean' ? (value ? 'Y' : 'N') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A value as people write it (a phone number with its hyphens), or nothing. */
export function formatOptional(value: string | null | undefined, format: (value: string) => string): string | null {
  return value ? format(value) : null;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Korean local time, minutes: what a spreadsheet recognises as a date and a person reads at a glance. */
export function formatKst(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A CSV body that is never held in memory whole: each pull reads one batch (keyset pagination by
 * the caller's cursor) and writes it, so a million rows stream at the client's pace.
 */
export function streamCsv<Row, Cursor>(options: {
  columns: readonly CsvColumn<Row>[];
  readBatch: (after: Cursor | null) => Promise<{ rows: Row[]; next: Cursor | null }>;
  onEnd?: (rowCount: number) => void;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let hasStarted = false;
  let rowCount = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!hasStarted) {
        hasStarted = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(options.columns.map((column) => column.header))));
        return;
      }
      const batch = await options.readBatch(cursor);
      if (batch.rows.length > 0) {
        rowCount += batch.rows.length;
        controller.enqueue(encoder.encode(batch.rows.map((row) => csvLine(options.columns.map((column) => column.value(row)))).join('')));
      }
      if (batch.next === null) {
        options.onEnd?.(rowCount);
        controller.close();
      } else {
        cursor = batch.next;
      }
    },
  });
}

/** A file name that is safe in every browser: ASCII only. */
export function csvDisposition(name: string): string {
  return `attachment; filename="${name.replace(/[^a-zA-Z0-9._-]/g, '_')}"`;
}
