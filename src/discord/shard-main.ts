// One shard process under DISCORD_SHARDS (started by shards.ts through discord.js's ShardingManager): the same
// bot as the single-process one; discord.js reads SHARDS / SHARD_COUNT from the environment and reports READY,
// disconnects and resumes to the manager (bot.ts tags every log line with the shard ids). It stops on SIGTERM,
// and when the manager goes away.
import pino from 'pino';
import { parseDiscordConfig } from '../config/discord.js';
import { acquireSharedLearningLoop, autoReloadSharedRules, sharedRuleStore } from '../index.js';
import { createDiscordBot } from './bot.js';

async function main(): Promise<void> {
  const env = process.env;
  const config = parseDiscordConfig(env);
  const logger = pino({ level: config.logLevel, base: { surface: 'discord' } });
  // The same storage as the single-process bot (answers, verdicts, the delivery ledger): with DATABASE_URL every
  // shard process shares it.
  const storage = await acquireSharedLearningLoop(env);
  const bot = createDiscordBot(config, { learning: storage.loop, logger, rules: sharedRuleStore(env) });
  const release = () => {
    autoReload();
    void storage.release();
  };
  const autoReload = autoReloadSharedRules(env);
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shard_stopping', why }, 'shard stopping');
    release();
    await bot.stop().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // The manager died (kill -9, crash): no one would ever stop this child otherwise.
  process.on('disconnect', () => void stop('manager gone'));
  await bot.start();
}

main().catch((err: Error) => {
  process.stderr.write(`bailian-doctor shard: ${err.message}\n`);
  process.exit(1);
});
