import { LEADING } from '../geometry';
import { STRINGS } from '../strings';
import type { CaseInfo, DocumentFormat, Language } from '../types';
import { baselineOffset, type Flow } from './flow';
import type { DocumentStyles } from './styles';

export const KR_LABEL_WIDTH = 84;
const REPRESENTATIVE_LABEL_WIDTH = 112;
/** English labels ("Claimant type") need more room than spread-out Korean ones (구  분). */
export const EN_LABEL_WIDTH = 110;

export function labelWidthFor(language: Language): number {
  return language === 'ko' ? KR_LABEL_WIDTH : EN_LABEL_WIDTH;
}

export type CaptionInput = {
  format: DocumentFormat;
  language: Language;
  caseInfo: CaseInfo;
  /** "홍길동 외 1,585명" or a single plaintiff's name. */
  plaintiffs: string;
  /** The 선정당사자 by name, when the plaintiffs appointed some: captioned 원고(선정당사자). */
  representatives?: readonly string[];
};

export function defendantsShort(caseInfo: CaseInfo, language: Language): string {
  const sorted = [...caseInfo.defendants].sort((a, b) => a.position - b.position);
  const first = sorted[0]?.name[language] ?? '';
  return STRINGS[language].common.defendants(first, sorted.length);
}

/** "2003가합32082 손해배상(기)", or the case name alone before a number is assigned. */
export function caseLine(caseInfo: CaseInfo, language: Language): string {
  return [caseInfo.caseNumber, caseInfo.caseName[language]].filter(Boolean).join(' ');
}

/** US court heading: the court name in capitals, one line per comma-separated part. */
export function drawUsCourtHeading(flow: Flow, styles: DocumentStyles, caseInfo: CaseInfo, language: Language): void {
  const lines = caseInfo.court[language].split(/\n|,\s*/).map((line) => (language === 'en' ? line.toUpperCase() : line));
  for (const line of lines) flow.paragraph(line, { ...styles.captionBold, align: 'center' });
  flow.gap(LEADING.caption / 2);
}

/** The short caption of supporting papers (사건 / 원고 / 피고, or US court + case line). */
export function drawShortCaption(flow: Flow, styles: DocumentStyles, input: CaptionInput): void {
  const { caseInfo, language } = input;
  const common = STRINGS[language].common;
  if (input.format === 'us') {
    drawUsCourtHeading(flow, styles, caseInfo, language);
    const versus = STRINGS[language].complaintUs.versus;
    flow.paragraph(`${input.plaintiffs} ${versus} ${defendantsShort(caseInfo, language)}`, { ...styles.caption, align: 'center' });
    const number = caseInfo.caseNumber ?? '________________';
    flow.paragraph(`${STRINGS[language].complaintUs.caseNo} ${number}`, { ...styles.caption, align: 'center' });
    flow.gap(LEADING.caption);
    return;
  }
  const representatives = input.representatives ?? [];
  // 원고(선정당사자) needs a wider label column than 사  건 / 피  고.
  const labelWidth = representatives.length ? REPRESENTATIVE_LABEL_WIDTH : KR_LABEL_WIDTH;
  flow.labeled(common.caseLabel, caseLine(caseInfo, language), styles.caption, labelWidth);
  if (representatives.length) flow.labeled(common.representativePlaintiffLabel, representatives.join(', '), styles.caption, labelWidth);
  else flow.labeled(common.plaintiffLabel, input.plaintiffs, styles.caption, labelWidth);
  flow.labeled(common.defendantLabel, defendantsShort(caseInfo, language), styles.caption, labelWidth);
  flow.gap(LEADING.caption / 2);
}

const RECORD_LABEL_WIDTH = 70;
const RECORD_PADDING = 5;
const RECORD_SIZE = 7.5;
const RECORD_LEADING = 10;
/** Values up to this width share a line with a neighbour; longer ones (hashes, browsers) get a full line. */
const RECORD_SHORT_VALUE = 150;

type RecordLine = readonly (readonly [string, string])[];

function recordLines(flow: Flow, rows: readonly (readonly [string, string])[]): RecordLine[] {
  const font = flow.builder.font('sans');
  const lines: RecordLine[] = [];
  let pending: (readonly [string, string])[] = [];
  for (const row of rows) {
    if (font.widthOf(row[1], RECORD_SIZE) > RECORD_SHORT_VALUE) {
      if (pending.length) lines.push(pending);
      lines.push([row]);
      pending = [];
      continue;
    }
    pending.push(row);
    if (pending.length === 2) {
      lines.push(pending);
      pending = [];
    }
  }
  if (pending.length) lines.push(pending);
  return lines;
}

export function recordBoxHeight(flow: Flow, rows: readonly (readonly [string, string])[]): number {
  return (recordLines(flow, rows).length + 1) * RECORD_LEADING + 2 * RECORD_PADDING;
}

/**
 * A framed block of label/value pairs in small type: the electronic signature record that
 * makes an online consent verifiable (who, when, what text, from where). Short values sit two
 * to a line to keep the record compact.
 */
export function drawRecordBox(flow: Flow, title: string, rows: readonly (readonly [string, string])[]): void {
  const font = flow.builder.font('sans');
  const bold = flow.builder.font('sansBold');
  const half = (flow.box.width - 2 * RECORD_PADDING) / 2;
  const lines = recordLines(flow, rows);
  const labelWidth = Math.max(RECORD_LABEL_WIDTH, ...rows.map(([label]) => bold.widthOf(label, RECORD_SIZE) + 6));
  const height = recordBoxHeight(flow, rows);
  flow.block(height, (canvas, top) => {
    canvas.rect(flow.box.left, top, flow.box.width, height, { stroke: [0.3, 0.3, 0.3], lineWidth: 0.6, fill: [0.97, 0.97, 0.97] });
    const offset = baselineOffset(RECORD_LEADING, RECORD_SIZE);
    let y = top + RECORD_PADDING;
    canvas.text(title, flow.box.left + RECORD_PADDING, y + offset, { font: bold, size: RECORD_SIZE });
    y += RECORD_LEADING;
    for (const line of lines) {
      line.forEach(([label, value], index) => {
        const x = flow.box.left + RECORD_PADDING + index * half;
        canvas.text(label, x, y + offset, { font: bold, size: RECORD_SIZE });
        canvas.text(value, x + labelWidth, y + offset, { font, size: RECORD_SIZE });
      });
      y += RECORD_LEADING;
    }
  });
}
