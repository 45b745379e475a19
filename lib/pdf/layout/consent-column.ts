import { formatInstant } from '../format';
import type { PdfBuilder } from './pdf-builder';
import type { TableColumn } from './table';

/** A full SHA-256 (64 hex digits) fits on one line of this column at this size. */
export const RECORD_COLUMN_WIDTH = 236;
const RECORD_SIZE = 6.5;
const RECORD_LEADING = 8.5;

/** The e-consent column of 선정서 / 위임장 lists: time and version on one line, the full hash on the next. */
export function consentRecordColumn<Row>(
  builder: PdfBuilder,
  header: string,
  record: (row: Row) => { signedAt: string; details: string; textSha256: string },
  timeZone: string,
): TableColumn<Row> {
  return {
    header,
    width: RECORD_COLUMN_WIDTH,
    font: builder.font('sans'),
    size: RECORD_SIZE,
    leading: RECORD_LEADING,
    text: (row) => {
      const { signedAt, details, textSha256 } = record(row);
      return `${formatInstant(signedAt, timeZone, true)} · ${details}\n${textSha256}`;
    },
  };
}
