// `bailian-doctor serve` refuses bad flags by their own names before anything listens.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(args: string[]) {
  let stderr = '';
  const code = await main(args, { stderr: (s) => (stderr += s), stdout: () => {}, env: {} });
  return { code, stderr };
}

describe('bailian-doctor serve', () => {
  it.each([
    [['serve', '--port', 'eighty'], /--port must be a whole number from 0 to 65535, got "eighty"/],
    [['serve', '--host', 'http://x'], /--host must be an interface address/],
  ])('%j exits 2 naming the flag', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('names the variable when the environment is wrong', async () => {
    let stderr = '';
    const code = await main(['serve'], { stderr: (s) => (stderr += s), stdout: () => {}, env: { PORT: '99999' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT must be a whole number/);
  });

  it('rejects an unknown flag', async () => {
    const { code, stderr } = await run(['serve', '--portt', '1']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/portt/);
  });
});
