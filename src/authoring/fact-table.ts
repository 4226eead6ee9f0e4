// The fact table of rules/README.md, generated from the fact catalogue; test/rules/docs.test.ts fails when the
// README's copy differs, and `npm run docs:facts` rewrites it.
import { FACT_CATALOG, type FactSpec } from '../facts/catalog.js';

export const FACT_TABLE_BEGIN = '<!-- fact table: generated from src/facts/catalog.ts by `npm run docs:facts` -->';
export const FACT_TABLE_END = '<!-- end of fact table -->';

const TYPE_WORDS = { string: 'text', integer: 'number', boolean: 'true/false', list: 'list of text' } as const;

export function factTable(): string {
  const rows = Object.entries(FACT_CATALOG).map(([name, spec]: [string, FactSpec]) => {
    const values = spec.values ? `; one of ${spec.values.map((v) => `\`${v}\``).join(', ')}` : '';
    return `| \`${name}\` | ${TYPE_WORDS[spec.type]} | ${spec.doc}${values} |`;
  });
  return [FACT_TABLE_BEGIN, '| fact | type | what it is |', '|---|---|---|', ...rows, FACT_TABLE_END].join('\n');
}

/** `markdown` with its fact table (between the markers) replaced by the generated one. */
export function withFactTable(markdown: string): string {
  const begin = markdown.indexOf(FACT_TABLE_BEGIN);
  const end = markdown.indexOf(FACT_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('rules/README.md has no fact table markers');
  return markdown.slice(0, begin) + factTable() + markdown.slice(end + FACT_TABLE_END.length);
}
