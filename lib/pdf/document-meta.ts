import type { DocumentMeta } from './layout/pdf-builder';
import type { CaseInfo, RenderOptions } from './types';

/** Metadata of a case document: title "<document> — <case title>", counsel as author. */
export function caseDocumentMeta(documentTitle: string, caseInfo: CaseInfo, options: RenderOptions): DocumentMeta {
  const { language } = options;
  return {
    title: `${documentTitle.replace(/\s+/g, language === 'ko' ? '' : ' ')} — ${caseInfo.title[language]}`,
    author: caseInfo.counsel.name[language],
    subject: [caseInfo.court[language].replace(/\n/g, ' '), caseInfo.caseNumber, caseInfo.caseName[language]].filter(Boolean).join(' · '),
    keywords: [caseInfo.id, caseInfo.caseNumber].filter((value): value is string => Boolean(value)),
    language,
    createdAt: options.now,
  };
}
