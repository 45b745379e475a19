import { describe, expect, it } from 'vitest';
import { buildFunnel } from './funnel';
import { projectGoal } from './goals';
import { nextPeriod, periodStart, toKstDate } from './periods';

const NOW = new Date('2003-02-27T03:00:00Z'); // 12:00 in Seoul

describe('goal projection', () => {
  it('projects the date at the last seven days’ rate', () => {
    const daily = [
      { date: '2003-02-10', total: 1_000 },
      { date: '2003-02-20', total: 1_300 },
      { date: '2003-02-27', total: 2_000 },
    ];
    const goal = projectGoal('supporters', 3_000, 2_000, daily, NOW);
    expect(goal.ratePerDay).toBe(100); // (2000 − 1300) / 7
    expect(goal.projectedOn).toBe('2003-03-09');
    expect(goal.status).toBe('on_track');
    expect(goal.percent).toBe(66);
    expect(goal.milestones.map((milestone) => [milestone.percent, milestone.target, milestone.isReached, milestone.reachedOn])).toEqual([
      [25, 750, true, '2003-02-10'],
      [50, 1_500, true, '2003-02-27'],
      [75, 2_250, false, null],
      [100, 3_000, false, null],
    ]);
  });

  it('says stalled when nothing grew, reached when the goal is met, and nothing without a goal', () => {
    const flat = [{ date: '2003-02-01', total: 500 }];
    expect(projectGoal('plaintiffs', 1_586, 500, flat, NOW)).toMatchObject({ status: 'stalled', projectedOn: null, ratePerDay: 0 });
    expect(projectGoal('plaintiffs', 400, 500, flat, NOW)).toMatchObject({ status: 'reached', percent: 100 });
    expect(projectGoal('plaintiffs', 0, 500, flat, NOW)).toMatchObject({ status: 'no_goal', percent: 0 });
  });

  it('dates a milestone from the last time the total rose past it, after withdrawals dipped below', () => {
    const daily = [
      { date: '2003-02-01', total: 60 },
      { date: '2003-02-02', total: 40 },
      { date: '2003-02-05', total: 55 },
    ];
    expect(projectGoal('supporters', 100, 55, daily, NOW).milestones[1]).toMatchObject({
      target: 50,
      isReached: true,
      reachedOn: '2003-02-05',
    });
  });
});

describe('funnel', () => {
  it('gives conversion and drop-off between stages, with no drop-off from supporters to claimants', () => {
    const funnel = buildFunnel({
      'supporters.confirmed': 3_000,
      'claimants.registered': 2_000,
      'claimants.submitted': 1_600,
      'claimants.complete': 1_200,
      'claimants.verified': 0,
    });
    expect(funnel.map((stage) => [stage.id, stage.count, stage.conversion, stage.dropOff])).toEqual([
      ['supporters', 3_000, null, null],
      ['registered', 2_000, 2_000 / 3_000, null],
      ['submitted', 1_600, 0.8, 400],
      ['complete', 1_200, 0.75, 400],
      ['verified', 0, 0, 1_200],
      ['filed', 0, null, 0],
    ]);
  });
});

describe('Korean periods', () => {
  it('starts days at midnight in Seoul and weeks on Monday', () => {
    const lateSunday = new Date('2003-01-26T14:59:00Z'); // Sunday 23:59 KST
    expect(periodStart(lateSunday, 'day').toISOString()).toBe('2003-01-25T15:00:00.000Z');
    expect(periodStart(lateSunday, 'week').toISOString()).toBe('2003-01-19T15:00:00.000Z'); // Monday 20 Jan, 00:00 KST
    expect(periodStart(new Date('2003-01-26T15:00:00Z'), 'week').toISOString()).toBe('2003-01-26T15:00:00.000Z');
    expect(nextPeriod(periodStart(lateSunday, 'hour'), 'hour').toISOString()).toBe('2003-01-26T15:00:00.000Z');
    expect(toKstDate(new Date('2003-01-25T15:00:00Z'))).toBe('2003-01-26');
  });
});
