import { requireClaimants } from './claims';
import { consentRecordRows, plaintiffsCaption, requireConsent } from './consents';
import { caseDocumentMeta } from './document-meta';
import { throwIfAborted } from './errors';
import { displayAddress, displayName, guardianPhrase, isoDateIn, partyName } from './format';
import { LEADING } from './geometry';
import { drawShortCaption, labelWidthFor } from './layout/caption';
import { drawClosing } from './layout/closing';
import { consentRecordColumn, RECORD_COLUMN_WIDTH } from './layout/consent-column';
import { Flow } from './layout/flow';
import { drawPageFurniture } from './layout/furniture';
import { PdfBuilder } from './layout/pdf-builder';
import { documentStyles, type DocumentStyles } from './layout/styles';
import { drawTable, type TableColumn } from './layout/table';
import { STRINGS } from './strings';
import type { ClaimantSnapshot, ConsentRecord, PowerOfAttorneyInput, RenderOptions } from './types';

/**
 * The list of powers is set a little smaller, as on the court's printed form, to keep one page
 * per claimant; English wraps more, so it is set smaller still.
 */
const POWERS_TYPE = { ko: { size: 11, leading: 16 }, en: { size: 10.5, leading: 14 } } as const;

type Principal = { claimant: ClaimantSnapshot; consent: ConsentRecord };

function drawGrant(
  flow: Flow,
  styles: DocumentStyles,
  input: PowerOfAttorneyInput,
  options: RenderOptions,
  plaintiffs: string,
  intro: string,
): void {
  const { format, language } = options;
  const strings = STRINGS[language];
  const text = strings.powerOfAttorney;
  const counsel = input.case.counsel;
  if (format === 'kr') flow.paragraph(text.title, styles.title);
  drawShortCaption(flow, styles, {
    format,
    language,
    caseInfo: input.case,
    plaintiffs,
    representatives: input.plaintiffs?.representatives,
  });
  if (format === 'us') flow.paragraph(text.title, styles.title);
  flow.paragraph(intro, { ...styles.body, leading: LEADING.caption, firstLineIndent: styles.body.size, spaceBefore: 4, spaceAfter: 4 });
  const attorneys = counsel.attorneys.map((attorney) => attorney.name[language]).join(', ');
  flow.gap(6);
  const labelWidth = labelWidthFor(language);
  flow.labeled(text.attorneyLabel, counsel.name[language], styles.caption, labelWidth, styles.captionBold);
  const details = [
    strings.complaint.counselAttorneys(attorneys),
    counsel.address[language],
    strings.complaint.contact(counsel.phone, counsel.fax),
    counsel.email ?? '',
  ];
  for (const line of details.filter(Boolean)) flow.paragraph(line, { ...styles.caption, indent: labelWidth });
  flow.paragraph(text.powersHeading, { ...styles.heading, spaceBefore: 4 });
  const powerStyle = { ...styles.caption, ...POWERS_TYPE[language] };
  text.powers.forEach((power, index) => {
    const marker = `${index + 1}. `;
    const hang = powerStyle.font.widthOf(marker, powerStyle.size);
    flow.paragraph(`${marker}${power}`, { ...powerStyle, indent: hang, firstLineIndent: -hang });
  });
}

function drawPerClaimant(
  flow: Flow,
  styles: DocumentStyles,
  input: PowerOfAttorneyInput,
  options: RenderOptions,
  principal: Principal,
  plaintiffs: string,
): void {
  const { format, language } = options;
  const timeZone = options.timeZone ?? 'Asia/Seoul';
  const strings = STRINGS[language];
  const shown = displayName(principal.claimant, format, language, isoDateIn(options.now, timeZone));
  // A minor grants through the guardian, who signed: the paper names them both.
  const name = principal.claimant.guardian ? guardianPhrase(shown, principal.claimant.guardian, language) : shown;
  drawGrant(flow, styles, input, options, plaintiffs, strings.powerOfAttorney.intro(strings.powerOfAttorney.principalLine(name)));
  drawClosing(flow, styles, input.case, options, {
    signatureLines: [
      `${strings.powerOfAttorney.principalLabel}  ${strings.powerOfAttorney.principalLine(name)} ${strings.common.eSigned}`,
      displayAddress(principal.claimant, format),
    ],
    signedAt: principal.consent.signedAt,
    record: { title: strings.signature.heading, rows: consentRecordRows(principal.consent, language, timeZone) },
  });
}

/**
 * 소송위임장 / Power of attorney from each claimant's signed retainer consent: per claimant
 * (each on its own pages, with its e-signature record) or combined (one grant and a list of
 * principals with their records).
 */
export async function renderPowerOfAttorney(input: PowerOfAttorneyInput, options: RenderOptions): Promise<Uint8Array> {
  requireClaimants(input.claimants);
  const { format, language } = options;
  const timeZone = options.timeZone ?? 'Asia/Seoul';
  const onDate = isoDateIn(options.now, timeZone);
  const strings = STRINGS[language].powerOfAttorney;
  const principals: Principal[] = input.claimants.map((claimant) => ({ claimant, consent: requireConsent(claimant, 'retainer') }));
  const builder = await PdfBuilder.create(format, caseDocumentMeta(strings.title, input.case, options));
  const styles = documentStyles(builder);
  const flow = new Flow(builder);
  const plaintiffs = plaintiffsCaption(language, input.plaintiffs, input.claimants);

  if (input.mode === 'per_claimant') {
    principals.forEach((principal, index) => {
      throwIfAborted(options.signal);
      if (index > 0) flow.newPage();
      drawPerClaimant(flow, styles, input, options, principal, plaintiffs);
      options.onProgress?.(index + 1, principals.length);
    });
  } else {
    drawGrant(flow, styles, input, options, plaintiffs, strings.introCombined);
    drawClosing(flow, styles, input.case, options, {
      signatureLines: [`${strings.principalLabel}  ${strings.principalsLine(principals.length)}`],
    });
    flow.newPage();
    flow.paragraph(strings.principalsHeading, { ...styles.heading, spaceBefore: 0 });
    const columns: TableColumn<Principal>[] = [
      { header: strings.columns.number, width: 32, align: 'center', text: (_row, index) => String(index + 1) },
      { header: strings.columns.name, width: 58, text: (row) => partyName(row.claimant, format, language, onDate) },
      {
        header: strings.columns.address,
        width: flow.box.width - 32 - 58 - RECORD_COLUMN_WIDTH,
        text: (row) => displayAddress(row.claimant, format),
        wordsOnly: true,
      },
      consentRecordColumn(
        builder,
        strings.columns.record,
        (row) => ({ ...row.consent, details: `IP ${row.consent.ip} · ${row.consent.documentVersion}` }),
        timeZone,
      ),
    ];
    drawTable(flow, columns, principals, styles.tableSmall);
  }
  drawPageFurniture(builder, { language });
  return builder.save();
}
