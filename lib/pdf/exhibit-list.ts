import { caseDocumentMeta } from './document-meta';
import { numberExhibits } from './exhibits/numbering';
import { formatDate } from './format';
import { Flow } from './layout/flow';
import { drawPageFurniture } from './layout/furniture';
import { PdfBuilder } from './layout/pdf-builder';
import { documentStyles } from './layout/styles';
import { drawTable, type TableColumn } from './layout/table';
import { STRINGS } from './strings';
import type { CaseInfo, RenderOptions } from './types';

/** One exhibit file in the packet's exhibit order, with what 민사소송규칙 제105조 asks the list to say. */
export type ExhibitListEntry = {
  /** The claimant the file belongs to: one exhibit number per claimant, as in the bundle. */
  claimantId: string;
  /** 표목: the exhibit's title. */
  title: string;
  /** 작성자; empty when not known. */
  author: string;
  /** 작성일 as an ISO calendar date; null when not known. */
  documentDate: string | null;
  /** 입증취지; empty until counsel writes it. */
  provesWhat: string;
};

export type ExhibitListInput = { case: CaseInfo; filingVersion: number; exhibits: readonly ExhibitListEntry[] };

const LABEL_WIDTH = 78;
const AUTHOR_WIDTH = 72;
const DATE_MIN_WIDTH = 58;
/** Of what is left after the fixed columns, the title's share; 입증취지 takes the rest. */
const TITLE_SHARE = 0.45;

/**
 * 증거목록 / Exhibit list: per exhibit its number, title, author, date and what it is offered to
 * prove. Numbered by the same function as the exhibit bundle (grouped by claimant, in the given
 * order), so 갑 제N호증의 M here is the label stamped on that file there.
 */
export async function renderExhibitList(input: ExhibitListInput, options: RenderOptions): Promise<Uint8Array> {
  const { language } = options;
  const strings = STRINGS[language].exhibitList;
  const builder = await PdfBuilder.create(options.format, caseDocumentMeta(strings.title, input.case, options));
  const styles = documentStyles(builder);
  const flow = new Flow(builder);
  const numbered = numberExhibits(input.exhibits, (entry) => entry.claimantId, language);

  flow.paragraph(strings.title, styles.title);
  flow.paragraph(strings.intro(input.filingVersion, numbered.length), { ...styles.body, firstLineIndent: styles.body.size });

  const orEmpty = (value: string) => value.trim() || strings.empty;
  const dateOf = (entry: ExhibitListEntry) => (entry.documentDate ? formatDate(entry.documentDate, language) : strings.empty);
  // A date is one unbreakable word ("September 30, 2003"): its column is as wide as the widest one.
  const { font, size, padding } = styles.table;
  const widestDate = Math.max(0, ...input.exhibits.map((entry) => font.widthOf(dateOf(entry), size)));
  const dateWidth = Math.max(DATE_MIN_WIDTH, Math.ceil(widestDate + 2 * padding + 1));
  const flexible = flow.box.width - LABEL_WIDTH - AUTHOR_WIDTH - dateWidth;
  const titleWidth = Math.floor(flexible * TITLE_SHARE);
  const columns: TableColumn<(typeof numbered)[number]>[] = [
    { header: strings.columns.label, width: LABEL_WIDTH, align: 'center', text: (row) => row.label },
    { header: strings.columns.title, width: titleWidth, text: (row) => orEmpty(row.item.title) },
    { header: strings.columns.author, width: AUTHOR_WIDTH, text: (row) => orEmpty(row.item.author) },
    {
      header: strings.columns.date,
      width: dateWidth,
      align: 'center',
      text: (row) => dateOf(row.item),
    },
    { header: strings.columns.provesWhat, width: flexible - titleWidth, text: (row) => orEmpty(row.item.provesWhat) },
  ];
  drawTable(flow, columns, numbered, styles.table);
  drawPageFurniture(builder, { language, runningHeader: strings.title });
  return builder.save();
}
