import type { EmbeddedFont } from '../fonts/document-fonts';
import { formatNumber } from '../format';
import type { PageCanvas, Rgb } from '../layout/canvas';
import type { CountItem } from '../types';

export const ACCENT: Rgb = [0.16, 0.36, 0.67];
export const ACCENT_LIGHT: Rgb = [0.85, 0.89, 0.96];
export const MUTED: Rgb = [0.4, 0.4, 0.4];

export type ChartFonts = { regular: EmbeddedFont; bold: EmbeddedFont };
export type Box = { x: number; y: number; width: number };

const BAR_ROW = 15;
const COLUMN_LABEL_SIZE = 6.5;
/** The least room between two column labels, in points. */
const LABEL_GAP = 3;

/** Every how many columns a label fits: 1 when labels are narrower than a column, 2, 3… otherwise. */
export function labelStep(labelWidth: number, slot: number): number {
  return Math.max(1, Math.ceil((labelWidth + LABEL_GAP) / Math.max(slot, 1)));
}

/** A row of figure tiles: the number large, its label small underneath. Returns the height used. */
export function drawTiles(
  canvas: PageCanvas,
  fonts: ChartFonts,
  box: Box,
  heading: string,
  tiles: readonly { label: string; value: number }[],
): number {
  canvas.text(heading, box.x, box.y + 10, { font: fonts.bold, size: 10.5 });
  const gap = 6;
  const width = (box.width - gap * (tiles.length - 1)) / tiles.length;
  tiles.forEach((tile, index) => {
    const x = box.x + index * (width + gap);
    canvas.rect(x, box.y + 16, width, 44, { fill: ACCENT_LIGHT });
    canvas.text(formatNumber(tile.value), x + width / 2, box.y + 41, { font: fonts.bold, size: 17, color: ACCENT }, { align: 'center' });
    canvas.text(tile.label, x + width / 2, box.y + 54, { font: fonts.regular, size: 8, color: MUTED }, { align: 'center' });
  });
  return 66;
}

/** Progress bars against targets: "label ▓▓▓░░ 1,586 / 3,000 (53%)". Returns the height used. */
export function drawGoals(
  canvas: PageCanvas,
  fonts: ChartFonts,
  box: Box,
  heading: string,
  goals: readonly { label: string; current: number; target: number }[],
): number {
  canvas.text(heading, box.x, box.y + 10, { font: fonts.bold, size: 10.5 });
  const labelWidth = box.width * 0.3;
  const valueWidth = 110;
  const barWidth = box.width - labelWidth - valueWidth;
  goals.forEach((goal, index) => {
    const y = box.y + 18 + index * BAR_ROW;
    const share = goal.target > 0 ? Math.min(goal.current / goal.target, 1) : 0;
    canvas.text(goal.label, box.x, y + 9, { font: fonts.regular, size: 8.5 });
    canvas.rect(box.x + labelWidth, y + 1, barWidth, 9, { fill: ACCENT_LIGHT });
    if (share > 0) canvas.rect(box.x + labelWidth, y + 1, barWidth * share, 9, { fill: ACCENT });
    const percent = goal.target > 0 ? Math.round((goal.current / goal.target) * 100) : 0;
    canvas.text(
      `${formatNumber(goal.current)} / ${formatNumber(goal.target)} (${percent}%)`,
      box.x + box.width,
      y + 9,
      { font: fonts.regular, size: 8.5 },
      { align: 'right' },
    );
  });
  return 18 + goals.length * BAR_ROW + 6;
}

/** Horizontal bars scaled to the largest count, longest first unless `keepOrder`. Returns the height used. */
export function drawHorizontalBars(
  canvas: PageCanvas,
  fonts: ChartFonts,
  box: Box,
  heading: string,
  items: readonly CountItem[],
  maxItems = 6,
  keepOrder = false,
): number {
  canvas.text(heading, box.x, box.y + 10, { font: fonts.bold, size: 10.5 });
  const shown = (keepOrder ? [...items] : [...items].sort((a, b) => b.count - a.count)).slice(0, maxItems);
  const max = Math.max(1, ...shown.map((item) => item.count));
  const labelWidth = box.width * 0.38;
  const valueWidth = 44;
  const barWidth = box.width - labelWidth - valueWidth;
  shown.forEach((item, index) => {
    const y = box.y + 18 + index * BAR_ROW;
    let label = item.label;
    while (label.length > 1 && fonts.regular.widthOf(label, 8.5) > labelWidth - 4) label = `${label.slice(0, -2)}…`;
    canvas.text(label, box.x, y + 9, { font: fonts.regular, size: 8.5 });
    canvas.rect(box.x + labelWidth, y + 1, Math.max(1, (barWidth * item.count) / max), 9, { fill: ACCENT });
    canvas.text(formatNumber(item.count), box.x + box.width, y + 9, { font: fonts.regular, size: 8.5 }, { align: 'right' });
  });
  return 18 + maxItems * BAR_ROW + 6;
}

/** Daily columns with the count on top and the day (M/D) below. Returns the height used. */
export function drawColumns(
  canvas: PageCanvas,
  fonts: ChartFonts,
  box: Box,
  heading: string,
  days: readonly { date: string; count: number }[],
  height = 90,
): number {
  canvas.text(heading, box.x, box.y + 10, { font: fonts.bold, size: 10.5 });
  const max = Math.max(1, ...days.map((day) => day.count));
  const slot = box.width / Math.max(days.length, 1);
  const baseline = box.y + 18 + height;
  canvas.line(box.x, baseline, box.x + box.width, baseline, { color: MUTED, lineWidth: 0.5 });
  const dates = days.map((day) => {
    const [, month, date] = day.date.split('-').map(Number);
    return `${month}/${date}`;
  });
  const counts = days.map((day) => formatNumber(day.count));
  const widest = Math.max(0, ...[...dates, ...counts].map((label) => fonts.regular.widthOf(label, COLUMN_LABEL_SIZE)));
  const step = labelStep(widest, slot);
  days.forEach((day, index) => {
    const barHeight = (height - 12) * (day.count / max);
    const x = box.x + index * slot + slot * 0.18;
    canvas.rect(x, baseline - barHeight, slot * 0.64, barHeight, { fill: ACCENT });
    // Labels only every `step` days, counted back from the latest, so none runs into its neighbour.
    if ((days.length - 1 - index) % step !== 0) return;
    const style = { font: fonts.regular, size: COLUMN_LABEL_SIZE, color: MUTED };
    canvas.text(counts[index], x + slot * 0.32, baseline - barHeight - 2, style, { align: 'center' });
    canvas.text(dates[index], x + slot * 0.32, baseline + 9, style, { align: 'center' });
  });
  return 18 + height + 14;
}
