// The SDK exception class, never a segment of a dotted Model Studio code.
import { describe, expect, it } from 'vitest';
import { extractErrorType } from '../../src/facts/error-type.js';

describe('extractErrorType', () => {
  it.each<[string, string, string | undefined]>([
    ['openai-python', "openai.RateLimitError: Error code: 429 - {'error': {}}", 'RateLimitError'],
    ['DashScope Java SDK', 'com.alibaba.dashscope.exception.ApiException: {"statusCode":400}', 'ApiException'],
    ['DashScope Python SDK', 'dashscope.common.error.AuthenticationError: No api key provided.', 'AuthenticationError'],
    ['requests timeout', "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='x', port=443)", 'ReadTimeout'],
    [
      'Spring WebClient',
      'org.springframework.web.reactive.function.client.WebClientRequestException: Operation timed out',
      'WebClientRequestException',
    ],
    ['bare class name', 'APIConnectionError: Connection error.', 'APIConnectionError'],
    ['litellm', 'litellm.BadRequestError: OpenAIException - bad', 'BadRequestError'],
    [
      'dotted model-serving code is not a class',
      '✕ [API Error: <5000202> InternalError.Algo.ModelServingError.ModelServingUnknownError: An error occurred in model serving.',
      undefined,
    ],
    ['a Model Studio code ending in Error', 'InternalError: An internal error has occured', undefined],
    ['no exception', 'Throttling.RateQuota: Request rate exceeded', undefined],
  ])('%s', (_name, text, expected) => {
    expect(extractErrorType(text)).toBe(expected);
  });
});
