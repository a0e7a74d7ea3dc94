// One evaluation of a workspace's alert rules at an instant: each kind with an enabled rule measures its condition,
// each true instance raises (or escalates) one alert per recipient at the most severe matching level, and each
// measured instance no longer true — or superseded — has its unresolved alerts resolved by nobody ("cleared").
import { localDate } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import type { GoalService } from '../goals/service.js';
import type { AccessContext } from '../http/access.js';
import { CONDITIONS } from './conditions/index.js';
import type { AlertSources } from './conditions/types.js';
import * as q from './queries.js';
import { raiseCondition, type StoredRule } from './raise.js';
import { ALERT_KINDS, strongestMatch, type AlertKind } from './rules.js';

export interface EvaluationSummary {
  /** The kinds that have an enabled rule and were measured. */
  evaluated: AlertKind[];
  raised: number;
  escalated: number;
  /** Alerts resolved because their condition was no longer true or was superseded. */
  cleared: number;
  /** Kinds whose measuring failed (the others still ran). */
  failed: Array<{ kind: AlertKind; error: string }>;
}

export async function evaluateRules(
  s: Scoped, ctx: AccessContext, rules: readonly StoredRule[], deps: { sources: AlertSources; goals: Pick<GoalService, 'standings'> }, now: Date,
): Promise<EvaluationSummary> {
  const zone = await q.workspaceZone(s.db, s.workspaceId);
  const summary: EvaluationSummary = { evaluated: [], raised: 0, escalated: 0, cleared: 0, failed: [] };
  const at = now.toISOString();
  for (const kind of ALERT_KINDS) {
    const enabled = rules.filter((r) => r.kind === kind && r.enabled);
    if (enabled.length === 0) continue;
    try {
      const unresolved = await q.unresolvedOfKind(s, kind);
      const result = await CONDITIONS[kind]({
        ctx, s, now, zone, today: localDate(now, zone), sources: deps.sources, goals: deps.goals, unresolved: unresolved.map((a) => a.subject),
      });
      const measured = new Set<string>();
      const clear: number[] = [];
      for (const finding of result.findings) {
        measured.add(finding.subject);
        const rule = strongestMatch(enabled, kind, finding.measure);
        if (!rule) {
          clear.push(...unresolved.filter((a) => a.subject === finding.subject).map((a) => a.id));
          continue;
        }
        const message = finding.message(rule);
        for (const staffId of finding.staffIds) {
          const outcome = await raiseCondition(s, kind, { kind, level: rule.level, subject: finding.subject, message, staffId, ruleId: rule.id, at });
          if (outcome === 'raised') summary.raised++;
          if (outcome === 'escalated') summary.escalated++;
        }
      }
      if (result.superseded) clear.push(...unresolved.filter((a) => !measured.has(a.subject) && result.superseded!(a.subject)).map((a) => a.id));
      summary.cleared += await q.clearAlerts(s, clear, at);
      summary.evaluated.push(kind);
    } catch (error) {
      summary.failed.push({ kind, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}
