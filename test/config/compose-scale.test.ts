// compose.scale.yaml (README "Running at scale") names only variables the code reads, runs every replica on one
// PostgreSQL and one Redis, and scales the API to 3 and Slack to 2 with one Discord shard manager.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compose = parse(readFileSync(new URL('../../compose.scale.yaml', import.meta.url), 'utf8'), {
  merge: true,
}) as { services: Record<string, { environment?: Record<string, string>; deploy?: { replicas?: number } }> };
const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

describe('compose.scale.yaml', () => {
  it('has the replicas the README describes', () => {
    const { api, slack, discord } = compose.services;
    expect([api?.deploy?.replicas, slack?.deploy?.replicas, discord?.deploy?.replicas]).toEqual([3, 2, 1]);
    for (const s of [api, slack, discord]) {
      expect(s?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(s?.environment?.REDIS_URL).toBe('redis://redis:6379/0');
    }
    expect(discord?.environment?.DISCORD_SHARDS).toBe('auto');
  });

  it('sets only variables listed in .env.example', () => {
    const names = Object.values(compose.services).flatMap((s) => Object.keys(s.environment ?? {}));
    const ours = names.filter((n) => !n.startsWith('POSTGRES_'));
    expect(ours.filter((n) => !new RegExp(`^${n}=`, 'm').test(example))).toEqual([]);
  });
});
