// The support conversation's buttons and form in Slack, through the real Bolt app: the differential question's
// buttons re-diagnose, "Correct a fact" opens a pre-filled modal whose submission re-diagnoses, "Escalate" posts
// the handoff packet (no key, no raw paste) in the thread and to ESCALATION_CHANNEL, "I'll take this" claims it
// once, and App Home shows admins the week's gaps. Every click acts once.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryThreadStore, type ThreadStore } from '../../src/chat/thread-store.js';
import { SLACK_ACTIONS } from '../../src/render/slack/index.js';
import { CORRECT_FACT_VIEW } from '../../src/slack/listeners/actions/conversation.js';
import { secretValues } from '../adversarial/planted-secrets.js';
import { appHomeOpened, buttonClick, eventCallback, nextTs, viewSubmission } from '../fakes/slack/payloads.js';
import { answerPosts, blockText, type Harness, OTHER_CHANNEL, startHarness, USER } from './harness.js';

const INVALID_KEY =
  '{"status_code": 401, "request_id": "7c2e9a10-4b1f-9d3e", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';
const ESCALATIONS = 'CESCAL0001';
const HELPER = 'UHELPER01';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Blocks = Array<Record<string, unknown>>;

async function askInThread(harness: Harness, text: string) {
  const threadTs = nextTs();
  await harness.send.event(
    eventCallback({
      type: 'app_mention',
      user: USER,
      channel: OTHER_CHANNEL,
      ts: threadTs,
      text: `<@${harness.fake.botUserId}> ${text}`,
    }),
  );
  await harness.settle();
  return { threadTs, blocks: answerPosts(harness.fake).at(-1)!.body.blocks as Blocks };
}

const click = (harness: Harness, blocks: Blocks, actionId: string, user = USER, name = actionId) =>
  buttonClick({ blocks, actionId, user, channel: OTHER_CHANNEL, responseUrl: harness.fake.responseUrl(name) });

const buttonLabels = (blocks: Blocks) =>
  blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as Array<{ text: { text: string } }>).map((e) => e.text.text));

