import { z } from 'zod';

/** The same rule as the campaign_codes_code_format check: short, URL-safe, lower case. */
export const CAMPAIGN_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,47}$/;

export const createCampaignCodeSchema = z.object({
  code: z.string().trim().toLowerCase().min(1).max(48).regex(CAMPAIGN_CODE_PATTERN),
  label: z.string().trim().max(80).default(''),
});

export const campaignArchiveSchema = z.object({
  code: z.string().regex(CAMPAIGN_CODE_PATTERN),
  archive: z.enum(['1', '0']).transform((value) => value === '1'),
});
