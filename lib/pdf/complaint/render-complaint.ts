import { caseDocumentMeta } from '../document-meta';
import { Flow } from '../layout/flow';
import { drawPageFurniture } from '../layout/furniture';
import { PdfBuilder } from '../layout/pdf-builder';
import { documentStyles } from '../layout/styles';
import { STRINGS } from '../strings';
import type { ComplaintInput, RenderOptions } from '../types';
import { complaintFacts } from './complaint-data';
import { drawKoreanComplaint } from './complaint-kr';
import { drawUsComplaint } from './complaint-us';

/**
 * 소장 / Complaint. KR: Korean court layout (caption, 청구취지 with the total computed from the
 * damages, 청구원인 from the case template, 입증방법, 첨부서류, date, counsel, addressee).
 * US: class-action caption, numbered sections and paragraphs, prayer, jury demand, signature.
 */
export async function renderComplaint(input: ComplaintInput, options: RenderOptions): Promise<Uint8Array> {
  const facts = complaintFacts(input, options.language);
  const strings = STRINGS[options.language];
  const title = options.format === 'us' ? strings.complaintUs.title : strings.complaint.title;
  const builder = await PdfBuilder.create(options.format, caseDocumentMeta(title, input.case, options));
  const styles = documentStyles(builder);
  const flow = new Flow(builder);
  if (options.format === 'us') drawUsComplaint(flow, styles, input, facts, options);
  else drawKoreanComplaint(flow, styles, input, facts, options);
  drawPageFurniture(builder, { language: options.language });
  return builder.save();
}
