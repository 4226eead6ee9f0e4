// The answer's buttons, clicked the way Slack delivers clicks: feedback is logged and acknowledged to the
// clicker only, "Other possible causes" shows the rest, "Share in channel" posts the private answer publicly.
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_ACTIONS } from '../../src/render/slack/index.js';
import { FEEDBACK_THANKS } from '../../src/slack/listeners/actions/buttons.js';
import { buttonClick, slashCommand } from '../fakes/slack/payloads.js';
import { blockText, type Harness, MODES, OTHER_CHANNEL, startHarness, testRules, USER } from './harness.js';

const ERROR =
  '{"status_code": 401, "request_id": "abc12345-1", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';
const CLICKER = 'UCLICKER1';

// The fixture rules: two that both match InvalidApiKey, so there is always an "other possible cause".
const rules = testRules();

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Run /diagnose and return the blocks of its private answer. */
async function diagnoseBySlash(harness: Harness) {
  await harness.send.command(
    slashCommand({ text: ERROR, user: USER, channel: OTHER_CHANNEL, responseUrl: harness.fake.responseUrl('answer') }),
  );
  await harness.settle();
  const [answer] = harness.fake.callsTo('response_url');
  return answer!.body.blocks as Array<Record<string, unknown>>;
}

function click(harness: Harness, blocks: Array<Record<string, unknown>>, actionId: string, name: string) {
  return harness.send.interaction(
    buttonClick({
      blocks,
      actionId,
      user: CLICKER,
      channel: OTHER_CHANNEL,
      responseUrl: harness.fake.responseUrl(name),
    }),
  );
}

const at = (harness: Harness, name: string) =>
  harness.fake.callsTo('response_url').filter((c) => c.path === `/respond/${name}`);

describe.each(MODES)('answer buttons (%s mode)', (mode) => {
  it('shows all four buttons on a private answer with more than one cause', async () => {
    h = await startHarness(mode, { rules });
    const actions = (await diagnoseBySlash(h)).filter((b) => b.type === 'actions');
    const ids = actions.flatMap((a) => (a.elements as Array<{ action_id: string }>).map((e) => e.action_id));
    expect(ids).toEqual([SLACK_ACTIONS.fixed, SLACK_ACTIONS.notIt, SLACK_ACTIONS.others, SLACK_ACTIONS.share]);
  });

  it('logs feedback with the rule id and thanks only the clicker', async () => {
    h = await startHarness(mode, { rules });
    const blocks = await diagnoseBySlash(h);
    await click(h, blocks, SLACK_ACTIONS.fixed, 'fixed');
    await click(h, blocks, SLACK_ACTIONS.notIt, 'notit');
    await h.settle();
    const feedback = h.logs.filter((l) => l.event === 'slack.feedback');
    expect(feedback.map((l) => [l.verdict, l.rule, l.user])).toEqual([
      ['fixed', 'auth.slack-test-primary', CLICKER],
      ['not_it', 'auth.slack-test-primary', CLICKER],
    ]);
    expect(at(h, 'fixed')[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: FEEDBACK_THANKS.fixed,
    });
    expect(at(h, 'notit')[0]?.body).toMatchObject({ response_type: 'ephemeral', text: FEEDBACK_THANKS.not_it });
  });

  it('"Other possible causes" shows the second diagnosis privately', async () => {
    h = await startHarness(mode, { rules });
    await click(h, await diagnoseBySlash(h), SLACK_ACTIONS.others, 'others');
    await h.settle();
    const [shown] = at(h, 'others');
    expect(shown?.body.response_type).toBe('ephemeral');
    expect(blockText(shown!.body)).toContain('Test rule that ranks second');
    expect(blockText(shown!.body)).not.toContain('Test rule that ranks first');
  });

  it('"Share in channel" posts the answer publicly, without the share button', async () => {
    h = await startHarness(mode, { rules });
    await click(h, await diagnoseBySlash(h), SLACK_ACTIONS.share, 'share');
    await h.settle();
    const [shared] = at(h, 'share');
    expect(shared?.body.response_type).toBe('in_channel');
    expect(blockText(shared!.body)).toContain('Test rule that ranks first');
    expect(JSON.stringify(shared!.body.blocks)).not.toContain(SLACK_ACTIONS.share);
  });
});
