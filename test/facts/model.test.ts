// Model ids: a model field first, then Model Studio family ids; a bare family word is not an id.
import { describe, expect, it } from 'vitest';
import { extractModels } from '../../src/facts/model.js';

describe('extractModels', () => {
  it.each([
    ['{"model": "qwen-plus", "messages": []}', ['qwen-plus']],
    ["model='qwen3-coder-plus'", ['qwen3-coder-plus']],
    ['Setting the Model ID as qwen-plus which is working', ['qwen-plus']],
    ['Endpoint.AccessDenied for qwen-max-2025-01-25', ['qwen-max-2025-01-25']],
    ['qwen2.5-72b-instruct and qwq-plus', ['qwen2.5-72b-instruct', 'qwq-plus']],
    ['ANTHROPIC_MODEL=qwen3.5-plus', ['qwen3.5-plus']],
    ['model: deepseek-v3 on Model Studio', ['deepseek-v3']],
    ['We have to rate limit you for model Qwen/Qwen3-235B-A22B-Instruct-2507.', ['Qwen3-235B-A22B-Instruct-2507']],
    ['qwen2预训练模型输入最大长度是128K', ['qwen2']],
    // A traceback frame's constant or variable is no model id; the id named later is.
    ['create(model=MODEL, messages=msgs)\n使用qwen-vl-max 模型时提示url error', ['qwen-vl-max']],
    ['create(model=self.model_name) -> 404 qwen-plus', ['qwen-plus']],
    ['model=qwen-plus-latest temperature=0.7', ['qwen-plus-latest']],
  ])('%s', (text, expected) => {
    expect(extractModels(text)).toEqual(expected);
  });

  it.each([
    '使用qwen模型时，报错invalid key。',
    '阿里百炼 Qwen API 密钥返回 401',
    'I have Qwen Coding Plan',
    'parameter model is not valid',
  ])('no model id in: %s', (text) => {
    expect(extractModels(text)).toEqual([]);
  });

  it('keeps at most ten ids, each once', () => {
    const text = Array.from({ length: 14 }, (_, i) => `qwen-m${i} qwen-m${i}`).join(' ');
    const models = extractModels(text);
    expect(models).toHaveLength(10);
    expect(new Set(models).size).toBe(10);
  });
});
