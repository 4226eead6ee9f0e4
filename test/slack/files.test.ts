// Text files and snippets attached to a message are part of the paste; the bot token only goes to Slack's
// file hosts (here: the configured API host), and big or binary files are not read whole.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES as MAX_FILE_BYTES } from '../../src/chat/attachments.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { NO_MATCH_HELP } from '../../src/render/wording.js';
import { isTextFile, mayReceiveToken } from '../../src/slack/files.js';
import { eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { answerPosts, blockText, type Harness, startHarness, testRules, USER } from './harness.js';

const ERROR =
  '{"status_code": 401, "request_id": "abc12345-1", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const dmWithFiles = (files: unknown[], text = 'error attached') =>
  eventCallback({
    type: 'message',
    subtype: 'file_share',
    channel_type: 'im',
    channel: 'DDM0000001',
    user: USER,
    ts: nextTs(),
    text,
    files,
  });

describe('attached files', () => {
  it('diagnoses the text of an attached snippet, downloaded with the bot token', async () => {
    h = await startHarness('socket');
    const file = h.fake.addFile({ id: 'FSNIP0001', name: 'error.txt', content: ERROR, mode: 'snippet' });
    await h.send.event(dmWithFiles([file]));
    await h.settle();
    const [download] = h.fake.callsTo('file');
    expect(download?.headers.authorization).toBe(`Bearer ${h.fake.botToken}`);
    const title = (await diagnose(ERROR, { rules: testRules() })).diagnoses[0]!.title;
    expect(blockText(answerPosts(h.fake)[0]!.body)).toContain(title);
  });

  it('asks files.info first when the event only says check_file_info', async () => {
    h = await startHarness('http');
    h.fake.addFile({ id: 'FINFO0001', name: 'error.log', content: ERROR });
    await h.send.event(dmWithFiles([{ id: 'FINFO0001', file_access: 'check_file_info' }]));
    await h.settle();
    expect(h.fake.callsTo('files.info')[0]?.body.file).toBe('FINFO0001');
    expect(h.fake.callsTo('file')).toHaveLength(1);
  });

  it('never sends the token to a host that is not Slack, and skips binary files', async () => {
    h = await startHarness('socket');
    const foreign = {
      ...h.fake.addFile({ id: 'FFOREIGN1', name: 'a.txt', content: ERROR }),
      url_private: 'https://files.example.com/a.txt',
    };
    const image = {
      ...h.fake.addFile({ id: 'FIMAGE001', name: 'a.png', content: 'x' }),
      mimetype: 'image/png',
      filetype: 'png',
    };
    await h.send.event(dmWithFiles([foreign, image], 'see files'));
    await h.settle();
    expect(h.fake.callsTo('file')).toHaveLength(0);
    expect(h.logs.some((l) => l.event === 'slack.file_skipped' && l.file === 'FFOREIGN1')).toBe(true);
    // Nothing readable was attached, so this direct message gets the "tell me more" answer.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('reads at most MAX_FILE_BYTES of a big file: an error past the bound is not seen', async () => {
    h = await startHarness('socket');
    const file = h.fake.addFile({
      id: 'FBIG00001',
      name: 'big.log',
      content: `${'x'.repeat(MAX_FILE_BYTES + 1024)}\n${ERROR}`,
    });
    const small = h.fake.addFile({ id: 'FSMALL001', name: 'small.log', content: `${'x'.repeat(1024)}\n${ERROR}` });
    await h.send.event(dmWithFiles([file]));
    await h.settle();
    await h.send.event(dmWithFiles([small]));
    await h.settle();
    const [big, control] = answerPosts(h.fake).map((c) => blockText(c.body));
    const title = (await diagnose(ERROR, { rules: testRules() })).diagnoses[0]!.title;
    expect(control).toContain(title);
    expect(big).not.toContain(title);
    expect(big).toContain(NO_MATCH_HELP.slice(0, 40));
  });
});

describe('file rules', () => {
  it.each([
    ['https://files.slack.com/files-pri/T1-F1/a.txt', true],
    ['https://files.slack-gov.com/files-pri/T1-F1/a.txt', true],
    ['http://files.slack.com/files-pri/T1-F1/a.txt', false],
    ['https://slack.com.evil.example/a.txt', false],
    ['https://files.example.com/a.txt', false],
    ['not a url', false],
  ])('token may go to %s: %s', (url, ok) => {
    expect(mayReceiveToken(url, 'https://slack.com/api/')).toBe(ok);
  });

  it('accepts the configured API host (GovSlack, a proxy, a test fake)', () => {
    expect(mayReceiveToken('http://127.0.0.1:9999/files-pri/x', 'http://127.0.0.1:9999/api/')).toBe(true);
  });

  it.each([
    [{ mode: 'snippet' }, true],
    [{ mimetype: 'text/plain' }, true],
    [{ mimetype: 'application/json' }, true],
    [{ filetype: 'python' }, true],
    [{ mimetype: 'image/png', filetype: 'png' }, false],
    [{ mimetype: 'application/pdf', filetype: 'pdf' }, false],
  ])('text file %j: %s', (file, ok) => {
    expect(isTextFile(file)).toBe(ok);
  });
});
