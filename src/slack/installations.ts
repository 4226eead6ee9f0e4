// Bolt's InstallationStore over ours (chat/installation-store.ts). What Bolt hands over is sealed with AES-256-GCM
// under a key derived from SLACK_STATE_SECRET before any backend sees it, so a database row or a dump never holds a
// bot token in the clear; user tokens are dropped (the bot never acts as a user). A record that no longer opens
// (SLACK_STATE_SECRET changed) reads as "not installed": the workspace reinstalls.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { InstallationStore as BoltInstallationStore, Installation, InstallationQuery } from '@slack/bolt';
import type { Logger } from 'pino';
import type { InstallationStore } from '../chat/installation-store.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;
type AnyQuery = InstallationQuery<boolean>;

function keyOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  throw new Error('an installation query names neither a team nor an enterprise');
}

function sealingKey(stateSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', stateSecret, 'bailian-doctor', 'slack-installations-v1', 32));
}

function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed installation');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export interface SlackInstallations extends BoltInstallationStore {
  /** `app_uninstalled`, or the bot token revoked: forget the workspace (or org). */
  forget(q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<void>;
}

export function slackInstallations(store: InstallationStore, stateSecret: string, log: Logger): SlackInstallations {
  const key = sealingKey(stateSecret);
  return {
    async storeInstallation(installation: AnyInstallation) {
      const k = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      const kept = { ...installation, user: { ...installation.user, token: undefined, refreshToken: undefined } };
      await store.save({
        key: k,
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        sealed: seal(key, JSON.stringify(kept)),
        installedAt: Date.now(),
      });
      log.info({ event: 'slack.installed', key: k }, 'workspace installed');
    },
    async fetchInstallation(query: AnyQuery) {
      const k = keyOf(query);
      const record = await store.load(k);
      if (!record) throw new Error(`no installation for ${k}; install the app at /slack/install`);
      try {
        return JSON.parse(unseal(key, record.sealed)) as AnyInstallation;
      } catch {
        log.error({ event: 'slack.installation_unreadable', key: k }, 'installation cannot be opened');
        throw new Error(
          `the installation for ${k} cannot be opened (was SLACK_STATE_SECRET changed?); reinstall the app at /slack/install`,
        );
      }
    },
    async deleteInstallation(query: AnyQuery) {
      await store.delete(keyOf(query));
    },
    async forget(q) {
      const k = keyOf(q);
      await store.delete(k);
      log.info({ event: 'slack.uninstalled', key: k }, 'workspace uninstalled; its tokens are forgotten');
    },
  };
}
