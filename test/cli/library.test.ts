// The package as a library: `import { diagnose, loadRules } from 'bailian-doctor'` resolves to the built dist.
import { describe, expect, it } from 'vitest';

describe('library entry point', () => {
  it('exports diagnose, loadRules and the error type by package name', async () => {
    const lib = await import('bailian-doctor');
    expect(typeof lib.diagnose).toBe('function');
    expect(typeof lib.loadRules).toBe('function');
    const rules = lib.loadRules();
    const result = await lib.diagnose({ text: 'InvalidApiKey: Invalid API-key provided.' }, { rules });
    expect(result.diagnoses[0]?.code).toBe('InvalidApiKey');
    expect(() => lib.loadRules(['/nonexistent-rules-folder'])).toThrow(lib.RuleLoadError);
  });
});
