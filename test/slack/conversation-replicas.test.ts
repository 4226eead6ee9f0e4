// "Works across replicas": two Slack bot processes, each with its own connection to one PostgreSQL database, share
// a support thread — the first paste reaches replica A, the reply reaches replica B, and B's answer reads both.
import { afterEach, describe, expect, it } from 'vitest';
import { type LearningLoop, openLearningLoop } from '../../src/service/learning-loop.js';
import { eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { BACKENDS } from '../helpers/storage-backends.js';
import { answerPosts, blockText, type Harness, OTHER_CHANNEL, startHarness, USER } from './harness.js';

const postgres = BACKENDS.find((b) => b.name === 'postgres')!;
const CODING_URL = 'our gateway calls https://coding.dashscope.aliyuncs.com/v1 — why does it fail?';
const INVALID_KEY = '{"status_code": 401, "code": "InvalidApiKey", "message": "Invalid API-key provided."}';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

describe.runIf(postgres.available)('Slack support threads across replicas (PostgreSQL)', () => {
  it('continues on replica B a thread that replica A started', async () => {
    const place = await postgres.create();
    cleanups.push(place.cleanup);
    const env = { DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl };
    const open = async (): Promise<LearningLoop> => {
      const loop = await openLearningLoop(env, { sweepTimer: false });
      cleanups.push(() => loop.close());
      return loop;
    };
    const start = async (learning: LearningLoop): Promise<Harness> => {
      const h = await startHarness('http', { rules: 'bundled', learning });
      cleanups.push(() => h.stop());
      return h;
    };
    const a = await start(await open());
    const b = await start(await open());
    const threadTs = nextTs();
    await a.send.event(
      eventCallback({
        type: 'app_mention',
        user: USER,
        channel: OTHER_CHANNEL,
        ts: threadTs,
        text: `<@${a.fake.botUserId}> ${CODING_URL}`,
      }),
    );
    await a.settle();
    await b.send.event(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        user: USER,
        channel: OTHER_CHANNEL,
        ts: nextTs(),
        thread_ts: threadTs,
        text: INVALID_KEY,
      }),
    );
    await b.settle();
    const answer = blockText(answerPosts(b.fake).at(-1)!.body);
    expect(answer).toContain('code InvalidApiKey · host coding.dashscope.aliyuncs.com → China (Beijing), Coding Plan');
  });
});
