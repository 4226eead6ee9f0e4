// Builders for the request bodies Slack sends: Events API callbacks, slash commands, message shortcuts and
// button clicks. Only the fields Bolt and the bot read, with Slack's real names.
import { randomUUID } from 'node:crypto';

const TEAM = 'TFAKE0001';
const APP = 'AFAKE0001';

let ts = 1_800_000_000;
/** A fresh Slack message timestamp. */
export const nextTs = () => `${ts++}.000200`;

export function eventCallback(event: Record<string, unknown>, eventId = `Ev${randomUUID()}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: APP,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: event.ts, ...event },
    authorizations: [{ team_id: TEAM, user_id: 'UBOT00001', is_bot: true }],
  };
}

export function slashCommand(fields: { text: string; user: string; channel: string; responseUrl: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: fields.channel,
    channel_name: 'support',
    user_id: fields.user,
    user_name: 'someone',
    command: '/diagnose',
    text: fields.text,
    api_app_id: APP,
    response_url: fields.responseUrl,
    trigger_id: `trig.${randomUUID()}`,
  };
}

export function messageShortcut(fields: {
  message: Record<string, unknown>;
  channel: string;
  user: string;
  responseUrl: string;
}) {
  return {
    type: 'message_action',
    callback_id: 'diagnose_message',
    trigger_id: `trig.${randomUUID()}`,
    action_ts: nextTs(),
    team: { id: TEAM, domain: 'fake' },
    user: { id: fields.user, name: 'someone', team_id: TEAM },
    channel: { id: fields.channel, name: 'support' },
    message: { type: 'message', ...fields.message },
    response_url: fields.responseUrl,
    token: 'legacy-verification-token',
    is_enterprise_install: false,
  };
}

/** A click on one of the buttons in `blocks` (found by action id), as Slack sends it. */
export function buttonClick(fields: {
  blocks: Array<Record<string, unknown>>;
  actionId: string;
  user: string;
  channel: string;
  responseUrl: string;
}) {
  const button = fields.blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Array<Record<string, unknown>>)
    .find((e) => e.action_id === fields.actionId);
  if (!button) throw new Error(`no button ${fields.actionId} in the message`);
  return {
    type: 'block_actions',
    trigger_id: `trig.${randomUUID()}`,
    team: { id: TEAM, domain: 'fake' },
    user: { id: fields.user, username: 'someone', team_id: TEAM },
    api_app_id: APP,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: nextTs(), channel_id: fields.channel, is_ephemeral: false },
    channel: { id: fields.channel, name: 'support' },
    response_url: fields.responseUrl,
    actions: [{ ...button, block_id: 'actions', action_ts: nextTs(), type: 'button' }],
  };
}

/** A submitted modal: `values` maps each input block id to the typed text. */
export function viewSubmission(fields: {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, string>;
  user: string;
  viewId?: string;
}) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'fake' },
    user: { id: fields.user, username: 'someone', team_id: TEAM },
    api_app_id: APP,
    token: 'legacy-verification-token',
    trigger_id: `trig.${randomUUID()}`,
    view: {
      id: fields.viewId ?? `V${randomUUID().slice(0, 8).toUpperCase()}`,
      team_id: TEAM,
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      blocks: [],
      state: {
        values: Object.fromEntries(
          Object.entries(fields.values).map(([block, value]) => [
            block,
            { value: { type: 'plain_text_input', value } },
          ]),
        ),
      },
      hash: '1.abc',
      app_id: APP,
    },
  };
}

/** The user opened the app's Home tab. */
export function appHomeOpened(user: string) {
  return eventCallback({ type: 'app_home_opened', user, channel: 'DHOME0001', tab: 'home', event_ts: nextTs() });
}
