// The documented error answers, per protocol: status, then the body as each endpoint words it. Sources: the
// error-code reference (/work/shared/reference/error-codes.md §1–3: native DashScope bodies
// {"code","message","request_id"}, OpenAI-compatible {"error":{"message","type","param","code"}}, and the Coding
// Plan FAQ table) and the Anthropic-compatible docs ({"type":"error","error":{"type","message"}}).
export type Protocol = 'openai' | 'anthropic' | 'dashscope';

export interface Shape {
  status: number;
  /** Native code and message (DashScope body). */
  code: string;
  message: string;
  /** OpenAI-compatible code and type, when the compatible mode words it differently. */
  openaiCode?: string;
  openaiType?: string;
  /** Anthropic error type. */
  anthropicType?: string;
}

export const SHAPES = {
  'invalid-api-key': {
    status: 401,
    code: 'InvalidApiKey',
    message: 'Invalid API-key provided.',
    openaiCode: 'invalid_api_key',
    openaiType: 'invalid_request_error',
    anthropicType: 'authentication_error',
  },
  'rate-limit': {
    status: 429,
    code: 'Throttling.RateQuota',
    message: 'Requests rate limit exceeded, please try again later.',
    openaiCode: 'limit_requests',
    openaiType: 'requests',
    anthropicType: 'rate_limit_error',
  },
  'token-quota': {
    status: 429,
    code: 'Throttling.AllocationQuota',
    message: 'Allocated quota exceeded, please increase your quota limit.',
    openaiCode: 'insufficient_quota',
    openaiType: 'insufficient_quota',
    anthropicType: 'rate_limit_error',
  },
  arrearage: {
    status: 400,
    code: 'Arrearage',
    message: 'Access denied, please make sure your account is in good standing.',
    openaiCode: 'Arrearage',
    openaiType: 'Arrearage',
    anthropicType: 'permission_error',
  },
  'model-not-found': {
    status: 404,
    code: 'ModelNotFound',
    message: 'The model `qwen-nonexistent` does not exist or you do not have access to it.',
    openaiCode: 'model_not_found',
    openaiType: 'invalid_request_error',
    anthropicType: 'not_found_error',
  },
  'context-length': {
    status: 400,
    code: 'InvalidParameter',
    message: 'Range of input length should be [1, 30720]',
    openaiCode: 'invalid_parameter_error',
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
  },
  'data-inspection': {
    status: 400,
    code: 'DataInspectionFailed',
    message: 'Input data may contain inappropriate content.',
    openaiCode: 'data_inspection_failed',
    openaiType: 'data_inspection_failed',
    anthropicType: 'invalid_request_error',
  },
  'internal-error': {
    status: 500,
    code: 'InternalError',
    message: 'An internal error has occured, please try again later or contact service support.',
    openaiCode: 'internal_error',
    openaiType: 'internal_error',
    anthropicType: 'api_error',
  },
  'coding-plan-hour-quota': {
    status: 429,
    code: 'Throttling',
    message: 'hour allocated quota exceeded',
    openaiCode: 'Throttling',
    openaiType: 'rate_limit',
    anthropicType: 'rate_limit_error',
  },
} as const satisfies Record<string, Shape>;

export type ShapeName = keyof typeof SHAPES;

/** The body `protocol` answers `shape` with. */
export function errorBody(protocol: Protocol, shape: Shape, requestId: string): unknown {
  if (protocol === 'anthropic')
    return {
      type: 'error',
      error: { type: shape.anthropicType ?? 'api_error', message: shape.message },
      request_id: requestId,
    };
  if (protocol === 'openai')
    return {
      error: {
        message: shape.message,
        type: shape.openaiType ?? 'invalid_request_error',
        param: null,
        code: shape.openaiCode ?? shape.code,
      },
      request_id: requestId,
    };
  return { code: shape.code, message: shape.message, request_id: requestId };
}
