/** The growth chart's choices; shared by the route's schema and the dashboard (client-safe: no imports). */
export const GROWTH_RANGES = ['24h', '7d', '30d', '90d', 'all'] as const;
export const GROWTH_INTERVALS = ['hour', 'day', 'week'] as const;
export type GrowthRange = (typeof GROWTH_RANGES)[number];
export type GrowthInterval = (typeof GROWTH_INTERVALS)[number];
export const DEFAULT_GROWTH = { range: '30d', interval: 'day' } as const satisfies { range: GrowthRange; interval: GrowthInterval };
