// The answer's buttons, clicked the way Slack delivers clicks: feedback is filed against the rule version and
// acknowledged to the clicker only with what happens to it, "Other possible causes" shows the rest (also after a
// restart, from storage), "Share in channel" posts the private answer publicly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLearningLoop } from '../../src/index.js';
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

  it('files feedback against the rule version, logs it, and tells only the clicker what happens to it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bd-slack-fb-'));
    h = await startHarness(mode, { rules }, { DATA_DIR: dataDir });
    const blocks = await diagnoseBySlash(h);
    await click(h, blocks, SLACK_ACTIONS.fixed, 'fixed');
    await click(h, blocks, SLACK_ACTIONS.notIt, 'notit');
    await h.settle();
    const feedback = h.logs.filter((l) => l.event === 'slack.feedback');
    expect(feedback.map((l) => [l.verdict, l.rule, l.user])).toEqual([
      ['fixed', 'auth.slack-test-primary', CLICKER],
      ['not_it', 'auth.slack-test-primary', CLICKER],
    ]);
    const version = rules.get('auth.slack-test-primary')!.version!;
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(at(h, 'fixed')[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text:
        `${FEEDBACK_THANKS.fixed} Recorded "fixed" for rule auth.slack-test-primary (version ${version}). ` +
        'Maintainers see it in the stats report (precision per rule version) and use it to fix or retire rules; ' +
        'it does not change answers by itself.',
    });
    expect(at(h, 'notit')[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining(`Recorded "not it" for rule auth.slack-test-primary (version ${version})`),
    });
    // The same clicker changed their mind: one verdict, the last.
    const loop = await openLearningLoop({ DATA_DIR: dataDir }, { sweepTimer: false });
    try {
      expect((await loop.stats()).rules).toEqual([
        expect.objectContaining({ ruleId: 'auth.slack-test-primary', ruleVersion: version, fixed: 0, notIt: 1 }),
      ]);
    } finally {
      await loop.close();
      await h.stop();
      h = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('"Other possible causes" still answers after a restart, from storage', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bd-slack-restart-'));
    try {
      const first = await startHarness(mode, { rules }, { DATA_DIR: dataDir });
      const blocks = await diagnoseBySlash(first);
      await first.stop();
      h = await startHarness(mode, { rules }, { DATA_DIR: dataDir });
      await click(h, blocks, SLACK_ACTIONS.others, 'others');
      await h.settle();
      const [shown] = at(h, 'others');
      expect(blockText(shown!.body)).toContain('Test rule that ranks second');
      // Without storage the same click could only say the answer is gone.
      await h.stop();
      h = await startHarness(mode, { rules, learning: false });
      await click(h, blocks, SLACK_ACTIONS.others, 'gone');
      await h.settle();
      expect(at(h, 'gone')[0]?.body.text).toMatch(/no longer kept/);
    } finally {
      await h?.stop();
      h = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
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
