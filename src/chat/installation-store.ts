// Where the Slack app's installations live in OAuth mode (one per workspace or Enterprise Grid org): the memory
// store for tests and one process; a database-backed store implements the same interface so every replica sees
// every install. Records are opaque to the store: src/slack/installations.ts seals the tokens before they get here,
// so no backend ever holds a token in the clear.

interface InstallationRecord {
  /** `T:<team id>` for a workspace install, `E:<enterprise id>` for an org-wide install. */
  key: string;
  teamId: string | undefined;
  enterpriseId: string | undefined;
  /** The installation, sealed (AES-256-GCM) by the Slack surface. */
  sealed: string;
  /** Epoch milliseconds of the install (or the last reinstall). */
  installedAt: number;
}

export interface InstallationStore {
  save(record: InstallationRecord): Promise<void>;
  load(key: string): Promise<InstallationRecord | undefined>;
  delete(key: string): Promise<void>;
}

export function createMemoryInstallationStore(): InstallationStore {
  const records = new Map<string, InstallationRecord>();
  return {
    async save(record) {
      records.set(record.key, { ...record });
    },
    async load(key) {
      const hit = records.get(key);
      return hit && { ...hit };
    },
    async delete(key) {
      records.delete(key);
    },
  };
}
