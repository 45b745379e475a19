import type { Case } from '@/db/schema';
import type { FormFieldSpec } from '@/app/_components/action-form';

type Translate = (key: string) => string;

/** `datetime-local` value of an instant in Korean time (the zone cases are run in). */
export function toKoreanLocalInput(date: Date | null): string {
  if (!date) return '';
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

/** The case-details form, shared by "create a case" and the settings page. */
export function caseDetailsFields(t: Translate, found?: Case): FormFieldSpec[] {
  const value = (key: keyof Case) => (found ? String(found[key] ?? '') : '');
  return [
    { kind: 'text', name: 'titleKo', label: t('settings.titleKo'), defaultValue: value('titleKo'), isRequired: true },
    { kind: 'text', name: 'titleEn', label: t('settings.titleEn'), defaultValue: value('titleEn'), isRequired: true },
    { kind: 'textarea', name: 'summaryKo', label: t('settings.summaryKo'), defaultValue: value('summaryKo'), rows: 4 },
    { kind: 'textarea', name: 'summaryEn', label: t('settings.summaryEn'), defaultValue: value('summaryEn'), rows: 4 },
    { kind: 'text', name: 'courtKo', label: t('settings.courtKo'), defaultValue: value('courtKo') },
    { kind: 'text', name: 'courtEn', label: t('settings.courtEn'), defaultValue: value('courtEn') },
    {
      kind: 'select',
      name: 'jurisdiction',
      label: t('settings.jurisdiction'),
      defaultValue: found?.jurisdiction ?? 'KR',
      options: ['KR', 'US'].map((code) => ({ value: code, label: t(`settings.jurisdictions.${code}`) })),
    },
    {
      kind: 'select',
      name: 'status',
      label: t('settings.status'),
      defaultValue: found?.status ?? 'draft',
      options: ['draft', 'open', 'closed', 'filed'].map((status) => ({ value: status, label: t(`settings.statuses.${status}`) })),
    },
    { kind: 'number', name: 'supporterGoal', label: t('settings.supporterGoal'), defaultValue: found ? String(found.supporterGoal) : '0' },
    { kind: 'number', name: 'plaintiffGoal', label: t('settings.plaintiffGoal'), defaultValue: found ? String(found.plaintiffGoal) : '0' },
    {
      kind: 'datetime-local',
      name: 'incidentStartedAt',
      label: t('settings.incidentStartedAt'),
      defaultValue: toKoreanLocalInput(found?.incidentStartedAt ?? null),
    },
    { kind: 'text', name: 'counselNameKo', label: t('settings.counselNameKo'), defaultValue: value('counselNameKo') },
    { kind: 'text', name: 'counselNameEn', label: t('settings.counselNameEn'), defaultValue: value('counselNameEn') },
    { kind: 'text', name: 'counselAddressKo', label: t('settings.counselAddressKo'), defaultValue: value('counselAddressKo') },
    { kind: 'text', name: 'counselAddressEn', label: t('settings.counselAddressEn'), defaultValue: value('counselAddressEn') },
  ];
}
