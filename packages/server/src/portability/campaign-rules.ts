// A campaign's check-in rule as the file gives it: `days_total` and `days_required` on top of the defaults, and
// optionally a full `rules` object for whatever else a campaign had. Import and export both derive the rule here,
// so an export writes `rules` exactly when the two short fields would not give the stored rule back.
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_RULES, mergeRules, type CheckinRules, type CheckinRulesInput } from '../campaigns/rules.js';

export function fileRules(daysTotal: number, daysRequired: number, extra?: CheckinRulesInput | null): CheckinRules {
  const base = mergeRules(DEFAULT_RULES, {
    daysTotal,
    daysRequiredForCompletion: daysRequired,
    daysRequiredForRefund: daysRequired,
    // The defaults assume a 21-day campaign; on a short one they would contradict the rule (ruleProblems).
    borderlineDays: Math.min(DEFAULT_RULES.borderlineDays, daysRequired),
    makeup: { maxPerCampaign: Math.min(DEFAULT_RULES.makeup.maxPerCampaign, daysTotal) },
  });
  return extra ? mergeRules(base, extra) : base;
}

/** The export's fields for a stored rule: `rules` only when the short fields do not say it all. */
export function rulesFields(rules: CheckinRules): { days_total: number; days_required: number; rules?: CheckinRules } {
  const short = { days_total: rules.daysTotal, days_required: rules.daysRequiredForCompletion };
  return isDeepStrictEqual(fileRules(short.days_total, short.days_required), rules) ? short : { ...short, rules };
}
