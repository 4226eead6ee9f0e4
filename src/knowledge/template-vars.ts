// The variables rule answer texts may name as `{{name}}` besides the facts; diagnose/template.ts derives them, and
// rule load refuses any other placeholder.

/** The names templateVars() derives; rule load refuses any other placeholder that is not a fact. */
export const TEMPLATE_VARS = [
  'baseUrl',
  'correctBaseUrl',
  'standardBaseUrl',
  'codingBaseUrl',
  'tokenPlanBaseUrl',
  'tokenPlanAnthropicBaseUrl',
  'anthropicBaseUrl',
  'nativeBaseUrl',
  'givenBaseUrl',
  'model',
  'regionName',
] as const;
