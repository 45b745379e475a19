import { requireClaimants } from './claims';
import { plaintiffsCaption, requireConsent } from './consents';
import { caseDocumentMeta } from './document-meta';
import { displayAddress, displayName, isoDateIn, partyName } from './format';
import { drawShortCaption } from './layout/caption';
import { drawClosing } from './layout/closing';
import { consentRecordColumn, RECORD_COLUMN_WIDTH } from './layout/consent-column';
import { Flow } from './layout/flow';
import { drawPageFurniture } from './layout/furniture';
import { PdfBuilder } from './layout/pdf-builder';
import { documentStyles } from './layout/styles';
import { drawTable, type TableColumn } from './layout/table';
import { STRINGS } from './strings';
import type { AppointmentInput, ClaimantSnapshot, ConsentRecord, RenderOptions } from './types';

type AppointerRow = { claimant: ClaimantSnapshot; consent: ConsentRecord };

/**
 * 선정서 (Civil Procedure Act art. 53): the appointing claimants name the representative
 * party. Each appointer's online consent is listed with its time, document version and the
 * SHA-256 of the signed text, so the authority can be proven in writing.
 */
export async function renderAppointment(input: AppointmentInput, options: RenderOptions): Promise<Uint8Array> {
  requireClaimants(input.appointers, 'appointers');
  requireClaimants(input.representatives, 'representatives');
  const { format, language } = options;
  const timeZone = options.timeZone ?? 'Asia/Seoul';
  const onDate = isoDateIn(options.now, timeZone);
  const strings = STRINGS[language].appointment;
  const rows: AppointerRow[] = listAppointers(input.representatives, input.appointers).map((claimant) => ({
    claimant,
    consent: requireConsent(claimant, 'representative_appointment'),
  }));
  const builder = await PdfBuilder.create(format, caseDocumentMeta(strings.title, input.case, options));
  const styles = documentStyles(builder);
  const flow = new Flow(builder);
  const plaintiffs = plaintiffsCaption(language, input.plaintiffs, input.appointers);

  if (format === 'kr') flow.paragraph(strings.title, styles.title);
  const representativeIds = new Set(input.representatives.map((claimant) => claimant.id));
  drawShortCaption(flow, styles, {
    format,
    language,
    caseInfo: input.case,
    plaintiffs,
    representatives: input.representatives.map((claimant) => displayName(claimant, format, language, onDate)),
  });
  if (format === 'us') flow.paragraph(strings.title, styles.title);
  flow.paragraph(strings.intro, { ...styles.body, firstLineIndent: styles.body.size });
  flow.paragraph(strings.representativesHeading, { ...styles.captionBold, spaceBefore: 12, keepWithNext: true });
  for (const representative of input.representatives) {
    const name = displayName(representative, format, language, onDate);
    flow.paragraph(`${name}    ${displayAddress(representative, format)}`, { ...styles.caption, indent: 24 });
  }
  flow.paragraph(strings.note, { ...styles.small, spaceBefore: 12, keepWithNext: true });
  drawClosing(flow, styles, input.case, options, { signatureLines: [strings.signatureLine(rows.length)] });

  flow.newPage();
  flow.paragraph(strings.appointersHeading, { ...styles.heading, spaceBefore: 0 });
  const columns: TableColumn<AppointerRow>[] = [
    { header: strings.columns.number, width: 32, align: 'center', text: (_row, index) => String(index + 1) },
    {
      header: strings.columns.name,
      width: 58,
      // The 선정당사자 are 선정자 too and are listed first, marked (the usual practice; see lib/pdf/README.md).
      text: (row) =>
        `${partyName(row.claimant, format, language, onDate)}${representativeIds.has(row.claimant.id) ? `\n${strings.representativeMark}` : ''}`,
    },
    {
      header: strings.columns.address,
      width: flow.box.width - 32 - 58 - RECORD_COLUMN_WIDTH,
      text: (row) => displayAddress(row.claimant, format),
      wordsOnly: true,
    },
    consentRecordColumn(builder, strings.columns.consent, (row) => ({ ...row.consent, details: row.consent.documentVersion }), timeZone),
  ];
  drawTable(flow, columns, rows, styles.tableSmall);
  drawPageFurniture(builder, { language, runningHeader: `${strings.title.replace(/\s+/g, ' ')} — ${plaintiffs}` });
  return builder.save();
}

/** Every 선정자 once: the 선정당사자 first (they appoint themselves along with the others), then the rest in order. */
function listAppointers(representatives: readonly ClaimantSnapshot[], appointers: readonly ClaimantSnapshot[]): ClaimantSnapshot[] {
  const ids = new Set(representatives.map((claimant) => claimant.id));
  return [...representatives, ...appointers.filter((claimant) => !ids.has(claimant.id))];
}
