// A rule file around one text condition, for tests that load hostile or risky patterns.
export const ruleWithPattern = (
  id: string,
  operator: string,
  pattern: string,
  title = 'A rule with a risky pattern',
) => `id: other.${id}
title: ${title}
category: other
severity: low
cause: For the ReDoS test.
when:
  any:
    - { fact: code, operator: equal, value: SomeCode }
    - { fact: text, operator: ${operator}, value: ${JSON.stringify(pattern)} }
fix: ["Rewrite the pattern."]
verify:
  - { say: Nothing to run., run: "true" }
examples:
  match: ["SomeCode"]
  not: ["other"]
`;
