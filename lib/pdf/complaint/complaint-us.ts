import { displayAddress, displayName, formatDate, formatKrw, isoDateIn } from '../format';
import { FONT_SIZE, LEADING, SPACE } from '../geometry';
import { drawUsCourtHeading } from '../layout/caption';
import { baselineOffset, type Flow } from '../layout/flow';
import type { DocumentStyles } from '../layout/styles';
import { STRINGS } from '../strings';
import type { ComplaintInput, Language, RenderOptions } from '../types';
import type { ComplaintFacts } from './complaint-data';
import { drawNumberedParagraph, drawTemplate } from './template-blocks';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

function upper(text: string, language: Language): string {
  return language === 'en' ? text.toUpperCase() : text;
}

/** The two-column class-action caption: parties on the left, case number and title on the right. */
function drawCaption(flow: Flow, styles: DocumentStyles, input: ComplaintInput, facts: ComplaintFacts, options: RenderOptions): void {
  const { language } = options;
  const text = STRINGS[language].complaintUs;
  const filingDate = isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul');
  const leadName = upper(displayName(facts.lead, 'us', language, filingDate), language);
  const half = flow.box.width / 2;
  const style = { ...styles.caption, align: 'left' as const };
  const leftWidth = half - 12;
  const leftLines = [
    ...flow.layout(text.individually(leadName), style, leftWidth),
    '',
    `\u2003\u2003\u2003${text.plaintiffsRole}`,
    '',
    `\u2003\u2003${text.versus}`,
    '',
    ...flow.layout(facts.defendants.map((defendant) => upper(defendant.name[language], language)).join('; ') + ',', style, leftWidth),
    '',
    `\u2003\u2003\u2003${text.defendantsRole}`,
  ];
  const rightLines = [`${text.caseNo} ${input.case.caseNumber ?? '____________________'}`, '', text.title, '', text.jury];
  const height = Math.max(leftLines.length, rightLines.length) * LEADING.caption + SPACE.paragraph * 2;
  flow.block(height, (canvas, top) => {
    const left = flow.box.left;
    leftLines.forEach((line, index) => {
      canvas.text(line, left, top + index * LEADING.caption + baselineOffset(LEADING.caption, FONT_SIZE.body), {
        font: style.font,
        size: FONT_SIZE.body,
      });
    });
    canvas.line(left, top + height, left + half, top + height, { lineWidth: 0.8 });
    canvas.line(left + half, top, left + half, top + height, { lineWidth: 0.8 });
    const rightTop = top + (height - rightLines.length * LEADING.caption) / 2;
    rightLines.forEach((line, index) => {
      const font = index === 0 ? style.font : styles.captionBold.font;
      canvas.text(line, left + half + 18, rightTop + index * LEADING.caption + baselineOffset(LEADING.caption, FONT_SIZE.body), {
        font,
        size: FONT_SIZE.body,
      });
    });
  });
  flow.gap(LEADING.body);
}

/** Class action complaint in US federal form: caption, numbered sections and paragraphs, jury demand, signature. */
export function drawUsComplaint(
  flow: Flow,
  styles: DocumentStyles,
  input: ComplaintInput,
  facts: ComplaintFacts,
  options: RenderOptions,
): void {
  const { language } = options;
  const text = STRINGS[language].complaintUs;
  const common = STRINGS[language].common;
  const caseInfo = input.case;
  const filingDate = isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul');
  let paragraphNumber = 0;
  const next = () => ++paragraphNumber;
  const section = (index: number) => flow.paragraph(`${ROMAN[index]}. ${text.sections[index]}`, { ...styles.heading, keepLines: 1 });
  const total = formatKrw(facts.totalKrw, language);

  drawUsCourtHeading(flow, styles, caseInfo, language);
  drawCaption(flow, styles, input, facts, options);
  const leadName = displayName(facts.lead, 'us', language, filingDate);
  flow.paragraph(text.intro(leadName, facts.count - 1), { ...styles.body, firstLineIndent: 36 });

  section(0);
  drawNumberedParagraph(
    flow,
    styles,
    next(),
    text.leadPlaintiff(
      leadName,
      displayAddress(facts.lead, 'us'),
      facts.lead.category?.label[language],
      formatKrw(facts.lead.damages.totalKrw, language),
    ),
  );
  if (facts.count > 1) drawNumberedParagraph(flow, styles, next(), text.otherPlaintiffs(facts.count - 1, total));
  for (const defendant of facts.defendants) {
    drawNumberedParagraph(
      flow,
      styles,
      next(),
      text.defendant(defendant.name[language], common.defendantKinds[defendant.kind], defendant.address[language]),
    );
  }

  section(1);
  drawTemplate(flow, styles, caseInfo.jurisdiction[language], facts.placeholders, next);
  section(2);
  if (caseInfo.templates.facts) drawTemplate(flow, styles, caseInfo.templates.facts[language], facts.placeholders, next);
  else drawNumberedParagraph(flow, styles, next(), text.factsFallback(formatDate(caseInfo.incidentDate, language)));
  section(3);
  for (const allegation of [
    text.classDefinition(formatDate(caseInfo.incidentDate, language)),
    text.numerosity(facts.count),
    text.commonality,
    text.typicality,
    text.adequacy,
    text.predominance,
  ]) {
    drawNumberedParagraph(flow, styles, next(), allegation);
  }
  section(4);
  drawTemplate(flow, styles, caseInfo.templates.causesOfAction[language], facts.placeholders, next);
  section(5);
  flow.paragraph(text.prayerLead, { ...styles.body, firstLineIndent: 36 });
  text.prayerItems(total).forEach((item, index) => {
    const marker = `${String.fromCharCode(65 + index)}.\u2002`;
    const hang = styles.body.font.widthOf(marker, styles.body.size);
    flow.paragraph(`${marker}${item}`, { ...styles.body, indent: 36 + hang, firstLineIndent: -hang, spaceAfter: 0 });
  });
  flow.paragraph(text.juryHeading, { ...styles.heading, keepLines: 2 });
  flow.paragraph(text.juryDemand, { ...styles.body, firstLineIndent: 36 });
  drawUsSignature(flow, styles, input, options);
}

export function drawUsSignature(
  flow: Flow,
  styles: DocumentStyles,
  input: ComplaintInput | { case: ComplaintInput['case'] },
  options: RenderOptions,
): void {
  const { language } = options;
  const text = STRINGS[language].complaintUs;
  const counsel = input.case.counsel;
  const lead = counsel.attorneys[0];
  const lines = [
    text.respectfully,
    counsel.name[language],
    '',
    text.by(lead?.name[language] ?? counsel.name[language]),
    ...counsel.attorneys.flatMap((attorney) => [
      attorney.name[language] + (attorney.barNumber ? `, ${text.barNumber(attorney.barNumber)}` : ''),
    ]),
    ...counsel.address[language].split('\n'),
    STRINGS[language].complaint.contact(counsel.phone, counsel.fax),
    counsel.email ?? '',
    ...counsel.signatureBlock[language].split('\n'),
  ].filter((line, index, all) => line !== '' || index < all.length - 1);
  flow.ensure(LEADING.caption * (lines.length + 2));
  flow.gap(LEADING.body / 2);
  flow.paragraph(text.dated(formatDate(isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul'), language)), {
    ...styles.caption,
    spaceAfter: LEADING.caption / 2,
  });
  for (const line of lines) flow.paragraph(line || ' ', { ...styles.caption, indent: flow.box.width / 2 });
}
