import { caseDocumentMeta } from './document-meta';
import { displayName, formatBirthDate, formatInstant, isoDateIn } from './format';
import { Flow } from './layout/flow';
import { drawPageFurniture } from './layout/furniture';
import { PdfBuilder } from './layout/pdf-builder';
import { documentStyles } from './layout/styles';
import { drawTable, type TableColumn } from './layout/table';
import { STRINGS } from './strings';
import type { CaseInfo, ConsentKind, RenderOptions } from './types';

export type AuthorityDocumentKind = ConsentKind | 'statement';

/** One signed document of an appointing party, as the server stored its signature. */
export type AuthorityDocument = {
  kind: AuthorityDocumentKind;
  /** e.g. "v2 (ko)". */
  version: string;
  textSha256: string;
  /** ISO instant, server time. */
  signedAt: string;
  ip: string;
  userAgent: string;
};

export type AuthorityAuditEntry = { id: number; seq: number; action: string; hash: string };

export type AuthorityAnnexRow = {
  referenceNumber: string;
  legalName: string;
  legalNameLatin?: string;
  dateOfBirth: string;
  isMinor: boolean;
  guardian: { relation: string; names: string[] } | null;
  email: string;
  emailVerifiedAt: string | null;
  phone: string | null;
  documents: AuthorityDocument[];
  auditEntries: AuthorityAuditEntry[];
};

export type AuthorityAnnexInput = {
  case: CaseInfo;
  filingVersion: number;
  /** The audit chain the entries belong to (the case's). */
  auditChain: string;
  rows: readonly AuthorityAnnexRow[];
  manifest: { fileName: string; sha256: string };
};

/**
 * Which file of an annex filed in several (lib/filings/render/annex-parts.ts): its number, how
 * many there are, the number of its first row and the rows of all of them. Without it the annex
 * is one file holding every row.
 */
export type AnnexPart = { part: number; parts: number; firstRowNumber: number; totalRows: number };

const RECORD_SIZE = 6.5;
const RECORD_LEADING = 8.5;
/** The number column's narrowest width; it grows to fit the last row's number on one line (100,000 is six digits). */
const MIN_NUMBER_WIDTH = 28;
const HEX_DIGITS = '0123456789abcdef';

/**
 * 선정 및 소송위임 확인서: for each appointing party, who signed (typed name, birth date, the
 * verified e-mail, the guardian of a minor), what (document kind, version, SHA-256 of the exact
 * text), when and from where, and the audit entries that recorded it, with how to check it all
 * against the manifest. Typed names only: a signature image would claim more than was signed.
 */
export async function renderAuthorityAnnex(
  input: AuthorityAnnexInput,
  options: RenderOptions,
  part: AnnexPart = { part: 1, parts: 1, firstRowNumber: 1, totalRows: input.rows.length },
): Promise<Uint8Array> {
  const { format, language } = options;
  const timeZone = options.timeZone ?? 'Asia/Seoul';
  const onDate = isoDateIn(options.now, timeZone);
  const strings = STRINGS[language].authority;
  const kinds = STRINGS[language].common.consentKinds;
  const partTitle = (text: string) => (part.parts > 1 ? STRINGS[language].packet.partTitle(text, part.part, part.parts) : text);
  const title = partTitle(strings.title);
  const meta = caseDocumentMeta(strings.title, input.case, options);
  const builder = await PdfBuilder.create(format, { ...meta, title: partTitle(meta.title) });
  const styles = documentStyles(builder);
  const flow = new Flow(builder);

  flow.paragraph(title, styles.title);
  if (part.part === 1) {
    flow.paragraph(strings.intro(input.filingVersion, part.totalRows), { ...styles.body, firstLineIndent: styles.body.size });
    // How to verify, and the manifest's hash, before the rows: an annex over the court's per-file
    // limit is filed in several files, and the first must say how every one is checked.
    flow.paragraph(strings.verificationHeading, { ...styles.heading, spaceBefore: 12 });
    for (const paragraph of strings.verification(input.manifest.fileName, input.auditChain))
      // Left-aligned: file names, commands and hashes cannot be justified without gaping spaces.
      flow.paragraph(paragraph, { ...styles.body, align: 'left', firstLineIndent: styles.body.size });
  } else {
    const lastRowNumber = part.firstRowNumber + input.rows.length - 1;
    flow.paragraph(strings.partRows(part.firstRowNumber, lastRowNumber, part.totalRows), {
      ...styles.body,
      firstLineIndent: styles.body.size,
    });
  }
  // Every file names the manifest it belongs to, so a part on its own can still be checked.
  flow.paragraph(strings.manifestHash(input.manifest.sha256), { ...styles.small, font: builder.font('sans'), spaceAfter: 12 });

  const signer = (row: AuthorityAnnexRow): string => {
    const lines = [
      `${displayName(row, format, language, onDate)} (${row.referenceNumber})`,
      strings.birth(formatBirthDate(row.dateOfBirth, format, language)),
    ];
    if (row.isMinor) lines.push(strings.minor);
    if (row.guardian)
      lines.push(
        strings.guardian(strings.guardianRelations[row.guardian.relation] ?? row.guardian.relation, row.guardian.names.join(', ')),
      );
    lines.push(strings.email(row.email, row.emailVerifiedAt && formatInstant(row.emailVerifiedAt, timeZone, true)));
    lines.push(row.phone ? strings.phone(row.phone) : strings.noPhone);
    return lines.join('\n');
  };
  const records = (row: AuthorityAnnexRow): string => {
    const documents = row.documents.flatMap((document) => [
      strings.documentLine(
        formatInstant(document.signedAt, timeZone, true),
        document.kind === 'statement' ? strings.statement : kinds[document.kind],
        document.version,
        document.ip,
        document.userAgent,
      ),
      document.textSha256,
    ]);
    const audit = row.auditEntries.length
      ? row.auditEntries.flatMap((entry) => [strings.auditLine(entry.id, entry.seq, entry.action), entry.hash])
      : [strings.noAudit];
    return [...documents, ...audit].join('\n');
  };
  // A hash must stay on one line to be copied and compared: the column fits 64 of the widest hex digit.
  const sans = builder.font('sans');
  const widestDigit = Math.max(...[...HEX_DIGITS].map((digit) => sans.widthOf(digit, RECORD_SIZE)));
  const recordWidth = Math.ceil(64 * widestDigit + 2 * styles.tableSmall.padding + 1);
  const lastNumber = String(part.firstRowNumber + Math.max(0, input.rows.length - 1));
  const numberWidth = Math.max(
    MIN_NUMBER_WIDTH,
    Math.ceil(styles.tableSmall.font.widthOf(lastNumber, styles.tableSmall.size) + 2 * styles.tableSmall.padding + 2),
  );
  const columns: TableColumn<AuthorityAnnexRow>[] = [
    { header: strings.columns.number, width: numberWidth, align: 'center', text: (_row, index) => String(part.firstRowNumber + index) },
    { header: strings.columns.signer, width: flow.box.width - numberWidth - recordWidth, text: signer },
    {
      header: strings.columns.records,
      width: recordWidth,
      font: sans,
      size: RECORD_SIZE,
      leading: RECORD_LEADING,
      text: records,
    },
  ];
  drawTable(flow, columns, input.rows, styles.tableSmall);

  if (part.part === part.parts) for (const note of strings.notes) flow.paragraph(note, { ...styles.small, spaceBefore: 4 });
  drawPageFurniture(builder, { language, runningHeader: title });
  return builder.save();
}
