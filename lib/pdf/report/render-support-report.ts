import { formatDate } from '../format';
import { PAGE_SIZES, REPORT_MARGIN } from '../geometry';
import { PdfBuilder } from '../layout/pdf-builder';
import { STRINGS } from '../strings';
import type { RenderOptions, SupportReportInput } from '../types';
import { drawColumns, drawGoals, drawHorizontalBars, drawTiles, MUTED } from './charts';

const SECTION_GAP = 14;

/**
 * A one-page A4 support report for press and partners: headline counts of supporters and
 * claimants, goal progress, top regions, claimant categories and campaign sources as bars, and the last 14
 * days of growth. Everything is drawn with plain vector shapes; input is plain numbers.
 */
export async function renderSupportReport(
  input: SupportReportInput,
  options: Pick<RenderOptions, 'language' | 'now'>,
): Promise<Uint8Array> {
  const { language } = options;
  const text = STRINGS[language].report;
  const builder = await PdfBuilder.create('kr', {
    title: `${text.title} — ${input.caseTitle[language]}`,
    subject: input.caseTitle[language],
    language,
    createdAt: options.now,
  });
  const canvas = builder.addPage(PAGE_SIZES.A4);
  const fonts = { regular: builder.font('sans'), bold: builder.font('sansBold') };
  const left = REPORT_MARGIN;
  const width = canvas.width - 2 * REPORT_MARGIN;
  const half = (width - 18) / 2;
  let y = REPORT_MARGIN;

  canvas.text(text.title, left, y + 18, { font: fonts.bold, size: 20 });
  canvas.text(
    text.asOf(formatDate(input.asOf, language)),
    left + width,
    y + 18,
    { font: fonts.regular, size: 9.5, color: MUTED },
    { align: 'right' },
  );
  canvas.text(input.caseTitle[language], left, y + 36, { font: fonts.regular, size: 11, color: MUTED });
  canvas.line(left, y + 46, left + width, y + 46, { lineWidth: 1 });
  y += 58;

  const { supporters, claimants } = input;
  y +=
    drawTiles(canvas, fonts, { x: left, y, width }, text.supporters, [
      { label: text.signed, value: supporters.signed },
      { label: text.confirmed, value: supporters.confirmed },
      { label: text.withdrawn, value: supporters.withdrawn },
    ]) +
    SECTION_GAP / 2;
  y +=
    drawTiles(canvas, fonts, { x: left, y, width }, text.claimants, [
      { label: text.registered, value: claimants.registered },
      { label: text.submitted, value: claimants.submitted },
      { label: text.complete, value: claimants.complete },
      { label: text.verified, value: claimants.verified },
      { label: text.filed, value: claimants.filed },
    ]) + SECTION_GAP;
  if (input.goals.length > 0) {
    y +=
      drawGoals(
        canvas,
        fonts,
        { x: left, y, width },
        text.goals,
        input.goals.map((goal) => ({ ...goal, label: goal.label[language] })),
      ) + SECTION_GAP;
  }
  const regions = drawHorizontalBars(canvas, fonts, { x: left, y, width: half }, text.regions, input.topRegions);
  drawHorizontalBars(canvas, fonts, { x: left + half + 18, y, width: half }, text.categories, input.topCategories);
  y += regions + SECTION_GAP;
  const sources = drawHorizontalBars(canvas, fonts, { x: left, y, width: half }, text.sources, input.topSources);
  drawColumns(canvas, fonts, { x: left + half + 18, y, width: half }, text.growth, input.growth.slice(-14), sources - 32);
  y += sources + SECTION_GAP;
  const funnel = [
    { label: `${text.supporters} · ${text.confirmed}`, count: supporters.confirmed },
    { label: `${text.claimants} · ${text.registered}`, count: claimants.registered },
    { label: text.submitted, count: claimants.submitted },
    { label: text.complete, count: claimants.complete },
    { label: text.verified, count: claimants.verified },
    { label: text.filed, count: claimants.filed },
  ];
  const capitalized = funnel.map((step) => ({ ...step, label: step.label.charAt(0).toUpperCase() + step.label.slice(1) }));
  drawHorizontalBars(canvas, fonts, { x: left, y, width }, text.funnel, capitalized, funnel.length, true);

  canvas.line(left, canvas.height - REPORT_MARGIN - 14, left + width, canvas.height - REPORT_MARGIN - 14, { color: MUTED, lineWidth: 0.4 });
  canvas.text(text.footer, left, canvas.height - REPORT_MARGIN, { font: fonts.regular, size: 8, color: MUTED });
  return builder.save();
}
