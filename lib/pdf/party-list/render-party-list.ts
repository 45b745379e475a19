import { requireClaimants, totalClaimKrw } from '../claims';
import { caseDocumentMeta } from '../document-meta';
import { throwIfAborted } from '../errors';
import { measureFor } from '../fonts/measure';
import { captionName, isoDateIn } from '../format';
import { contentBox, FONT_SIZE } from '../geometry';
import { drawPageFurniture } from '../layout/furniture';
import { PdfBuilder } from '../layout/pdf-builder';
import { STRINGS } from '../strings';
import type { PartyListInput, PartyListPart, RenderOptions } from '../types';
import { drawPartyPage, type PartyPageContext } from './draw-party-page';
import { layoutPartyRow, paginateRows, partyColumns, rowHeight, splitIntoParts } from './party-list-layout';

export type PartyListOptions = RenderOptions & {
  /** Start a new file once a part holds this many rows (split at a page boundary). Default: one file. */
  rowsPerPart?: number;
};

/**
 * 별지 당사자목록 / Schedule of Plaintiffs in files of at most `rowsPerPart` rows. Page numbers
 * and plaintiff numbers run on across parts; the header row repeats on every page; the totals
 * close the last page. Rows are laid out once to paginate, then drawn part by part, so memory
 * stays bounded by one part.
 */
export async function* renderPartyListParts(input: PartyListInput, options: PartyListOptions): AsyncGenerator<PartyListPart> {
  requireClaimants(input.claimants);
  const { format, language } = options;
  const strings = STRINGS[language];
  const onDate = isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul');
  const columns = partyColumns(format, language, onDate, input.case.partyListColumns);
  const measure = measureFor('serif');
  const rows = input.claimants;
  const heights = new Float32Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    heights[index] = rowHeight(layoutPartyRow(rows[index], index + 1, columns, measure, FONT_SIZE.table));
  }
  const pageStarts = paginateRows(heights, contentBox(format).height);
  const totalPages = pageStarts.length;
  const partStarts = splitIntoParts(pageStarts, rows.length, options.rowsPerPart ?? rows.length);
  const first = rows[0];
  const plaintiffs = strings.common.plaintiffs(captionName(first, language), rows.length);
  const context: Omit<PartyPageContext, 'canvas' | 'builder'> = {
    format,
    language,
    columns,
    rows,
    caseInfo: input.case,
    plaintiffs,
    totalKrw: totalClaimKrw(rows),
    onDate,
  };
  for (let part = 0; part < partStarts.length; part++) {
    const firstPage = partStarts[part];
    const endPage = partStarts[part + 1] ?? totalPages;
    const title = `${strings.partyList.runningTitle}${partStarts.length > 1 ? ` ${strings.common.partLabel(part + 1, partStarts.length)}` : ''}`;
    const builder = await PdfBuilder.create(format, caseDocumentMeta(title, input.case, options));
    for (let page = firstPage; page < endPage; page++) {
      throwIfAborted(options.signal);
      const start = pageStarts[page];
      const end = pageStarts[page + 1] ?? rows.length;
      drawPartyPage(
        { ...context, builder, canvas: builder.addPage() },
        { isFirst: page === 0, isLast: page === totalPages - 1, start, end },
      );
      options.onProgress?.(end, rows.length);
    }
    const partLabel = partStarts.length > 1 ? ` ${strings.common.partLabel(part + 1, partStarts.length)}` : '';
    drawPageFurniture(builder, {
      language,
      firstNumber: firstPage + 1,
      total: totalPages,
      runningHeader: `${strings.partyList.runningTitle} — ${plaintiffs}${partLabel}`,
    });
    const bytes = await builder.save();
    yield {
      part: part + 1,
      parts: partStarts.length,
      bytes,
      pageCount: endPage - firstPage,
      firstPage: firstPage + 1,
      lastPage: endPage,
      firstRow: pageStarts[firstPage] + 1,
      lastRow: pageStarts[endPage] ?? rows.length,
    };
  }
}

/** The whole party list as one file. */
export async function renderPartyList(input: PartyListInput, options: RenderOptions): Promise<Uint8Array> {
  for await (const part of renderPartyListParts(input, { ...options, rowsPerPart: undefined })) return part.bytes;
  throw new Error('unreachable: a party list always has a part');
}
