/**
 * Input types of the PDF renderers. Everything here is plain data: the caller loads it (and
 * decrypts what is encrypted at rest), the renderers only lay it out. Dates are ISO strings
 * (`2003-04-30` for dates, `2003-04-10T05:23:05Z` for instants) so a snapshot can be stored as
 * JSON and rendered again byte for byte.
 */
import type { DocumentFormat } from './geometry';

export type { DocumentFormat } from './geometry';
export type * from './types-results';

export type Language = 'ko' | 'en';

/** Text a lawyer or organiser maintains in both languages. */
export type LocalizedText = { ko: string; en: string };

/** Options every renderer takes. */
export type RenderOptions = {
  /** `kr`: A4 Korean court layout; `us`: Letter, FRCP 5.2 redaction, class-action caption. */
  format: DocumentFormat;
  language: Language;
  /** The document date and the PDF creation/modification date; injected so output is deterministic. */
  now: Date;
  /** Zone used to print dates and signature times; default Asia/Seoul. */
  timeZone?: string;
  /** Called with pages (or rows) done of the total, for long renders. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
};

export type DefendantKind = 'state' | 'corporation' | 'foreign_corporation' | 'individual';

export type Defendant = {
  /** 1-based order in the caption (피고 1., 2., …). */
  position: number;
  kind: DefendantKind;
  name: LocalizedText;
  /** The person who represents the defendant, e.g. 법무부장관 (the State) or 대표이사. */
  representative?: { title: LocalizedText; name: LocalizedText };
  address: LocalizedText;
  /** An extra caption line, e.g. 소관: 정보통신부 (the ministry in charge). */
  note?: LocalizedText;
};

export type Attorney = { name: LocalizedText; barNumber?: string; email?: string };

export type Counsel = {
  /** Firm name (법무법인 한결) or the attorney's name when there is no firm. */
  name: LocalizedText;
  attorneys: Attorney[];
  address: LocalizedText;
  phone?: string;
  fax?: string;
  email?: string;
  /** Lines printed under the signature line (e.g. "Attorneys for Plaintiffs and the Proposed Class"). */
  signatureBlock: LocalizedText;
};

export type PrayerTerms = {
  /** Interest runs from this date (default: the incident date). */
  interestFrom?: string;
  /** Civil-law rate until the complaint is served (민법 제379조; default 5 % a year). */
  civilRatePct?: number;
  /** Rate from the day after service (소송촉진법 제3조; default 12 % a year). */
  litigationRatePct?: number;
};

export type CaseInfo = {
  id: string;
  title: LocalizedText;
  /** Court name, e.g. 서울중앙지방법원 / United States District Court, Western District of Washington. */
  court: LocalizedText;
  /** Basis of jurisdiction and venue, printed in the US complaint's Jurisdiction and Venue section. */
  jurisdiction: LocalizedText;
  /** Court case number once assigned (2003가합32082); blank before filing. */
  caseNumber?: string;
  /** 사건명, e.g. 손해배상(기) / Damages. */
  caseName: LocalizedText;
  /** ISO date of the incident (the start of the harm, from the case record). */
  incidentDate: string;
  /**
   * The claimant categories of the case's claim definition, in its order: the complaint's
   * `{{category.<id>.count}}`, `{{category.<id>.total}}` and `{{category.<id>.label}}` placeholders
   * (lib/pdf/README.md) print 0 for a category nobody in the filing belongs to.
   */
  categories?: ClaimCategory[];
  /** Extra party-list columns: the definition's dimensions marked `party_list` (values on each claimant). */
  partyListColumns?: PartyListColumn[];
  defendants: Defendant[];
  counsel: Counsel;
  /**
   * Lawyer-edited plain text. Paragraphs are separated by blank lines; a paragraph starting
   * with "# " is a heading. `facts` is optional (KR prints it first under 청구원인).
   */
  templates: { facts?: LocalizedText; causesOfAction: LocalizedText };
  prayer?: PrayerTerms;
};

/** A claimant category of the case's claim definition. */
export type ClaimCategory = { id: string; label: LocalizedText };

