// Environment -> HTTP config: defaults with nothing set, and a message naming the variable for each bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, exposureWarning, isLoopback, parseHttpConfig } from '../../src/config/http.js';

describe('parseHttpConfig', () => {
  it('serves 127.0.0.1:8080, open, 64 KiB bodies, 120/min when nothing is set', () => {
    expect(parseHttpConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      apiTokens: [],
      bodyLimit: 65_536,
      rateLimitPerMinute: 120,
      logLevel: 'info',
      rulesWatch: false,
      trustProxy: false,
    });
  });

  it('reads TRUST_PROXY as a hop count or a list of proxies, and refuses a blanket "true"', () => {
    expect(parseHttpConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseHttpConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(parseHttpConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(() => parseHttpConfig({ TRUST_PROXY: 'true' })).toThrow(/^TRUST_PROXY must be a hop count/);
  });

  it('treats empty variables (as in a copied .env.example) as unset', () => {
    expect(parseHttpConfig({ HOST: '', PORT: '', API_TOKENS: '', BODY_LIMIT: ' ' }).port).toBe(8080);
  });

  it('reads every variable', () => {
    const token = 'x'.repeat(20);
    const c = parseHttpConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      API_TOKENS: ` ${token} , ${token}y ,`,
      BODY_LIMIT: '2048',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'WARN',
      RULES_WATCH: '1',
      TRUST_PROXY: '2',
    });
    expect(c).toEqual({
      host: '0.0.0.0',
      port: 0,
      apiTokens: [token, `${token}y`],
      bodyLimit: 2048,
      rateLimitPerMinute: 0,
      logLevel: 'warn',
      rulesWatch: true,
      trustProxy: 2,
    });
  });

  it.each([
    [{ PORT: 'http' }, /^PORT must be a whole number from 0 to 65535, got "http"/],
    [{ PORT: '70000' }, /^PORT .*"70000"/],
    [{ PORT: '-1' }, /^PORT /],
    [{ HOST: 'http://localhost' }, /^HOST must be an interface address/],
    [{ BODY_LIMIT: '64k' }, /^BODY_LIMIT must be a whole number/],
    [{ BODY_LIMIT: '10' }, /^BODY_LIMIT .* from 1024/],
    [{ RATE_LIMIT_PER_MINUTE: '1.5' }, /^RATE_LIMIT_PER_MINUTE /],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ RULES_WATCH: 'sometimes' }, /^RULES_WATCH must be 1 or 0/],
    [{ API_TOKENS: 'short' }, /^API_TOKENS entry 1 is shorter than 16/],
  ])('refuses %o', (env, message) => {
    expect(() => parseHttpConfig(env)).toThrow(ConfigError);
    expect(() => parseHttpConfig(env)).toThrow(message);
  });

  it('never echoes a token in its error', () => {
    const secret = `short${'z'.repeat(5)}`;
    expect(() => parseHttpConfig({ API_TOKENS: `${'k'.repeat(20)},${secret}` })).toThrow(/entry 2/);
    try {
      parseHttpConfig({ API_TOKENS: secret });
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
    }
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('exposureWarning', () => {
  it('warns only for a non-loopback address without tokens', () => {
    expect(exposureWarning({ host: '0.0.0.0', apiTokens: [] })).toMatch(/HOST=0\.0\.0\.0.*API_TOKENS/);
    expect(exposureWarning({ host: '0.0.0.0', apiTokens: ['t'.repeat(20)] })).toBeUndefined();
    expect(exposureWarning({ host: '127.0.0.1', apiTokens: [] })).toBeUndefined();
  });
});
