import { PdfInputError } from './errors';
import { captionName, formatInstant } from './format';
import { STRINGS } from './strings';
import type { ClaimantSnapshot, ConsentKind, ConsentRecord, Language, PlaintiffsCaption, SignedStatement } from './types';

/** The latest signed consent of a kind; a document that relies on it cannot be made without it. */
export function requireConsent(claimant: ClaimantSnapshot, kind: ConsentKind): ConsentRecord {
  const matching = claimant.consents.filter((consent) => consent.kind === kind);
  if (matching.length === 0) throw new PdfInputError(`consents (${claimant.referenceNumber})`, `no signed ${kind} consent`);
  return matching.reduce((latest, consent) => (consent.signedAt > latest.signedAt ? consent : latest));
}

export function requireStatement(claimant: ClaimantSnapshot): SignedStatement {
  if (!claimant.statement) throw new PdfInputError(`statement (${claimant.referenceNumber})`, 'no signed statement');
  return claimant.statement;
}

/** Label/value rows of a consent's e-signature record. */
export function consentRecordRows(consent: ConsentRecord, language: Language, timeZone: string): [string, string][] {
  const strings = STRINGS[language].signature;
  return [
    [strings.signer, consent.signerName],
    [strings.signedAt, formatInstant(consent.signedAt, timeZone)],
    [strings.ip, consent.ip],
    [strings.documentVersion, `${STRINGS[language].common.consentKinds[consent.kind]} · ${consent.documentVersion}`],
    [strings.textSha256, consent.textSha256],
  ];
}

export function statementRecordRows(statement: SignedStatement, language: Language, timeZone: string): [string, string][] {
  const strings = STRINGS[language].signature;
  return [
    [strings.signer, statement.signerName],
    [strings.signedAt, formatInstant(statement.signedAt, timeZone)],
    [strings.ip, statement.ip],
    [strings.userAgent, statement.userAgent],
    [strings.documentVersion, `v${statement.version} (${statement.language})`],
    [strings.textSha256, statement.textSha256],
  ];
}

/** "홍길동 외 1,585명", from the explicit caption or the claimants the document covers. */
export function plaintiffsCaption(
  language: Language,
  caption: PlaintiffsCaption | undefined,
  claimants: readonly ClaimantSnapshot[],
): string {
  const lead = caption?.leadName ?? (claimants[0] ? captionName(claimants[0], language) : '');
  return STRINGS[language].common.plaintiffs(lead, caption?.count ?? claimants.length);
}