/** A party-list column from a claim definition dimension: its id (the key of `ClaimantSnapshot.dimensions`) and heading. */
export type PartyListColumn = { id: string; label: LocalizedText };

export type DamageCategory =
  'service_outage' | 'fee_refund' | 'lost_revenue' | 'lost_sales' | 'recovery_cost' | 'emotional_distress' | 'other';

export type DamageItem = {
  /** A known category (translated in the PDF) or free text printed as is. */
  category: DamageCategory | (string & {});
  description: string;
  /** Whole won. */
  amountKrw: number;
};

export type ConsentKind = 'retainer' | 'representative_appointment' | 'privacy';

/** An electronically signed consent: who signed which text, when and from where. */
export type ConsentRecord = {
  kind: ConsentKind;
  documentVersion: string;
  /** SHA-256 (hex) of the exact text shown and signed. */
  textSha256: string;
  /** ISO instant. */
  signedAt: string;
  signerName: string;
  ip: string;
};

/** The signed statement, rendered from the claim definition's statement (immutable; an amendment is a new version). */
export type SignedStatement = {
  version: number;
  /** The statement text exactly as rendered to and signed by the claimant. */
  text: string;
  language: Language;
  signerName: string;
  signedAt: string;
  ip: string;
  userAgent: string;
  textSha256: string;
};

export type EvidenceItem = {
  id: string;
  /** e.g. bill, screenshot, photo, receipt, contract, log. */
  kind: string;
  /** What the file shows, as the claimant or reviewer described it. */
  label: string;
  originalFilename: string;
  mime: string;
  /** SHA-256 (hex) recorded at upload. */
  sha256: string;
  pageCount?: number;
  /** 작성자, 작성일 (ISO date) and 입증취지 for the exhibit list; absent in snapshots taken before it. */
  author?: string;
  documentDate?: string;
  provesWhat?: string;
};

/** A minor's legal representative: 친권자 (both parents, father first; or one) or 후견인. */
export type Guardian = { relation: 'parents' | 'father' | 'mother' | 'guardian'; names: string[] };

/** The frozen claimant data a filing uses. */
export type ClaimantSnapshot = {
  id: string;
  /** e.g. SLM-000123. */
  referenceNumber: string;
  legalName: string;
  /** Romanised name for English documents, when known. */
  legalNameLatin?: string;
  /** ISO date; renderers redact it per format (US: year only). */
  dateOfBirth: string;
  /** Full address (KR documents). */
  address: string;
  /** 시/군/구 level (US documents print only this). */
  locality: string;
  phone?: string;
  /** The claimant's category under the claim definition (absent in snapshots taken before definitions). */
  category?: ClaimCategory;
  /** Printed values of the definition's party-list dimensions, by dimension id, in both languages. */
  dimensions?: Record<string, LocalizedText>;
  /** Who acts for a minor (the account holder, who signed): printed with the name on every paper. */
  guardian?: Guardian;
  businessName?: string;
  /** 사업자등록번호, digits (printed 3-2-5 on Korean papers only). */
  businessRegistrationNumber?: string;
  damages: { items: DamageItem[]; totalKrw: number };
  consents: ConsentRecord[];
  statement?: SignedStatement;
  evidence: EvidenceItem[];
};

/** What the party list needs of a claimant; a full snapshot fits. */
export type PartyListClaimant = Pick<
  ClaimantSnapshot,
  'legalName' | 'legalNameLatin' | 'address' | 'locality' | 'dateOfBirth' | 'dimensions' | 'guardian'
> & {
  damages: { totalKrw: number };
};

/** A line of the complaint's attachment list (첨부서류), when the default list does not fit. */
export type AttachmentLine = { label: LocalizedText; count: number; each?: boolean };

export type ComplaintInput = {
  case: CaseInfo;
  /** All plaintiffs in party-list order; the first is named in the caption. */
  claimants: readonly ClaimantSnapshot[];
  /** Adds 선정서 to the default attachment list. */
  hasRepresentativeParty?: boolean;
  /** The appointed 선정당사자: with them, the caption's plaintiff is 원고(선정당사자), the others 선정자. */
  representatives?: readonly ClaimantSnapshot[];
  attachments?: AttachmentLine[];
};

