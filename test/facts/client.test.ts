// Which client produced the paste, from its fingerprints.
import { describe, expect, it } from 'vitest';
import { extractClient } from '../../src/facts/client.js';

describe('extractClient', () => {
  it.each([
    ['export ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/apps/anthropic', 'claude-code'],
    ['✕ [API Error: 401 invalid access token or token expired] (按 Ctrl+Y 重试。)', 'qwen-code'],
    ['com.alibaba.dashscope.exception.ApiException: {"statusCode":403}', 'dashscope-java'],
    ['dashscope.common.error.AuthenticationError: No api key provided.', 'dashscope-python'],
    ['litellm.BadRequestError: OpenAIException', 'litellm'],
    ['langchain_community.chat_models.tongyi', 'langchain'],
    ["openai.RateLimitError: Error code: 429 - {'error': {}}", 'openai-python'],
    ['at Object.<anonymous> (/app/node_modules/openai/core.js:10:5)', 'openai-node'],
    ['dev.ai4j.openai4j.OpenAiHttpException', 'openai-java'],
    ['curl -sS https://dashscope.aliyuncs.com/compatible-mode/v1/models', 'curl'],
    ["requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='x', port=443)", 'python-requests'],
    ['io.agentscope.core.model.DashScopeHttpClient$DashScopeHttpException', 'agentscope'],
    ['opencode run: provider error', 'opencode'],
    ['Cherry Studio 连接失败 401', 'cherry-studio'],
    ['AI_APICallError: Incorrect API key provided.', 'ai-sdk'],
    ['at dev.langchain4j.community.model.dashscope.QwenChatModel.generate(QwenChatModel.java:120)', 'langchain4j'],
    ['com.alibaba.cloud.ai.dashscope.chat.DashScopeChatModel.call', 'spring-ai-alibaba'],
    ['✕ [API Error: Streaming request timeout after 46s.]', 'qwen-code'],
  ])('%s -> %s', (text, expected) => {
    expect(extractClient(text)).toBe(expected);
  });

  it('no client in a plain message', () => {
    expect(extractClient('Access denied, please make sure your account is in good standing.')).toBeUndefined();
  });
});