describe('Slack conversation actions', () => {
  it('asks the differential question on a tie, and its button re-diagnoses in the thread', async () => {
    h = await startHarness('http', { rules: 'bundled' });
    const { threadTs, blocks } = await askInThread(h, INVALID_KEY);
    expect(blockText({ blocks })).toContain('Which base URL do you call?');
    expect(buttonLabels(blocks)).toEqual(
      expect.arrayContaining(['Beijing', 'Singapore', 'Coding Plan', 'Token Plan', 'other']),
    );
    const before = blockText({ blocks });
    const codingPlan = `${SLACK_ACTIONS.choicePrefix}2`;
    const payload = click(h, blocks, codingPlan);
    await h.send.interaction(payload);
    await h.send.interaction(payload); // Slack's retry of the same click
    await h.settle();
    const followUps = answerPosts(h.fake).slice(1);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.body.thread_ts).toBe(threadTs);
    const after = blockText(followUps[0]!.body);
    expect(after).toContain('Read again with what this thread told me');
    expect(after).toContain('host coding.dashscope.aliyuncs.com → China (Beijing), Coding Plan');
    const rule = (t: string) => /Rule `([^`]+)`/.exec(t)?.[1];
    expect(rule(after)).not.toBe(rule(before));
  });

  it('opens "Correct a fact" pre-filled, and re-diagnoses with what was typed', async () => {
    h = await startHarness('http', { rules: 'bundled' });
    const { threadTs, blocks } = await askInThread(h, INVALID_KEY);
    await h.send.interaction(click(h, blocks, SLACK_ACTIONS.correct));
    await h.settle();
    const [open] = h.fake.callsTo('views.open');
    const view = open!.body.view as { callback_id: string; private_metadata: string; blocks: Blocks };
    expect(view.callback_id).toBe(CORRECT_FACT_VIEW);
    const status = view.blocks.find((b) => b.block_id === 'status') as { element: { initial_value?: string } };
    expect(status.element.initial_value).toBe('401');
    // A key typed into the form is refused in the form; nothing is diagnosed.
    const key = secretValues(11)[0]!.value;
    await h.send.interaction(
      viewSubmission({
        callbackId: CORRECT_FACT_VIEW,
        privateMetadata: view.private_metadata,
        values: { model: key },
        user: USER,
      }),
    );
    await h.settle();
    expect(answerPosts(h.fake)).toHaveLength(1);
    await h.send.interaction(
      viewSubmission({
        callbackId: CORRECT_FACT_VIEW,
        privateMetadata: view.private_metadata,
        values: { baseUrl: 'https://coding.dashscope.aliyuncs.com/v1' },
        user: USER,
      }),
    );
    await h.settle();
    const posts = answerPosts(h.fake);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.thread_ts).toBe(threadTs);
    expect(blockText(posts[1]!.body)).toContain('host coding.dashscope.aliyuncs.com');
    expect(JSON.stringify(h.fake.calls.map((c) => c.raw).filter((r) => !r.includes('view_submission')))).not.toContain(
      key,
    );
  });

  it('escalates with the handoff packet and lets one helper take it', async () => {
    h = await startHarness('http', { rules: 'bundled' }, { ESCALATION_CHANNEL: ESCALATIONS });
    const planted = secretValues(12)[1]!.value;
    const { threadTs, blocks } = await askInThread(h, `${INVALID_KEY}\nexport DASHSCOPE_API_KEY=${planted}`);
    await h.send.interaction(click(h, blocks, SLACK_ACTIONS.escalate));
    await h.send.interaction(click(h, blocks, SLACK_ACTIONS.escalate, USER, 'again'));
    await h.settle();
    const inThread = h.fake.callsTo('chat.postMessage').filter((c) => blockText(c.body).includes('Request ID:'));
    expect(inThread.map((c) => c.body.channel)).toEqual([OTHER_CHANNEL, ESCALATIONS]);
    expect(inThread[0]!.body.thread_ts).toBe(threadTs);
    const packet = blockText(inThread[0]!.body);
    for (const field of [
      'Request ID:  7c2e9a10-4b1f-9d3e',
      'Error code:  InvalidApiKey',
      'HTTP status: 401',
      'Time (UTC):',
      'Rule tried:  auth.',
      'Verify result: not run yet',
    ])
      expect(packet).toContain(field);
    expect(JSON.stringify(h.fake.calls.map((c) => c.raw))).not.toContain(planted);
    expect(packet).not.toContain('Invalid API-key provided.');
    // The second press only tells the clicker.
    expect(blockText(h.fake.callsTo('response_url').at(-1)!.body)).toContain('already escalated');

    const escalation = inThread[1]!.body.blocks as Blocks;
    await h.send.interaction(
      buttonClick({
        blocks: escalation,
        actionId: SLACK_ACTIONS.claim,
        user: HELPER,
        channel: ESCALATIONS,
        responseUrl: h.fake.responseUrl('claim'),
      }),
    );
    await h.send.interaction(
      buttonClick({
        blocks: escalation,
        actionId: SLACK_ACTIONS.claim,
        user: 'ULATE0001',
        channel: ESCALATIONS,
        responseUrl: h.fake.responseUrl('late'),
      }),
    );
    await h.settle();
    const [claimed] = h.fake.callsTo('response_url').filter((c) => c.path === '/respond/claim');
    expect(claimed!.body).toMatchObject({ replace_original: true });
    expect(blockText(claimed!.body)).toContain(`Taken by <@${HELPER}>`);
    const note = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(note.body).toMatchObject({ channel: OTHER_CHANNEL, thread_ts: threadTs });
    expect(String(note.body.text)).toContain(`<@${HELPER}> is taking this thread`);
    const [late] = h.fake.callsTo('response_url').filter((c) => c.path === '/respond/late');
    expect(late!.body.text).toBe(`<@${HELPER}> already took this one.`);
  });

  it('"This fixed it" under a thread answer marks the thread solved (✅) once', async () => {
    h = await startHarness('http', { rules: 'bundled' });
    const { threadTs, blocks } = await askInThread(h, INVALID_KEY);
    await h.send.interaction(click(h, blocks, SLACK_ACTIONS.fixed));
    await h.send.interaction(click(h, blocks, SLACK_ACTIONS.fixed, USER, 'again'));
    await h.settle();
    const reactions = h.fake.callsTo('reactions.add');
    expect(reactions).toHaveLength(1);
    expect(reactions[0]!.body).toMatchObject({ channel: OTHER_CHANNEL, timestamp: threadTs, name: 'white_check_mark' });
  });

  it('acknowledges every click and form within the ack window, before any storage work', async () => {
    const memory = createMemoryThreadStore();
    let gate: Promise<void> | undefined;
    let release = () => {};
    const threads: ThreadStore = {
      load: async (key) => {
        await gate;
        return memory.load(key);
      },
      save: (state) => memory.save(state),
    };
    h = await startHarness('http', { rules: 'bundled', threads });
    const { blocks } = await askInThread(h, INVALID_KEY);
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Each delivery's HTTP response is Bolt's ack: it arrives while the thread store is still blocked.
    const acks = await Promise.all([
      h.send.interaction(click(h, blocks, `${SLACK_ACTIONS.choicePrefix}1`)),
      h.send.interaction(click(h, blocks, SLACK_ACTIONS.escalate)),
      h.send.interaction(click(h, blocks, SLACK_ACTIONS.correct)),
      h.send.interaction(
        viewSubmission({
          callbackId: CORRECT_FACT_VIEW,
          privateMetadata: JSON.stringify({ t: 'slack:T:C:1' }),
          values: { status: '403' },
          user: USER,
        }),
      ),
    ]);
    expect(acks).toEqual([200, 200, 200, 200]);
    const packets = () => h!.fake.callsTo('chat.postMessage').filter((c) => blockText(c.body).includes('Request ID:'));
    expect(packets()).toHaveLength(0);
    release();
    await h.settle();
    expect(packets()).toHaveLength(1);
  });

  it("shows App Home to everyone, and the week's gaps and detection rate to admins", async () => {
    const insights = {
      weekly: async () => ({
        detectionRate: 0.82,
        answered: 41,
        unmatched: 9,
        gaps: [{ template: 'Error <*> in <*>', count: 6 }],
      }),
    };
    h = await startHarness('http', { insights });
    h.fake.answer('users.info', (c) => ({
      ok: true,
      user: { id: c.body.user, is_admin: c.body.user === 'UADMIN001' },
    }));
    await h.send.event(appHomeOpened(USER));
    await h.send.event(appHomeOpened('UADMIN001'));
    await h.settle();
    const [member, admin] = h.fake.callsTo('views.publish').map((c) => c.body.view as { type: string; blocks: Blocks });
    expect(member!.type).toBe('home');
    expect(blockText(member!)).toContain('Mention me');
    expect(blockText(member!)).not.toContain('detection rate');
    expect(blockText(admin!)).toContain('detection rate *82.0%* (41 answered, 9 unmatched)');
    expect(blockText(admin!)).toContain('6× `Error &lt;*&gt; in &lt;*&gt;`');
  });
});
