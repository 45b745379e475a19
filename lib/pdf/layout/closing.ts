import { formatDate, isoDateIn } from '../format';
import { LEADING } from '../geometry';
import { STRINGS } from '../strings';
import type { CaseInfo, RenderOptions } from '../types';
import { drawRecordBox, recordBoxHeight } from './caption';
import type { Flow } from './flow';
import type { DocumentStyles } from './styles';

/** The signer's lines start a little left of the centre, as on Korean court forms. */
const SIGNATURE_INDENT_SHARE = 0.38;
const CLOSING_GAP = 6;
const RECORD_GAP = 6;
const ADDRESSEE_GAP = 16;
const ADDRESSEE_LEADING = 22;

export type Closing = {
  /** A paragraph kept on the same page as the signature (the declaration's affirmation). */
  lead?: string;
  /** Lines of the signer, printed in the right half under the date. */
  signatureLines: readonly string[];
  /** Date the paper by this instant (when it was signed) instead of `options.now`. */
  signedAt?: string;
  /** The e-signature record printed under the signature. */
  record?: { title: string; rows: readonly (readonly [string, string])[] };
};

/** The document date in the filing's zone, printed the way the language writes dates. */
export function documentDate(options: RenderOptions, instant: Date = options.now): string {
  return formatDate(isoDateIn(instant, options.timeZone ?? 'Asia/Seoul'), options.language);
}

/**
 * The end of a filing: the date, the signer's lines in the right half, the e-signature record,
 * and for Korean courts the addressee (서울중앙지방법원 귀중) last. The lead paragraph, date and
 * signature stay on one page; the record and the addressee stay together, on the next page if
 * need be, rather than leaving half a page empty.
 */
export function drawClosing(flow: Flow, styles: DocumentStyles, caseInfo: CaseInfo, options: RenderOptions, closing: Closing): void {
  const isKr = options.format === 'kr';
  const signatureIndent = flow.box.width * SIGNATURE_INDENT_SHARE;
  const signatureStyle = { ...styles.caption, indent: signatureIndent };
  const recordHeight = closing.record ? RECORD_GAP + recordBoxHeight(flow, closing.record.rows) : 0;
  const addresseeHeight = isKr ? ADDRESSEE_GAP + ADDRESSEE_LEADING : 0;
  const leadStyle = { ...styles.body, firstLineIndent: styles.body.size };
  // The lead, the date and the signer's lines are kept with what follows (the record box and the
  // addressee): the whole block moves to the next page together, never the signature alone.
  if (closing.lead) flow.paragraph(closing.lead, { ...leadStyle, keepWithNext: true });
  flow.keep(CLOSING_GAP, () => flow.gap(CLOSING_GAP));
  const date = documentDate(options, closing.signedAt ? new Date(closing.signedAt) : options.now);
  flow.paragraph(date, { ...styles.bodyLeft, align: isKr ? 'center' : 'left', spaceAfter: LEADING.body / 2, keepWithNext: true });
  for (const line of closing.signatureLines) flow.paragraph(line, { ...signatureStyle, keepWithNext: true });
  flow.ensure(recordHeight + addresseeHeight);
  if (closing.record) {
    flow.gap(RECORD_GAP);
    drawRecordBox(flow, closing.record.title, closing.record.rows);
  }
  if (!isKr) return;
  flow.gap(ADDRESSEE_GAP);
  flow.paragraph(STRINGS[options.language].common.addressee(caseInfo.court[options.language]), {
    ...styles.captionBold,
    size: 14,
    leading: ADDRESSEE_LEADING,
  });
}
