// Slack installations (chat/installation-store.ts) on the database, so every replica can answer every workspace.
// The record arrives sealed by the Slack surface: this table never holds a token in the clear.
import type { InstallationStore } from '../chat/installation-store.js';
import type { Database } from './database.js';

export function createDatabaseInstallationStore({ db }: Database): InstallationStore {
  return {
    async save(r) {
      const row = {
        key: r.key,
        team_id: r.teamId ?? null,
        enterprise_id: r.enterpriseId ?? null,
        sealed: r.sealed,
        installed_at: r.installedAt,
      };
      await db
        .insertInto('slack_installations')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            team_id: row.team_id,
            enterprise_id: row.enterprise_id,
            sealed: row.sealed,
            installed_at: row.installed_at,
          }),
        )
        .execute();
    },
    async load(key) {
      const row = await db.selectFrom('slack_installations').selectAll().where('key', '=', key).executeTakeFirst();
      return (
        row && {
          key: row.key,
          teamId: row.team_id ?? undefined,
          enterpriseId: row.enterprise_id ?? undefined,
          sealed: row.sealed,
          installedAt: row.installed_at,
        }
      );
    },
    async delete(key) {
      await db.deleteFrom('slack_installations').where('key', '=', key).execute();
    },
  };
}
