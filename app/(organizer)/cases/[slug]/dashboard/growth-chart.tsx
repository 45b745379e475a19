'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GrowthSeries } from '@/lib/metrics/growth';

const COLORS = { new: '#1f8a83', total: '#1c2430', grid: '#e2e8f0', axis: '#475569' };

/**
 * New per period as bars (left axis) and the running total as a line (right axis). Hidden from
 * assistive technology: the figure around it carries the same numbers as text and a table.
 */
export function GrowthChart({ series, kind }: { series: GrowthSeries; kind: 'supporters' | 'claimants' }) {
  const t = useTranslations('organizer.dashboard.growth');
  const format = useFormatter();
  const tick = (start: string) =>
    format.dateTime(
      new Date(start),
      series.interval === 'hour'
        ? { month: 'numeric', day: 'numeric', hour: 'numeric', hourCycle: 'h23' }
        : { month: 'numeric', day: 'numeric' },
    );
  const tooltipLabel = (start: string) =>
    format.dateTime(
      new Date(start),
      series.interval === 'hour'
        ? { month: 'long', day: 'numeric', hour: 'numeric', hourCycle: 'h23' }
        : { year: 'numeric', month: 'long', day: 'numeric' },
    );
  return (
    <div aria-hidden className="h-64 w-full sm:h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={series.points} margin={{ top: 8, right: 4, bottom: 0, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={tick}
            minTickGap={24}
            tick={{ fontSize: 12, fill: COLORS.axis }}
            tickLine={false}
            axisLine={{ stroke: COLORS.grid }}
          />
          <YAxis
            yAxisId="new"
            allowDecimals={false}
            width={44}
            tick={{ fontSize: 12, fill: COLORS.axis }}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value: number) => format.number(value, { notation: 'compact' })}
          />
          <YAxis
            yAxisId="total"
            orientation="right"
            allowDecimals={false}
            width={48}
            tick={{ fontSize: 12, fill: COLORS.axis }}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value: number) => format.number(value, { notation: 'compact' })}
          />
          <Tooltip labelFormatter={(label) => tooltipLabel(String(label))} formatter={(value) => format.number(Number(value))} />
          {/* Legend text in ink (the series colour is on the swatch): #1f8a83 on white is only 4.2:1. */}
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: COLORS.total }}>{value}</span>} />
          <Bar yAxisId="new" dataKey={kind} name={t('new')} fill={COLORS.new} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line
            yAxisId="total"
            dataKey={`${kind}Total`}
            name={t('total')}
            stroke={COLORS.total}
            strokeWidth={2}
            dot={false}
            type="monotone"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
