import type { ClaimDefinition, Localized } from '../../definition-schema';
import { t } from '../text';
import { CONSUMER_OVERCHARGE_TEMPLATE } from './consumer-overcharge';
import { DATA_BREACH_TEMPLATE } from './data-breach';
import { PRODUCT_DEFECT_TEMPLATE } from './product-defect';
import { SERVICE_OUTAGE_TEMPLATE } from './service-outage';

export { CONSUMER_OVERCHARGE_TEMPLATE, DATA_BREACH_TEMPLATE, PRODUCT_DEFECT_TEMPLATE, SERVICE_OUTAGE_TEMPLATE };

/** The starting templates a case admin picks from, in the order offered. */
export const CLAIM_TEMPLATES: readonly { id: string; label: Localized; definition: ClaimDefinition }[] = [
  { id: 'service_outage', label: t('서비스 장애', 'Service outage'), definition: SERVICE_OUTAGE_TEMPLATE },
  { id: 'data_breach', label: t('개인정보 유출', 'Data breach'), definition: DATA_BREACH_TEMPLATE },
  { id: 'product_defect', label: t('제품 결함', 'Product defect'), definition: PRODUCT_DEFECT_TEMPLATE },
  { id: 'consumer_overcharge', label: t('부당 요금', 'Consumer overcharge'), definition: CONSUMER_OVERCHARGE_TEMPLATE },
];

export function findClaimTemplate(id: string): ClaimDefinition | null {
  return CLAIM_TEMPLATES.find((template) => template.id === id)?.definition ?? null;
}
