import { assertDamagesAddUp } from './claims';
import { plaintiffsCaption, requireStatement, statementRecordRows } from './consents';
import { caseDocumentMeta } from './document-meta';
import { displayAddress, displayName, formatBirthDate, formatKrwShort, formatPhone, isoDateIn } from './format';
import { SPACE } from './geometry';
import { drawShortCaption, labelWidthFor } from './layout/caption';
import { drawPlainText, splitRepeatedTitle } from './layout/plain-text';
import { drawClosing } from './layout/closing';
import { Flow } from './layout/flow';
import { drawPageFurniture } from './layout/furniture';
import { PdfBuilder } from './layout/pdf-builder';
import { documentStyles } from './layout/styles';
import { drawTable, type TableColumn } from './layout/table';
import { formatBusinessNumber } from '@/lib/format/numbers';
import { STRINGS } from './strings';
import type { DamageItem, DeclarationInput, RenderOptions } from './types';

/**
 * 진술서 / Declaration: the claimant's signed statement (rendered from the claim definition's statement) verbatim, their damages,
 * and the signature record (time, signer, IP, device, SHA-256 of the signed text). US filings
 * redact per FRCP 5.2 (year of birth, locality, last four digits of the phone number).
 */
export async function renderDeclaration(input: DeclarationInput, options: RenderOptions): Promise<Uint8Array> {
  const { claimant } = input;
  const statement = requireStatement(claimant);
  assertDamagesAddUp(claimant);
  const { format, language } = options;
  const timeZone = options.timeZone ?? 'Asia/Seoul';
  const strings = STRINGS[language];
  const text = strings.declaration;
  const name = displayName(claimant, format, language, isoDateIn(options.now, timeZone));
  const builder = await PdfBuilder.create(format, caseDocumentMeta(`${text.title} (${claimant.referenceNumber})`, input.case, options));
  const styles = documentStyles(builder);
  const flow = new Flow(builder);

  // The signed text usually opens with its own title: printed once, as the document's title.
  const { subtitle, body } = splitRepeatedTitle(statement.text, text.title);
  if (format === 'kr') flow.paragraph(text.title, subtitle ? { ...styles.title, spaceAfter: 0 } : styles.title);
  if (format === 'kr' && subtitle) flow.paragraph(subtitle, { ...styles.caption, align: 'center', spaceAfter: SPACE.afterTitle });
  drawShortCaption(flow, styles, {
    format,
    language,
    caseInfo: input.case,
    plaintiffs: plaintiffsCaption(language, input.plaintiffs, [claimant]),
    representatives: input.plaintiffs?.representatives,
  });
  if (format === 'us') flow.paragraph(`${text.title} — ${name}`, styles.title);
  if (format === 'us' && subtitle) flow.paragraph(subtitle, { ...styles.caption, align: 'center' });

  flow.paragraph(text.declarantHeading, { ...styles.captionBold, spaceAfter: 2, keepWithNext: true });
  const fields: [string, string | undefined][] = [
    [text.fields.name, name],
    [text.fields.birth, formatBirthDate(claimant.dateOfBirth, format, language)],
    [text.fields.address, displayAddress(claimant, format)],
    [text.fields.phone, claimant.phone && formatPhone(claimant.phone, format)],
    [text.fields.type, claimant.category?.label[language]],
    [text.fields.business, businessLine(claimant.businessName, claimant.businessRegistrationNumber, format)],
  ];
  for (const [label, value] of fields) {
    if (value) flow.labeled(label, value, { ...styles.caption, indent: 12 }, labelWidthFor(language));
  }

  flow.paragraph(text.statementHeading, { ...styles.heading, align: 'left' });
  drawPlainText(flow, styles, body);

  flow.paragraph(text.damagesHeading, { ...styles.heading, align: 'left' });
  const columns: TableColumn<DamageItem>[] = [
    { header: text.damagesColumns.category, width: 110, text: (item) => strings.common.damageCategories[item.category] ?? item.category },
    { header: text.damagesColumns.description, width: flow.box.width - 110 - 110, text: (item) => item.description },
    { header: text.damagesColumns.amount, width: 110, align: 'right', text: (item) => formatKrwShort(item.amountKrw, language) },
  ];
  const totalRow: DamageItem = { category: text.damagesTotal, description: '', amountKrw: claimant.damages.totalKrw };
  drawTable(flow, columns, [...claimant.damages.items, totalRow], styles.table);

  flow.gap(12);
  const signature = `${text.declarantSign(name)} ${strings.common.eSigned}`;
  drawClosing(flow, styles, input.case, options, {
    lead: text.affirmation,
    signatureLines: format === 'us' ? [text.executedAt(claimant.locality), `/s/ ${name} ${strings.common.eSigned}`] : [signature],
    signedAt: statement.signedAt,
    record: { title: strings.signature.heading, rows: statementRecordRows(statement, language, timeZone) },
  });
  drawPageFurniture(builder, { language });
  return builder.save();
}

/** 바른상점 (124-81-00998): the 사업자등록번호 only on Korean papers (a US filing would have to redact it). */
function businessLine(name: string | undefined, number: string | undefined, format: 'kr' | 'us'): string | undefined {
  if (!name) return undefined;
  return number && format === 'kr' ? `${name} (${formatBusinessNumber(number)})` : name;
}
