import { createHash } from 'node:crypto';
import { formatNumber, splitHash } from '../format';
import { LEADING } from '../geometry';
import type { Flow } from '../layout/flow';
import type { DocumentStyles } from '../layout/styles';
import { drawTable, type TableColumn } from '../layout/table';
import { STRINGS } from '../strings';
import type { Language } from '../types';

/** One row of the index and the manifest. Bates values are placeholders until the pages exist. */
export type ExhibitRow = {
  label: string;
  description: string;
  claimant: string;
  filename: string;
  sha256: string;
  pages: number;
  batesFirst: string;
  batesLast: string;
};

const HASH_SIZE = 6.5;

function hashColumn<Row extends { sha256: string }>(flow: Flow, header: string): TableColumn<Row> {
  return {
    header,
    width: 122,
    font: flow.builder.font('sans'),
    size: HASH_SIZE,
    leading: LEADING.tableSmall,
    text: (row) => splitHash(row.sha256).join('\n'),
  };
}

/** Bates range always on two lines, so a row is as tall before the numbers are known as after. */
function batesText(row: ExhibitRow): string {
  return `${row.batesFirst} –\n${row.batesLast}`;
}

/** 증거목록 / Index of exhibits: label, description, claimant, pages, Bates range, SHA-256. */
export function drawExhibitIndex(flow: Flow, styles: DocumentStyles, rows: readonly ExhibitRow[], language: Language): void {
  const strings = STRINGS[language].exhibits;
  flow.paragraph(strings.indexTitle, { ...styles.heading, spaceBefore: 0 });
  // Romanised names with the Hangul in brackets need a wider column than Hangul alone.
  const claimantWidth = language === 'en' ? 84 : 58;
  const fixed = 76 + claimantWidth + 30 + 74 + 122;
  const columns: TableColumn<ExhibitRow>[] = [
    { header: strings.columns.label, width: 76, text: (row) => row.label },
    { header: strings.columns.description, width: flow.box.width - fixed, text: (row) => row.description },
    { header: strings.columns.claimant, width: claimantWidth, text: (row) => row.claimant, wordsOnly: true },
    { header: strings.columns.pages, width: 30, align: 'right', text: (row) => formatNumber(row.pages) },
    { header: strings.columns.bates, width: 74, font: flow.builder.font('sans'), size: 7.5, leading: LEADING.tableSmall, text: batesText },
    hashColumn(flow, strings.columns.sha256),
  ];
  drawTable(flow, columns, rows, styles.tableSmall);
}

/** The SHA-256 of the manifest's lines, so the list itself can be checked later. */
export function manifestDigest(rows: readonly ExhibitRow[]): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.label}\t${row.filename}\t${row.sha256}\t${row.batesFirst}\t${row.batesLast}\n`);
  return hash.digest('hex');
}

/** The closing manifest: every file with its hash, checked before it was bound in. */
export function drawManifest(flow: Flow, styles: DocumentStyles, rows: readonly ExhibitRow[], language: Language): void {
  const strings = STRINGS[language].exhibits;
  flow.paragraph(strings.manifestTitle, { ...styles.heading, spaceBefore: 0 });
  flow.paragraph(strings.manifestIntro(rows.length), { ...styles.caption, spaceAfter: 8 });
  const fixed = 76 + 74 + 122;
  const columns: TableColumn<ExhibitRow>[] = [
    { header: strings.columns.label, width: 76, text: (row) => row.label },
    { header: strings.columns.filename, width: flow.box.width - fixed, text: (row) => row.filename },
    { header: strings.columns.bates, width: 74, font: flow.builder.font('sans'), size: 7.5, leading: LEADING.tableSmall, text: batesText },
    hashColumn(flow, strings.columns.sha256),
  ];
  drawTable(flow, columns, rows, styles.tableSmall);
  flow.gap(8);
  flow.paragraph(strings.manifestDigest(manifestDigest(rows)), { ...styles.small, font: flow.builder.font('sans') });
}
