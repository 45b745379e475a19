import { captionName, formatDate, formatKrw, isoDateIn } from '../format';
import { LEADING, SPACE } from '../geometry';
import type { Flow, ParagraphStyle } from '../layout/flow';
import type { DocumentStyles } from '../layout/styles';
import { drawTabList } from '../layout/tab-list';
import { STRINGS } from '../strings';
import type { ComplaintInput, Defendant, Language, RenderOptions } from '../types';
import type { ComplaintFacts } from './complaint-data';
import { drawTemplate } from './template-blocks';

/** Caption label column: fits 원고들 소송대리인, and "Counsel for Plaintiffs" in English. */
const LABEL_WIDTHS = { ko: 120, en: 150 } as const;

function captionRow(flow: Flow, label: string, lines: string[], style: ParagraphStyle, labelWidth: number, hanging = 0): void {
  lines.forEach((line, index) => {
    const lineStyle = { ...style, indent: labelWidth + (index === 0 ? 0 : hanging) };
    if (index === 0) flow.labeled(label, line, style, labelWidth);
    else flow.paragraph(line, lineStyle);
  });
}

function defendantLines(defendant: Defendant, language: Language): string[] {
  const strings = STRINGS[language].complaint;
  const lines = [`${defendant.position}. ${defendant.name[language]}`];
  if (defendant.address[language]) lines.push(defendant.address[language]);
  const representative = defendant.representative;
  // The State is represented by an office (법무부장관), named or not; a company's line is its
  // representative's name (대표이사 홍길동), so without a name there is no line at all.
  if (representative && defendant.kind === 'state') {
    lines.push(
      `${strings.stateRepresentative} ${strings.representedBy(representative.title[language], representative.name[language])}`.trim(),
    );
  } else if (representative?.name[language].trim()) {
    lines.push(strings.representedBy(representative.title[language], representative.name[language]).trim());
  }
  if (defendant.note) lines.push(defendant.note[language]);
  return lines;
}

/** 소장 in the Korean court layout: caption, 청구취지, 청구원인, 입증방법, 첨부서류, date, signature. */
export function drawKoreanComplaint(
  flow: Flow,
  styles: DocumentStyles,
  input: ComplaintInput,
  facts: ComplaintFacts,
  options: RenderOptions,
): void {
  const { language } = options;
  const strings = STRINGS[language];
  const text = strings.complaint;
  const caseInfo = input.case;
  const counsel = caseInfo.counsel;
  const labelWidth = LABEL_WIDTHS[language];

  flow.paragraph(text.title, styles.title);
  const representatives = input.hasRepresentativeParty ? (input.representatives ?? []) : [];
  if (representatives.length) {
    // The appointed ones are the plaintiffs of record; everyone else is a 선정자 (art. 53(2)).
    const lines = representatives.flatMap((person, index) => [
      `${representatives.length > 1 ? `${index + 1}. ` : ''}${captionName(person, language)}`,
      ...(person.address ? [person.address] : []),
    ]);
    const hang = representatives.length > 1 ? styles.caption.font.widthOf('1. ', styles.caption.size) : 0;
    captionRow(flow, strings.common.representativePlaintiffLabel, [...lines, text.appointersSuffix], styles.caption, labelWidth, hang);
  } else {
    captionRow(
      flow,
      strings.common.plaintiffLabel,
      [strings.common.plaintiffs(captionName(facts.lead, language), facts.count), text.plaintiffsSuffix],
      styles.caption,
      labelWidth,
    );
  }
  flow.gap(SPACE.paragraph);
  const attorneys = counsel.attorneys.map((attorney) => attorney.name[language]).join(', ');
  const contact = text.contact(counsel.phone, counsel.fax, counsel.email);
  captionRow(
    flow,
    representatives.length ? text.representativeCounselLabel : text.counselLabel,
    [counsel.name[language], text.counselAttorneys(attorneys), counsel.address[language], contact].filter(Boolean),
    styles.caption,
    labelWidth,
  );
  flow.gap(SPACE.paragraph);
  facts.defendants.forEach((defendant, index) => {
    const lines = defendantLines(defendant, language);
    const hang = styles.caption.font.widthOf(`${defendant.position}. `, styles.caption.size);
    if (index === 0) captionRow(flow, strings.common.defendantLabel, lines, styles.caption, labelWidth, hang);
    else lines.forEach((line, lineIndex) => flow.paragraph(line, { ...styles.caption, indent: labelWidth + (lineIndex === 0 ? 0 : hang) }));
  });
  flow.gap(LEADING.caption);
  flow.paragraph(text.caseNameLine(caseInfo.caseName[language]), { ...styles.captionBold, align: 'center', spaceAfter: SPACE.paragraph });
  flow.labeled(text.claimValueLabel, formatKrw(facts.totalKrw, language), styles.caption, labelWidth);

  flow.paragraph(text.prayerHeading, styles.heading);
  const prayer = caseInfo.prayer ?? {};
  const prayerItems = [
    text.prayerPay(
      facts.defendants.length,
      facts.count,
      formatKrw(facts.totalKrw, language),
      formatDate(prayer.interestFrom ?? caseInfo.incidentDate, language),
      prayer.civilRatePct ?? 5,
      prayer.litigationRatePct ?? 12,
      representatives.length ? text.representativePayees : undefined,
    ),
    text.prayerCosts(facts.defendants.length),
    text.prayerProvisional,
  ];
  drawNumberedList(flow, styles, prayerItems);
  flow.paragraph(text.prayerClosing, { ...styles.body, firstLineIndent: styles.body.size });

  flow.paragraph(text.causesHeading, styles.heading);
  if (caseInfo.templates.facts) drawTemplate(flow, styles, caseInfo.templates.facts[language], facts.placeholders);
  drawTemplate(flow, styles, caseInfo.templates.causesOfAction[language], facts.placeholders);

  if (facts.evidenceLines.length > 0) {
    flow.paragraph(text.evidenceHeading, styles.heading);
    drawTabList(flow, styles.bodyLeft, facts.evidenceLines);
  }
  flow.paragraph(text.attachmentsHeading, styles.heading);
  // The date, the signature and the addressee stay with the last attachment line.
  drawTabList(flow, styles.bodyLeft, facts.attachmentLines, true, true);

  const date = formatDate(isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul'), language);
  flow.gap(LEADING.body);
  flow.paragraph(date, { ...styles.bodyLeft, align: 'center', spaceAfter: LEADING.body / 2, keepWithNext: true });
  const signatureIndent = flow.box.width / 2;
  for (const line of [text.signatureLead, counsel.name[language], `${text.counselAttorneys(attorneys)} ${strings.common.eSigned}`]) {
    flow.paragraph(line, { ...styles.caption, indent: signatureIndent, keepWithNext: true });
  }
  flow.gap(LEADING.body);
  flow.paragraph(strings.common.addressee(caseInfo.court[language]), { ...styles.captionBold, size: 14, leading: 22 });
}

/** "1. …" items with a hanging indent. */
export function drawNumberedList(flow: Flow, styles: DocumentStyles, items: readonly string[]): void {
  items.forEach((item, index) => {
    const marker = `${index + 1}. `;
    const hang = styles.body.font.widthOf(marker, styles.body.size);
    flow.paragraph(`${marker}${item}`, { ...styles.body, indent: hang, firstLineIndent: -hang, spaceAfter: 0 });
  });
}
