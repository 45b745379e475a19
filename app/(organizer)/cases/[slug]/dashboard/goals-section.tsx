import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/app/_components/ui';
import type { GoalProgress } from '@/lib/metrics/goals';
import { MilestoneIcon } from '@/app/_components/status-icons';

/** A Korean calendar date (YYYY-MM-DD) as an instant at its start in Seoul, for formatting. */
function kstDate(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** Progress to each goal with milestone ticks, when each was reached, and the projected date. */
export function GoalsSection({ goals }: { goals: GoalProgress[] }) {
  const t = useTranslations('organizer.dashboard.goals');
  return (
    <Card aria-labelledby="goals-title">
      <h2 id="goals-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        {goals.map((goal) => (
          <GoalCard key={goal.kind} goal={goal} />
        ))}
      </div>
    </Card>
  );
}

function GoalCard({ goal }: { goal: GoalProgress }) {
  const t = useTranslations('organizer.dashboard.goals');
  const format = useFormatter();
  const date = (value: string) => format.dateTime(kstDate(value), { year: 'numeric', month: 'long', day: 'numeric' });
  const label = t(goal.kind);
  return (
    <div className="space-y-3" data-testid={`goal-${goal.kind}`}>
      <div>
        <h3 className="font-semibold">{label}</h3>
        {goal.status === 'no_goal' ? (
          <p className="text-sm text-slate-600">{t('noGoal')}</p>
        ) : (
          <p className="text-sm text-slate-700 tabular-nums">
            {t('progress', { current: goal.current, goal: goal.goal, percent: goal.percent })}
          </p>
        )}
      </div>
      {goal.status !== 'no_goal' ? (
        <>
          <div className="relative pb-1">
            <div
              role="progressbar"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={goal.percent}
              className="h-4 overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full rounded-full bg-brand-500" style={{ width: `${goal.percent}%` }} />
            </div>
            {goal.milestones.slice(0, -1).map((milestone) => (
              <span
                key={milestone.percent}
                aria-hidden
                className="absolute top-0 h-4 w-0.5 bg-white/90"
                style={{ left: `${milestone.percent}%` }}
              />
            ))}
          </div>
          <div>
            <h4 className="sr-only">{t('milestones')}</h4>
            <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {goal.milestones.map((milestone) => (
                <li key={milestone.percent} className={milestone.isReached ? 'text-brand-800' : 'text-slate-500'}>
                  <MilestoneIcon isReached={milestone.isReached} />
                  {t('milestone', { percent: milestone.percent, target: milestone.target })}
                  <span className="block text-xs">
                    {milestone.isReached && milestone.reachedOn ? t('reachedOn', { date: date(milestone.reachedOn) }) : t('notReached')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <p className="rounded-xl bg-slate-50 p-3 text-sm text-slate-700">
            {goal.status === 'reached' ? t('reached') : null}
            {goal.status === 'on_track' && goal.projectedOn ? (
              <>
                {t('rate', { rate: Math.round(goal.ratePerDay * 10) / 10 })}{' '}
                <strong>{t('projected', { date: date(goal.projectedOn) })}</strong>
              </>
            ) : null}
            {goal.status === 'stalled' ? t('stalled') : null}
          </p>
        </>
      ) : null}
    </div>
  );
}
