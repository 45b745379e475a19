import type { ClaimantType } from '@/db/schema';
import { type Locale, TIME_ZONE } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { BULLETINS, type StatementAnswers } from './questionnaire';

export type StatementContext = {
  caseTitle: string;
  signerName: string;
  claimantType: ClaimantType | null;
  isp: string | null;
  ispOther: string | null;
  lineType: string | null;
  outageStartedAt: Date | null;
  outageEndedAt: Date | null;
};

type Translate = (key: string, params?: Record<string, string | number>) => string;

const INTL_LOCALE: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** Calendar dates are KST days (the case happened in Korea), whatever the server's zone. */
export function formatStatementDate(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    new Date(`${value}T00:00:00+09:00`),
  );
}

export function formatStatementDateTime(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(value);
}

function list(items: string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * The statement text the claimant reads and signs, in their language, built only from the
 * answers and the claim's own facts: the same input always gives the same text, so its SHA-256
 * proves later what was signed. No date of birth or address: the text is stored unencrypted.
 */
export function renderPatchStatement(answers: StatementAnswers, context: StatementContext, locale: Locale): string {
  const t = getTranslator(locale) as unknown as Translate;
  const s = (key: string, params?: Record<string, string | number>) => t(`intake.statementText.${key}`, params);
  const sections: string[][] = [];

  const isp = context.isp === 'other' ? (context.ispOther ?? '') : context.isp ? t(`common.isps.${context.isp}`) : s('unknown');
  const line = context.lineType ? t(`common.lineTypes.${context.lineType}`) : s('unknown');
  const connection = [s('connection', { isp, line })];
  if (context.outageStartedAt && context.outageEndedAt) {
    connection.push(
      s('outage', {
        start: formatStatementDateTime(context.outageStartedAt, locale),
        end: formatStatementDateTime(context.outageEndedAt, locale),
      }),
    );
  }
  sections.push([s('headings.connection'), connection.join(' ')]);

  const server = [
    s(`ran.${answers.ranSqlServer}`, {
      products: list(
        answers.products.map((product) => (product === 'other' ? answers.productOther : s(`products.${product}`))),
        locale,
      ),
    }),
  ];
  if (answers.ranSqlServer === 'yes' && answers.administeredBy) {
    server.push(s(`administeredBy.${answers.administeredBy}`, { other: answers.administeredByOther }));
  }
  sections.push([s('headings.server'), server.join(' ')]);

  if (answers.patches) {
    const patches = BULLETINS.map((bulletin) => {
      const patch = answers.patches![bulletin.id];
      return `- ${s(`patch.${patch.status}`, { bulletin: bulletin.name, published: formatStatementDate(bulletin.publishedOn, locale), date: patch.appliedOn ? formatStatementDate(patch.appliedOn, locale) : '' })}`;
    });
    sections.push([s('headings.patches'), ...patches]);
  }

  const warning =
    answers.warned === 'yes'
      ? s('warned.yes', {
          date: answers.warnedOn ? formatStatementDate(answers.warnedOn, locale) : s('unknown'),
          by: list(
            answers.warnedBy.map((who) => (who === 'other' ? answers.warnedByOther : s(`warnedBy.${who}`))),
            locale,
          ),
          how: list(
            answers.warnedHow.map((how) => s(`warnedHow.${how}`)),
            locale,
          ),
        })
      : s(`warned.${answers.warned}`);
  sections.push([s('headings.warning'), warning]);
  sections.push([s('headings.freeText'), answers.freeText.trim() || s('nothingToAdd')]);

  const header = [
    s('title'),
    '',
    s('case', { title: context.caseTitle }),
    s('signer', {
      name: context.signerName,
      type: context.claimantType ? t(`common.claimantTypes.${context.claimantType}`) : s('unknown'),
    }),
  ];
  const body = sections.map(([heading, ...lines], index) => [`${index + 1}. ${heading}`, ...lines].join('\n'));
  return [...header, '', body.join('\n\n'), '', s('affirmation')].join('\n');
}