export type PartyListInput = {
  case: CaseInfo;
  /** Plaintiffs in the order they are numbered (원고 1, 2, …). */
  claimants: readonly PartyListClaimant[];
};

/** How the caption names the plaintiffs when a document covers only some of them. */
export type PlaintiffsCaption = {
  leadName: string;
  count: number;
  /** Names of the 선정당사자: supporting papers then caption 원고(선정당사자) with these names. */
  representatives?: readonly string[];
};

export type AppointmentInput = {
  case: CaseInfo;
  /** The representative party or parties (선정당사자) being appointed. */
  representatives: readonly ClaimantSnapshot[];
  /** Appointing claimants (선정자); each needs a signed `representative_appointment` consent. */
  appointers: readonly ClaimantSnapshot[];
  plaintiffs?: PlaintiffsCaption;
};

export type PowerOfAttorneyInput = {
  case: CaseInfo;
  /** Each needs a signed `retainer` consent. */
  claimants: readonly ClaimantSnapshot[];
  /** `per_claimant`: one power of attorney per claimant, each on new pages; `combined`: one with a list of principals. */
  mode: 'per_claimant' | 'combined';
  plaintiffs?: PlaintiffsCaption;
};

export type DeclarationInput = {
  case: CaseInfo;
  /** Needs a signed statement. */
  claimant: ClaimantSnapshot;
  plaintiffs?: PlaintiffsCaption;
};

/** Bates numbering: prefix + zero-padded running number (SLM-000001). */
export type BatesSpec = { prefix: string; start?: number; digits?: number };

export type ExhibitFile = {
  evidence: EvidenceItem;
  claimant: Pick<ClaimantSnapshot, 'id' | 'legalName' | 'legalNameLatin' | 'referenceNumber' | 'dateOfBirth'>;
  /** The file's bytes, or a loader so a large bundle does not hold every file in memory at once. */
  data: Uint8Array | (() => Promise<Uint8Array>);
};

export type ExhibitBundleInput = {
  case: CaseInfo;
  /** In filing order; files of one claimant share an exhibit number (갑 제N호증의 M). */
  files: readonly ExhibitFile[];
  bates: BatesSpec;
};

/** A bookmark: title, target page (0-based within its document) and nested bookmarks. */
export type Bookmark = { title: string; pageIndex: number; children?: Bookmark[] };

export type PacketDocument = {
  /** Top-level bookmark title, e.g. 소장. */
  title: string;
  bytes: Uint8Array;
  /** Bookmarks inside the document (e.g. one per exhibit). */
  bookmarks?: Bookmark[];
  /** When the document's pages carry Bates numbers: the numbering and the running number of its first page. */
  bates?: { spec: BatesSpec; first: number };
};

export type PacketInput = {
  documents: readonly PacketDocument[];
  metadata: { title: string; author?: string; subject?: string; keywords?: string[]; language: Language; createdAt: Date };
  /** Upper bound per file; courts cap uploads at 5–50 MB. */
  maxPartBytes: number;
};

export type PacketOptions = {
  onProgress?: (pagesDone: number, pagesTotal: number) => void;
  signal?: AbortSignal;
};

export type CountItem = { label: string; count: number };

/** Plain numbers for the one-page support report (press, partners). */
export type SupportReportInput = {
  caseTitle: LocalizedText;
  /** ISO date the figures were taken. */
  asOf: string;
  supporters: { signed: number; confirmed: number; withdrawn: number };
  claimants: { registered: number; submitted: number; complete: number; verified: number; filed: number };
  goals: { label: LocalizedText; current: number; target: number }[];
  topRegions: CountItem[];
  /** Claimants by the category of the case's claim definition. */
  topCategories: CountItem[];
  topSources: CountItem[];
  /** New supporters per day, oldest first (14 days). */
  growth: { date: string; count: number }[];
};
