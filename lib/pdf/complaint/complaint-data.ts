import { assertDamagesAddUp, requireClaimants, totalClaimKrw } from '../claims';
import { numberExhibits } from '../exhibits/numbering';
import { formatDate, formatKrw, formatNumber } from '../format';
import { STRINGS } from '../strings';
import type { TabItem } from '../layout/tab-list';
import type { ClaimCategory, ClaimantSnapshot, ComplaintInput, Defendant, Language } from '../types';

/** Beyond this many exhibit numbers the complaint lists a range and points to the exhibit index. */
export const EXHIBIT_LINES_INLINE_MAX = 40;

export type ComplaintFacts = {
  lead: ClaimantSnapshot;
  count: number;
  totalKrw: number;
  defendants: Defendant[];
  evidenceLines: TabItem[];
  attachmentLines: TabItem[];
  placeholders: Record<string, string>;
};

function evidenceLines(claimants: readonly ClaimantSnapshot[], language: Language): TabItem[] {
  const strings = STRINGS[language];
  const files = claimants.flatMap((claimant) => claimant.evidence.map((evidence) => ({ claimant, evidence })));
  const numbered = numberExhibits(files, (file) => file.claimant.id, language);
  if (numbered.length === 0) return [];
  const byNumber = new Map<number, typeof numbered>();
  for (const exhibit of numbered) byNumber.set(exhibit.number, [...(byNumber.get(exhibit.number) ?? []), exhibit]);
  if (byNumber.size > EXHIBIT_LINES_INLINE_MAX) {
    const party = strings.exhibits.party;
    const first = strings.exhibits.label(party, 1);
    const last = strings.exhibits.label(party, byNumber.size);
    return [{ left: strings.complaint.evidenceSummary(first, last), right: strings.complaint.evidenceSummaryText }];
  }
  return [...byNumber.values()].map((group) => {
    const head = group[0];
    const label =
      group.length === 1
        ? head.label
        : strings.complaint.exhibitGroup(strings.exhibits.label(strings.exhibits.party, head.number), group.length);
    const descriptions = [...new Set(group.map((exhibit) => exhibit.item.evidence.label))].join(', ');
    return { left: label, right: strings.complaint.evidenceOf(descriptions, head.item.claimant.legalName) };
  });
}

function attachmentLines(input: ComplaintInput, language: Language, hasEvidence: boolean): TabItem[] {
  const strings = STRINGS[language].complaint;
  if (input.attachments)
    return input.attachments.map((line) => ({
      left: line.label[language],
      right: strings.attachmentCount(line.count, line.each ?? false),
    }));
  const corporate = input.case.defendants.filter((defendant) => defendant.kind !== 'state' && defendant.kind !== 'individual').length;
  const lines: [string, number, boolean][] = [
    [strings.attachmentEvidence, 1, true],
    [strings.attachmentPartyList, 1, false],
    [strings.attachmentAppointment, input.hasRepresentativeParty ? 1 : 0, false],
    [strings.attachmentPowerOfAttorney, input.claimants.length, false],
    [strings.attachmentCorporateRegister, corporate, false],
    [strings.attachmentCopies, input.case.defendants.length, false],
    [strings.attachmentServiceFee, 1, false],
  ];
  return lines
    .filter(([label, count]) => count > 0 && (hasEvidence || label !== strings.attachmentEvidence))
    .map(([label, count, each]) => ({ left: label, right: strings.attachmentCount(count, each) }));
}

/**
 * `{{category.<id>.count}}` (plaintiffs of the category), `{{category.<id>.total}}` (their claims
 * added up, in the filing's language) and `{{category.<id>.label}}`, for every category of the
 * case's claim definition (0 when nobody in the filing belongs to it) and any other category a
 * plaintiff carries.
 */
export function categoryPlaceholders(
  claimants: readonly ClaimantSnapshot[],
  categories: readonly ClaimCategory[],
  language: Language,
): Record<string, string> {
  const known = new Map(categories.map((category) => [category.id, { label: category.label, count: 0, totalKrw: 0 }]));
  for (const claimant of claimants) {
    if (!claimant.category) continue;
    const entry = known.get(claimant.category.id) ?? { label: claimant.category.label, count: 0, totalKrw: 0 };
    entry.count += 1;
    entry.totalKrw += claimant.damages.totalKrw;
    known.set(claimant.category.id, entry);
  }
  const values: Record<string, string> = {};
  for (const [id, entry] of known) {
    values[`category.${id}.count`] = formatNumber(entry.count);
    values[`category.${id}.total`] = formatKrw(entry.totalKrw, language);
    values[`category.${id}.label`] = entry.label[language];
  }
  return values;
}

export function complaintFacts(input: ComplaintInput, language: Language): ComplaintFacts {
  requireClaimants(input.claimants);
  input.claimants.forEach(assertDamagesAddUp);
  const lead = input.claimants[0];
  const totalKrw = totalClaimKrw(input.claimants);
  const defendants = [...input.case.defendants].sort((a, b) => a.position - b.position);
  const evidence = evidenceLines(input.claimants, language);
  return {
    lead,
    count: input.claimants.length,
    totalKrw,
    defendants,
    evidenceLines: evidence,
    attachmentLines: attachmentLines(input, language, evidence.length > 0),
    placeholders: {
      plaintiffCount: formatNumber(input.claimants.length),
      firstPlaintiff: language === 'en' && lead.legalNameLatin ? lead.legalNameLatin : lead.legalName,
      totalClaim: formatKrw(totalKrw, language),
      incidentDate: formatDate(input.case.incidentDate, language),
      court: input.case.court[language],
      defendantCount: formatNumber(defendants.length),
      ...categoryPlaceholders(input.claimants, input.case.categories ?? [], language),
    },
  };
}
