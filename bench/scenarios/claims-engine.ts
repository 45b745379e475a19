import { missingItems, parseClaimDefinition, renderStatement, validateStepAnswers } from '@/lib/claims';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { summarize, trackPeakRss } from '../lib/stats';
import type { BenchResult, BenchScenario } from '../lib/types';

/** The engine's share of one wizard save (the intake-step target is p95 ≤ 50 ms in all): a few ms at most. */
const TARGET_P95_MS = 5;

/**
 * The pure work one wizard save does with a definition, on coupang-2025: parse the stored
 * definition (cached in the app, parsed here every time as the worst case), validate the posted
 * step, list what is missing, render the statement in both languages. No database, no HTTP.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'claims-engine',
    description:
      'One wizard save of coupang-2025 through the claims engine: parse definition, validate step, missing items, statement ko+en.',
    run: async ({ scale }): Promise<BenchResult> => {
      const stored = JSON.parse(JSON.stringify(COUPANG_2025)) as unknown;
      const answers = {
        account_email: 'bench@example.kr',
        notice_received: 'yes',
        notice_date: '2025-11-30',
        notice_channels: ['sms'],
        exposed_items: ['name', 'phone', 'entrance_code'],
      };
      const posted = {
        harm_suffered: 'yes',
        harm_kinds: ['smishing', 'spam'],
        first_harm_date: '2025-12-02',
        police_report: 'no',
        harm_description: '스미싱 문자를 받았습니다.',
        heard_from: 'cafe',
      };
      const now = new Date('2026-01-10T00:00:00Z');
      const operations = Math.max(200, Math.round(5_000 * scale));
      const durations: number[] = [];
      const rss = trackPeakRss();
      const started = performance.now();
      for (let index = 0; index < operations; index++) {
        const at = performance.now();
        const definition = parseClaimDefinition(stored);
        const saved = validateStepAnswers(definition, 'harm', posted, { category: 'member', answers, now });
        if (!saved.ok) throw new Error('bench answers do not validate');
        const state = { category: 'member', answers: saved.answers };
        missingItems(definition, { ...state, evidenceCounts: { account_screenshot: 1, notice_screenshot: 1 }, now });
        renderStatement(definition, { ...state, signerName: 'Bench' }, 'ko');
        renderStatement(definition, { ...state, signerName: 'Bench' }, 'en');
        durations.push(performance.now() - at);
      }
      const summary = summarize(durations, performance.now() - started);
      return {
        name: 'claims-engine',
        ...summary,
        peakRssMb: rss.stop(),
        value: summary.p95Ms,
        unit: 'ms',
        ceiling: null,
        ratio: null,
        target: `p95 ≤ ${TARGET_P95_MS} ms`,
        pass: summary.p95Ms <= TARGET_P95_MS,
      };
    },
  },
];
