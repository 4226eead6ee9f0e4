// Discord embeds for a diagnosis: title + severity colour, cause, numbered fix steps, verification commands
// in code blocks, a footer with the rule id and evidence. Everything is packed within Discord's limits
// (src/render/discord/limits.ts) without breaking code blocks; a long answer becomes several messages.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { DiagnoseResult, Diagnosis, Severity } from '../../types.js';
import { VERSION } from '../../version.js';
import { whatIRead } from '../what-i-read.js';
import { NO_MATCH_HELP } from '../wording.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { splitMarkdown } from './split.js';

const SEVERITY_COLOURS: Record<Severity, number> = {
  low: 0x2ecc71,
  medium: 0xf1c40f,
  high: 0xe67e22,
  critical: 0xe74c3c,
};
const NO_MATCH_COLOUR = 0x95a5a6;

/** Characters an embed counts toward the 6000-per-message budget. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The description as sections (cause, fix, docs); the packer keeps a section whole when it can. */
function sections(d: Diagnosis): string[] {
  const fix = d.fix.map((step, i) => {
    const [first, ...rest] = step.split('\n');
    return [`${i + 1}. ${first}`, ...rest].join('\n');
  });
  const parts = [`**Cause**\n${d.cause}`, `**Fix**\n${fix.join('\n')}`];
  if (d.docs.length) parts.push(`**Docs**\n${d.docs.map((u) => `<${u}>`).join('\n')}`);
  return parts;
}

function verifyFields(d: Diagnosis): APIEmbedField[] {
  return d.verify.flatMap((v, i) => {
    const name = clip(`Verify ${d.verify.length > 1 ? i + 1 : ''}`.trim(), L.fieldName);
    const value = `${v.say}\n\`\`\`sh\n${v.run.replaceAll('```', "'''")}\n\`\`\``;
    return splitMarkdown(value, L.fieldValue).map((chunk, j) => ({ name: j ? `${name} (cont.)` : name, value: chunk }));
  });
}

/** `read`: the "What I read" line, first in the footer (plain text, as a footer is), so a wrong fact shows. */
function footerOf(d: Diagnosis, read?: string): string {
  const evidence = d.evidence.length ? ` · evidence: ${d.evidence.join('; ')}` : '';
  // The version says which knowledge answered: a report about a wrong answer names the release to look at.
  const rule = `rule ${d.id} · ${d.category} · confidence ${d.confidence.toFixed(2)} · bailian-doctor ${VERSION}${evidence}`;
  return clip(read ? `🔍 ${read}\n${rule}` : rule, L.footer);
}

/** Builds embeds one piece at a time, opening a new embed whenever a piece would break a limit. */
class EmbedPacker {
  readonly embeds: APIEmbed[] = [];
  private current: APIEmbed;
  constructor(private readonly color: number) {
    this.current = { color };
  }
  private next(): void {
    this.embeds.push(this.current);
    this.current = { color: this.color };
  }
  private fits(extra: number): boolean {
    return embedLength(this.current) + extra <= L.messageEmbedChars;
  }
  title(t: string): void {
    this.current.title = clip(t, L.title);
  }
  description(parts: string[]): void {
    for (const part of parts)
      for (const chunk of splitMarkdown(part, L.description)) {
        const before = this.current.description;
        const joined = before ? `${before}\n\n${chunk}` : chunk;
        const grow = joined.length - (before?.length ?? 0);
        if (this.current.fields || joined.length > L.description || !this.fits(grow)) {
          if (before || this.current.fields) this.next();
          this.current.description = chunk;
        } else this.current.description = joined;
      }
  }
  field(f: APIEmbedField): void {
    const fields = this.current.fields ?? [];
    if (fields.length >= L.fields || !this.fits(f.name.length + f.value.length)) this.next();
    this.current.fields = [...(this.current.fields ?? []), f];
  }
  finish(footer: string): APIEmbed[] {
    if (!this.fits(footer.length)) this.next();
    this.current.footer = { text: footer };
    this.next();
    return this.embeds;
  }
}

/** One diagnosis as one or more embeds (continuations share the colour and have no title). */
export function renderDiagnosisEmbeds(d: Diagnosis, read?: string): APIEmbed[] {
  const packer = new EmbedPacker(SEVERITY_COLOURS[d.severity]);
  // Many titles already name the code; repeat it only when they do not.
  packer.title(d.code && !d.title.includes(d.code) ? `${d.title} [${d.code}]` : d.title);
  packer.description(sections(d));
  for (const f of verifyFields(d)) packer.field(f);
  return packer.finish(footerOf(d, read));
}

/** The answer to a direct request that matched nothing confidently. */
function renderNoMatchEmbed(result: DiagnoseResult): APIEmbed {
  const candidates = result.diagnoses
    .slice(0, 5)
    .map((d) => `- ${d.title} (\`${d.id}\`, confidence ${d.confidence.toFixed(2)})`);
  const description = candidates.length
    ? `${NO_MATCH_HELP}\n\n**Low-confidence candidates**\n${candidates.join('\n')}`
    : NO_MATCH_HELP;
  const read = whatIRead(result.facts);
  return {
    title: 'No confident match',
    color: NO_MATCH_COLOUR,
    description: clip(description, L.description),
    ...(read ? { footer: { text: clip(`🔍 ${read}`, L.footer) } } : {}),
  };
}

/** Groups embeds into messages: at most 10 embeds and 6000 embed characters each. */
export function packMessages(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const len = embedLength(e);
    if (current.length && (current.length >= L.embeds || size + len > L.messageEmbedChars)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += len;
  }
  if (current.length) messages.push(current);
  return messages;
}

/**
 * The whole answer as Discord messages (arrays of embeds). `diagnoses` limits how many diagnoses are
 * shown in full (the bot shows the first and offers the rest behind "Other possible causes").
 */
export function renderDiscordMessages(result: DiagnoseResult, options: { diagnoses?: number } = {}): APIEmbed[][] {
  if (!result.matched) return [[renderNoMatchEmbed(result)]];
  const shown = result.diagnoses.slice(0, options.diagnoses ?? 1);
  // The facts are the answer's, read once: they go under the first diagnosis.
  const read = whatIRead(result.facts);
  return packMessages(shown.flatMap((d, n) => renderDiagnosisEmbeds(d, n === 0 ? read : undefined)));
}

/** The `discord` entry of the renderer table: the message payloads as JSON. */
export function renderDiscordJson(result: DiagnoseResult): string {
  return JSON.stringify(
    renderDiscordMessages(result).map((embeds) => ({ embeds })),
    null,
    2,
  );
}
