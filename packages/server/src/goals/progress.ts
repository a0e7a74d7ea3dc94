// A goal's progress from its plan and its actuals: per line (the whole goal, each team, what no team is credited
// with) and per day the planned and re-planned targets, the actual, the cumulative figures and the completions.
// Pure: the service measures, this arithmetic decides what the numbers are.
import type { MetricKind } from './metrics.js';
import type { Ratio } from '../http/schemas.js';
import type { CellOut, LineOut, StandingOut } from './schema.js';
import { replan, round2 } from './split.js';

export interface PlanLine {
  goalTeamId: number;
  teamId: number | null;
  teamName: string | null;
  target: number;
  planned: number[];
}

/** Actuals per attribution (team id, or null for none): a value per day, or for a rate its numerators and denominators. */
export type Actuals =
  | { kind: 'flow' | 'level'; series: Map<number | null, number[]> }
  | { kind: 'rate'; series: Map<number | null, { numerator: number[]; denominator: number[] }> };

export interface Clocked {
  /** Days of the goal that have begun (today included) and that have ended. */
  begun: number;
  ended: number;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator: round2(numerator), denominator: round2(denominator), value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

const zeros = (n: number) => new Array<number>(n).fill(0);

function sumOf(lists: number[][], n: number): number[] {
  const out = zeros(n);
  for (const l of lists) l.forEach((v, i) => (out[i] = round2(out[i]! + v)));
  return out;
}

interface LineActual {
  values: number[];
  /** Rate only. */
  numerator?: number[];
  denominator?: number[];
}

function pick(actuals: Actuals, keys: (key: number | null) => boolean, n: number): LineActual {
  if (actuals.kind === 'rate') {
    const parts = [...actuals.series].filter(([k]) => keys(k)).map(([, v]) => v);
    const numerator = sumOf(parts.map((p) => p.numerator), n);
    const denominator = sumOf(parts.map((p) => p.denominator), n);
    return { values: numerator.map((x, i) => (denominator[i] ? x / denominator[i]! : 0)), numerator, denominator };
  }
  return { values: sumOf([...actuals.series].filter(([k]) => keys(k)).map(([, v]) => v), n) };
}

function cells(kind: MetricKind, days: readonly string[], clock: Clocked, target: number | null, planned: number[] | null, actual: LineActual): CellOut[] {
  const n = days.length;
  const replanned = planned && target !== null && kind === 'flow' ? replan(target, planned, actual.values, clock.ended) : null;
  let cumPlanned = 0;
  let cumActual = 0;
  let cumNum = 0;
  let cumDen = 0;
  const out: CellOut[] = [];
  for (let i = 0; i < n; i++) {
    const begun = i < clock.begun;
    const dayPlanned = planned ? (kind === 'flow' ? planned[i]! : target!) : null;
    const dayTarget = replanned ? replanned[i]! : dayPlanned;
    if (dayPlanned !== null) cumPlanned = kind === 'flow' ? round2(cumPlanned + dayPlanned) : dayPlanned;
    let value: number | null = null;
    let actualRatio: Ratio | null = null;
    let cumulative: number | null = null;
    if (begun && kind === 'rate') {
      cumNum += actual.numerator![i]!;
      cumDen += actual.denominator![i]!;
      actualRatio = ratio(actual.numerator![i]!, actual.denominator![i]!);
      value = actualRatio.value;
      cumulative = ratio(cumNum, cumDen).value;
    } else if (begun) {
      value = round2(actual.values[i]!);
      cumActual = kind === 'flow' ? round2(cumActual + value) : value;
      cumulative = cumActual;
    }
    const completion = begun && value !== null && dayTarget !== null ? ratio(value, dayTarget) : null;
    const cumulativeCompletion = begun && cumulative !== null && target !== null && planned ? ratio(cumulative, target) : null;
    out.push({
      day: days[i]!, planned: dayPlanned, replanned: dayTarget, actual: value, actualRatio,
      cumulativePlanned: planned ? cumPlanned : null, cumulativeActual: begun ? cumulative : null, completion, cumulativeCompletion,
    });
  }
  return out;
}

export interface Evaluated {
  lines: LineOut[];
  standings: StandingOut[];
}

/**
 * The lines of a goal: the whole goal first (for a goal split among teams, its plan is the teams' plans added up
 * and its actual everything in scope), then each team, then — when the data credits rows to no team of the goal —
 * the unassigned line (actuals only). A goal not split among teams is its single whole line.
 */
export function evaluate(input: {
  kind: MetricKind; manual: boolean; days: readonly string[]; clock: Clocked; goalTarget: number; plan: PlanLine[]; actuals: Actuals; teamScope: boolean;
}): Evaluated {
  const { kind, days, clock, plan, actuals } = input;
  const n = days.length;
  const split = plan.some((p) => p.teamId !== null);
  const teamIds = new Set(plan.map((p) => p.teamId));
  const timeElapsed = ratio(clock.ended, n);
  const lines: LineOut[] = [];
  const standings: StandingOut[] = [];
  const addLine = (line: Omit<LineOut, 'cells'>, planned: number[] | null, actual: LineActual) => {
    const lineCells = cells(kind, days, clock, line.target, planned, actual);
    lines.push({ ...line, cells: lineCells });
    if (line.kind === 'unassigned' || line.target === null) return;
    const last = clock.begun > 0 ? lineCells[Math.min(clock.begun, n) - 1]! : null;
    const achieved = last?.cumulativeActual ?? 0;
    const completion = ratio(achieved, line.target);
    standings.push({
      teamId: line.teamId, teamName: line.teamName, target: line.target, achieved, completion, timeElapsed,
      gapPoints: Math.round(((timeElapsed.value ?? 0) - (completion.value ?? 0)) * 1000) / 10,
    });
  };
  const whole = plan.find((p) => p.teamId === null);
  const totalPlanned = kind === 'flow' ? sumOf(plan.map((p) => p.planned), n) : days.map(() => input.goalTarget);
  addLine({ kind: 'total', teamId: null, teamName: null, target: input.goalTarget, editable: input.manual && !split && whole !== undefined },
    totalPlanned, pick(actuals, () => true, n));
  if (!split) return { lines, standings };
  for (const p of plan) {
    addLine({ kind: 'team', teamId: p.teamId, teamName: p.teamName, target: p.target, editable: input.manual }, p.planned, pick(actuals, (k) => k === p.teamId, n));
  }
  if (!input.manual && !input.teamScope) {
    const others = (k: number | null) => !teamIds.has(k);
    if ([...actuals.series.keys()].some(others)) addLine({ kind: 'unassigned', teamId: null, teamName: null, target: null, editable: false }, null, pick(actuals, others, n));
  }
  return { lines, standings };
}
