// The help texts: `bailian-doctor --help` (every command), `help <command>` and `<command> --help` (one command,
// with every flag). Kept next to each other so a new flag is documented where the others are.
import { FORMATS } from '../index.js';

const formats = () => FORMATS.join(', ');

export const COMMAND_USAGE: Record<string, () => string> = {
  diagnose: () => `Usage: bailian-doctor diagnose [TEXT] [options]

Diagnose a Model Studio error given as TEXT, in a file, or on stdin (kubectl logs … | bailian-doctor diagnose).

Options:
  -f, --file F          read the error from file F (UTF-8, UTF-16 with a BOM, or GB18030/GBK)
      --fact key=value  a fact you know from configuration, winning over the text (repeatable):
                        baseUrl, model, keyKind, status, … (rules/README.md lists them all)
      --format F        output format: ${formats()} (default text)
      --json            the same as --format json
  -a, --all             every matching cause in full, not just the first
      --echo            put the redacted, bounded paste in the JSON answer as facts.text
  -h, --help            this help

Long input keeps its head and its tail (errors are at the end of logs); the middle is left out with a note.
Exit status: 0 diagnosed, 1 nothing matched (the output says what to include), 2 usage or input error.
`,
  check: () => `Usage: bailian-doctor check [options]

Check a client configuration against what Model Studio accepts (key kind × host × region × plan × API path ×
model), before sending anything. The key is never printed: only its kind and length class.

Options:
      --base-url U        the base URL the client calls
      --model M           the model id
      --key-env NAME      the environment variable holding the key (read for its kind only)
      --key-prefix P      the key's prefix instead of a key: sk-, sk-sp- or none
      --key-region R      the region the key was created in
      --client C          openai, anthropic or dashscope
      --env               read the variables the common clients read (DASHSCOPE_*, OPENAI_*, ANTHROPIC_*,
                          ALIBABA_API_KEY) from the environment and ./.env
      --json              {"ok", "config", "findings": [{"id", "severity", "message", "fix"}]}
  -h, --help              this help

Exit status: 0 no problem, 1 problems found, 2 usage error.
`,
  verify: () => `Usage: bailian-doctor verify [check's options] [--timeout MS] [--any-host]

Send one minimal request with that configuration and the key from the environment, and diagnose the answer with
the same rules. The key is sent only to the configured host and never printed.

Options:
      (every option of bailian-doctor check)
      --timeout MS        give up after MS milliseconds
      --any-host          allow a base URL that is not a documented Model Studio host
  -h, --help              this help
`,
  rules: () => `Usage: bailian-doctor rules list [--json] | rules test [-v] | rules lint

  list [--json]   every rule in service (bundled rules and RULES_DIR), as a table or JSON
  test [-v]       every rule's examples against all the rules, and every rendered answer checked
  lint            schema, ids, fact names, examples, regex safety, snippet references
`,
  serve: () => `Usage: bailian-doctor serve [--port N] [--host H]

The HTTP API in the foreground until SIGTERM/SIGINT (default 127.0.0.1:8080). The flags override PORT and HOST;
everything else comes from the environment and .env (see .env.example).

Options:
  -p, --port N   port to listen on (0 picks a free one)
      --host H   interface to listen on
  -h, --help     this help
`,
  slack: () => `Usage: bailian-doctor slack

The Slack bot alone, until SIGTERM/SIGINT. Needs SLACK_BOT_TOKEN, plus SLACK_APP_TOKEN (Socket Mode) or
SLACK_SIGNING_SECRET (HTTP mode); see .env.example and README "Slack bot".
`,
  discord: () => `Usage: bailian-doctor discord [register [--guild ID]]

  discord                      the Discord bot alone, until SIGTERM/SIGINT (needs DISCORD_TOKEN)
  discord register             register the bot's commands globally (can take up to an hour to appear)
  discord register --guild ID  register them in one server, visible at once
`,
  gaps: () => `Usage: bailian-doctor gaps [--json] [--since 7d] [--limit N] | gaps draft <clusterId>

Coverage gaps: the pastes no rule matched (or matched only weakly), clustered into templates, most frequent first,
each with its count, first and last seen, surfaces, up to 3 redacted samples and the facts its members share.
Reads the storage of npm start: DATA_DIR (default ./data) or DATABASE_URL, from the environment and .env.

Options:
      --json          {"since", "gaps": [{"clusterId", "template", "count", "total", "firstSeen", "lastSeen",
                      "surfaces", "samples", "facts"}]}
      --since W       only misses in the window: 24h, 7d, 2w or an ISO date (default: all kept)
      --limit N       at most N gaps (default 50)
  draft <clusterId>   a YAML rule skeleton for that gap: \`when\` from what its misses share, the samples as
                      examples.match; it passes \`rules lint\`; write its cause, fix and verify
  -h, --help          this help
`,
  stats: () => `Usage: bailian-doctor stats [--json] [--since 30d]

Answered, unmatched and the detection rate per day; per rule version how often it was the answer, the verdicts
("fixed" / "not it") and its precision; rules whose precision fell in the last week are flagged.
Reads the storage of npm start: DATA_DIR (default ./data) or DATABASE_URL, from the environment and .env.

Options:
      --json          the report as JSON
      --since W       the window: 24h, 7d, 2w or an ISO date (default 30d)
  -h, --help          this help
`,
  version: () => `Usage: bailian-doctor --version

Print the version (also: bailian-doctor version, -V).
`,
};

export const USAGE = (): string => `bailian-doctor — diagnose Alibaba Cloud Model Studio (DashScope / Qwen API) errors

Usage:
  bailian-doctor diagnose [TEXT] [--file F] [--fact key=value]… [--format F | --json] [--all] [--echo]
      Diagnose an error (TEXT, a file, or stdin); --format is one of ${formats()}.
      Exit 0: diagnosed; 1: nothing matched; 2: usage/input error.
  bailian-doctor check [--base-url U] [--model M] [--key-env NAME] [--client openai|anthropic|dashscope] [--env] [--json]
      Check a client configuration before sending anything (--env: the clients' variables and ./.env).
      Exit 0: no problem; 1: problems found; 2: usage error. The key is never printed, only its kind.
  bailian-doctor verify [check's flags] [--timeout MS] [--any-host]
      Send one minimal request with that configuration and the key from the environment; diagnose the answer.
  bailian-doctor rules list [--json] | rules test [-v] | rules lint
  bailian-doctor gaps [--json] [--since 7d]      Clusters of pastes no rule matched, most first
  bailian-doctor gaps draft <clusterId>          A draft rule (YAML) for one gap; passes rules lint
  bailian-doctor stats [--json] [--since 30d]    Detection rate per day; shown/fixed/not it/precision per rule version
  bailian-doctor serve [--port N] [--host H]     HTTP API (default 127.0.0.1:8080)
  bailian-doctor slack                           Slack bot (needs SLACK_BOT_TOKEN, see .env.example)
  bailian-doctor discord [register [--guild ID]] Discord bot, or register its commands
  bailian-doctor help <command> | <command> --help   every flag of one command
  bailian-doctor --version
`;
