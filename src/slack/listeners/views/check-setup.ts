// The "Check my setup" modal: base URL, model, key prefix (a choice — never the key) and client in; the check's
// findings out, in the same modal. Nothing typed into the form is logged; a key typed into a field is refused.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs } from '@slack/bolt';
import {
  type CheckResult,
  checkConfig,
  describeConfig,
  KEY_PREFIX_CHOICES,
  KEY_REGION_CHOICES,
  readCheckForm,
} from '../../../index.js';
import type { SlackDeps } from '../../deps.js';

export const CHECK_VIEW = 'check_setup_form';
const FIELDS = {
  baseUrl: 'base_url',
  model: 'model',
  keyPrefix: 'key_prefix',
  client: 'client',
  keyRegion: 'key_region',
} as const;
/** Slack's limit for a section's text. */
const SECTION_MAX = 3000;
const MARK = { error: ':x:', warning: ':warning:', info: ':information_source:' } as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (value: string, text: string) => ({ value, text: plain(text) });

export function checkFormView() {
  return {
    type: 'modal' as const,
    callback_id: CHECK_VIEW,
    title: plain('Check my setup'),
    submit: plain('Check'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: FIELDS.baseUrl,
        optional: true,
        label: plain('Base URL'),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: 500,
          placeholder: plain('https://dashscope-intl.aliyuncs.com/compatible-mode/v1'),
        },
      },
      {
        type: 'input',
        block_id: FIELDS.model,
        optional: true,
        label: plain('Model'),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 200, placeholder: plain('qwen-plus') },
      },
      {
        type: 'input',
        block_id: FIELDS.keyPrefix,
        label: plain('API key prefix'),
        hint: plain('Only how the key starts. Never paste the key itself.'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: KEY_PREFIX_CHOICES.map((c) => option(c.prefix, c.label)),
        },
      },
      {
        type: 'input',
        block_id: FIELDS.client,
        optional: true,
        label: plain('Client'),
        hint: plain('Leave empty to tell it from the base URL path.'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: [
            option('openai', 'OpenAI-compatible SDK or tool'),
            option('anthropic', 'Claude Code / Anthropic SDK'),
            option('dashscope', 'DashScope SDK'),
          ],
        },
      },
      {
        type: 'input',
        block_id: FIELDS.keyRegion,
        optional: true,
        label: plain('Console the key was created in'),
        hint: plain('Keys work only in their own region; leave empty if unsure.'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: KEY_REGION_CHOICES.map((c) => option(c.region, c.label)),
        },
      },
    ],
  };
}

const cut = (s: string) => (s.length > SECTION_MAX ? `${s.slice(0, SECTION_MAX - 1)}…` : s);

function checkResultView(result: CheckResult) {
  const problems = result.findings.filter((f) => f.severity !== 'info').length;
  const headline = result.ok
    ? ':white_check_mark: *No problem found.*'
    : `*${problems} problem${problems === 1 ? '' : 's'} found.*`;
  return {
    type: 'modal' as const,
    title: plain('Setup check'),
    close: plain('Done'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: headline } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: cut(`Checked: ${describeConfig(result)}`) }] },
      ...result.findings.slice(0, 40).flatMap((f) => [
        { type: 'divider' },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: cut(`${MARK[f.severity]} *${f.severity}* — ${f.message}\n*Fix:* ${f.fix}\n_${f.id}_`),
          },
        },
      ]),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Prove it works with `bailian-doctor verify --env` on the machine that runs the client.',
          },
        ],
      },
    ],
  };
}

type Values = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

async function handleCheckSubmission(
  deps: SlackDeps,
  { ack, view, body }: AllMiddlewareArgs & SlackViewMiddlewareArgs,
): Promise<void> {
  const values = view.state.values as Values;
  const text = (field: string) => values[field]?.value?.value?.trim() || undefined;
  const choice = (field: string) => values[field]?.value?.selected_option?.value;
  const form = readCheckForm({
    baseUrl: text(FIELDS.baseUrl),
    model: text(FIELDS.model),
    client: choice(FIELDS.client),
    keyPrefix: choice(FIELDS.keyPrefix),
    keyRegion: choice(FIELDS.keyRegion),
  });
  // A key typed into a text field: refuse the form with the reason, keep nothing of it.
  if (!form.ok) {
    await ack({
      response_action: 'errors',
      errors: Object.fromEntries(
        form.keyIn.map((field) => [
          FIELDS[field],
          'This holds an API key — never paste it. Choose its prefix below, and rotate the key.',
        ]),
      ),
    });
    deps.log.warn({ event: 'slack.check_key_refused', user: body.user.id }, 'a key was typed into the check form');
    return;
  }
  const result = await checkConfig(form.input, deps.rules());
  await ack({ response_action: 'update', view: checkResultView(result) });
  deps.log.info(
    { event: 'slack.check', user: body.user.id, ok: result.ok, findings: result.findings.map((f) => f.id) },
    'checked a setup',
  );
}

export function registerCheckView(app: App, deps: SlackDeps): void {
  app.view(CHECK_VIEW, (args) => handleCheckSubmission(deps, args));
}
