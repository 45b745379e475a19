import { defineClaim, type ClaimDefinition, type ClaimJurisdiction, type Localized } from '../definition-schema';
import { t } from './text';

const DEFAULTS: Record<ClaimJurisdiction, { currency: string; timeZone: string }> = {
  KR: { currency: 'KRW', timeZone: 'Asia/Seoul' },
  US: { currency: 'USD', timeZone: 'America/New_York' },
};

/**
 * The smallest definition that validates, for a case admin who starts from a blank page rather
 * than a template: one category, one step with one question, a statement that prints the answer.
 * Nothing is claimed until the admin adds damages (`requireAmount` is off).
 */
export function blankClaimDefinition(options: { key: string; title: Localized; jurisdiction: ClaimJurisdiction }): ClaimDefinition {
  const { currency, timeZone } = DEFAULTS[options.jurisdiction];
  return defineClaim({
    key: options.key,
    version: 1,
    title: options.title,
    currency,
    jurisdiction: options.jurisdiction,
    timeZone,
    categories: [{ id: 'claimant', label: t('신청인', 'Claimant') }],
    steps: [
      {
        id: 'facts',
        title: t('있었던 일', 'What happened'),
        questions: [{ id: 'what_happened', type: 'long_text', required: true, label: t('무슨 일이 있었나요?', 'What happened to you?') }],
      },
    ],
    statement: {
      title: t('진술서', 'Statement'),
      preamble: t('사건: {{case.title}}\n진술인: {{signer.name}}', 'Case: {{case.title}}\nDeclarant: {{signer.name}}'),
      blocks: [{ id: 'facts', heading: t('있었던 일', 'What happened'), text: t('{{what_happened}}', '{{what_happened}}') }],
      affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
    },
    damages: { categories: [], requireAmount: false },
  });
}
