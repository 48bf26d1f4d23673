// Rollout in words, for the console's Sections and Groups views and the audit log: modes,
// features, problems. One home for these translations, so a mode reads the same everywhere.
import { t, type MessageKey } from '../../../lib/any/i18n';
import { FEATURE_NAMES, type FeatureName, type Features, type LayerMode } from '../../../lib/core/rollout';
import type { RolloutProblem } from '../../../lib/core/rollout-edit';

export const MODE_LABELS: Record<LayerMode, MessageKey> = { off: 'rolloutModeOff', read: 'rolloutModeRead', on: 'rolloutModeOn' };

export const FEATURE_LABELS: Record<FeatureName, MessageKey> = {
  comments: 'rolloutFeatureComments',
  likes: 'rolloutFeatureLikes',
  anonymous: 'rolloutFeatureAnonymous',
  experts: 'rolloutFeatureExperts',
};

const PROBLEM_LABELS: Record<RolloutProblem, MessageKey> = {
  'invalid-request': 'rolloutProblemInvalidRequest',
  'name-missing': 'rolloutProblemNameMissing',
  'name-invalid': 'rolloutProblemNameInvalid',
  'name-taken': 'rolloutProblemNameTaken',
  'unknown-section': 'rolloutProblemUnknownSection',
  'unknown-group': 'rolloutProblemUnknownGroup',
  'pattern-missing': 'rolloutProblemPatternMissing',
  'pattern-invalid': 'rolloutProblemPatternInvalid',
  'pattern-too-deep': 'rolloutProblemPatternTooDeep',
  'pattern-overlap': 'rolloutProblemPatternOverlap',
  'pattern-matches-nothing': 'rolloutProblemPatternMatchesNothing',
  'too-many-groups': 'rolloutProblemTooManyGroups',
  'too-many': 'rolloutProblemTooMany',
  'group-in-use': 'rolloutProblemGroupInUse',
  'group-empty': 'rolloutProblemGroupEmpty',
  'group-no-members': 'rolloutProblemGroupNoMembers',
  'dates-invalid': 'rolloutProblemDatesInvalid',
  'dates-reversed': 'rolloutProblemDatesReversed',
  'control-overlap': 'rolloutProblemControlOverlap',
  'not-comms': 'rolloutProblemNotComms',
};

/** A refusal in words, with the value it is about. */
export function rolloutProblemText(code: RolloutProblem, subject = ''): string {
  return t(PROBLEM_LABELS[code], subject);
}

/** "On · Comments, Likes": a mode and the features switched on. */
export function settingText(mode: LayerMode, features: Features): string {
  const on = FEATURE_NAMES.filter((name) => features[name]).map((name) => t(FEATURE_LABELS[name]));
  return mode === 'off' || on.length === 0 ? t(MODE_LABELS[mode]) : `${t(MODE_LABELS[mode])} · ${on.join(', ')}`;
}

/** A stored section, group or rest setting (as the audit log keeps it before and after) in a few words. */
export function storedSettingText(thing: Record<string, unknown> | null): string {
  if (!thing) return t('consoleAuditNothing');
  if (typeof thing.mode === 'string' && typeof thing.features === 'object' && thing.features !== null) {
    const text = settingText(thing.mode as LayerMode, thing.features as Features);
    const groups = Array.isArray(thing.pilotGroups) ? (thing.pilotGroups as string[]) : [];
    return groups.length > 0 ? `${text} (${t('rolloutOnlyPilot', groups.join(', '))})` : text;
  }
  // A pilot group: its dates.
  return typeof thing.from === 'string' && typeof thing.until === 'string' ? `${thing.from} – ${thing.until}` : t('consoleAuditNothing');
}
