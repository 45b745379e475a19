import { FONT_SIZE, LEADING } from '../geometry';
import { STRINGS } from '../strings';
import type { CaseInfo, DocumentFormat, Language } from '../types';
import { baselineOffset, type Flow } from './flow';
import type { DocumentStyles } from './styles';

export const KR_LABEL_WIDTH = 84;

export type CaptionInput = {
  format: DocumentFormat;
  language: Language;
  caseInfo: CaseInfo;
  /** "홍길동 외 1,585명" or a single plaintiff's name. */
  plaintiffs: string;
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
  flow.labeled(common.caseLabel, caseLine(caseInfo, language), styles.caption, KR_LABEL_WIDTH);
  flow.labeled(common.plaintiffLabel, input.plaintiffs, styles.caption, KR_LABEL_WIDTH);
  flow.labeled(common.defendantLabel, defendantsShort(caseInfo, language), styles.caption, KR_LABEL_WIDTH);
  flow.gap(LEADING.caption);
}

const RECORD_LABEL_WIDTH = 118;
const RECORD_PADDING = 6;

/**
 * A framed block of label/value rows in small type: the electronic signature record that
 * makes an online consent verifiable (who, when, what text, from where).
 */
export function drawRecordBox(flow: Flow, styles: DocumentStyles, title: string, rows: readonly (readonly [string, string])[]): void {
  const style = { ...styles.small, font: flow.builder.font('sans') };
  const labelStyle = { ...style, font: flow.builder.font('sansBold') };
  const valueWidth = flow.box.width - RECORD_LABEL_WIDTH - 2 * RECORD_PADDING;
  const laidOut = rows.map(([label, value]) => ({ label, lines: flow.layout(value, style, valueWidth) }));
  const lineCount = laidOut.reduce((sum, row) => sum + row.lines.length, 0);
  const height = (lineCount + 1) * LEADING.small + 2 * RECORD_PADDING;
  flow.block(height, (canvas, top) => {
    canvas.rect(flow.box.left, top, flow.box.width, height, { stroke: [0.3, 0.3, 0.3], lineWidth: 0.6, fill: [0.97, 0.97, 0.97] });
    let y = top + RECORD_PADDING;
    const offset = baselineOffset(LEADING.small, FONT_SIZE.small);
    canvas.text(title, flow.box.left + RECORD_PADDING, y + offset, { font: labelStyle.font, size: FONT_SIZE.small });
    y += LEADING.small;
    for (const row of laidOut) {
      canvas.text(row.label, flow.box.left + RECORD_PADDING, y + offset, { font: labelStyle.font, size: FONT_SIZE.small });
      for (const line of row.lines) {
        canvas.text(line, flow.box.left + RECORD_PADDING + RECORD_LABEL_WIDTH, y + offset, { font: style.font, size: FONT_SIZE.small });
        y += LEADING.small;
      }
    }
  });
}
