// Native Model Studio error codes (reference sections 2.1–2.5) and the OpenAI-compatible aliases that map onto them.

/** Lower-case / compat aliases -> native code, as documented for `/compatible-mode/v1`. */
export const CODE_ALIASES: Readonly<Record<string, string>> = {
  invalid_api_key: 'InvalidApiKey',
  invalid_parameter_error: 'InvalidParameter',
  data_inspection_failed: 'DataInspectionFailed',
  limit_requests: 'Throttling.RateQuota',
  LimitRequests: 'Throttling.RateQuota',
  ResourceExhausted: 'Throttling.RateQuota',
  limit_burst_rate: 'Throttling.BurstRate',
  insufficient_quota: 'Throttling.AllocationQuota',
  model_not_found: 'ModelNotFound',
  access_denied: 'AccessDenied',
  internal_error: 'InternalError',
  arrearage: 'Arrearage',
};

/**
 * Native codes a text/code-generation user can meet. Order matters for the bare-token scan:
 * longer dotted codes come before their prefixes so `Throttling.RateQuota` wins over `Throttling`.
 */
export const NATIVE_CODES: readonly string[] = [
  'Throttling.RateQuota',
  'Throttling.AllocationQuota',
  'Throttling.BurstRate',
  'Throttling.Concurrency',
  'Throttling',
  'InvalidApiKey',
  'InvalidParameter.NotSupportEnableThinking',
  'InvalidParameter.DataInspection',
  'InvalidParameter',
  'DataInspectionFailed',
  'CustomRoleBlocked',
  'FaqRuleBlocked',
  'IPInfringementSuspect',
  'Arrearage',
  'isv.OUT_OF_SERVICE',
  'Contain.Forbidden.Label.Error',
  'APIConnectionError',
  'BadRequest.EmptyInput',
  'BadRequest.EmptyParameters',
  'BadRequest.EmptyModel',
  'BadRequest.IllegalInput',
  'BadRequest.InputDownloadFailed',
  'BadRequest.UnsupportedFileFormat',
  'BadRequest.TooLarge',
  'BadRequest.ResourceNotExist',
  'BadRequestException',
  'InvalidURL.ConnectionRefused',
  'InvalidURL.Timeout',
  'InvalidURL',
  'UnsupportedOperation',
  'FlowNotPublished',
  'InvalidSchemaFormat',
  'InvalidSchema',
  'ServiceUnavailableError',
  'ClientDisconnect',
  'NOT AUTHORIZED',
  'AccessDenied.Unpurchased',
  'Model.AccessDenied',
  'App.AccessDenied',
  'Workspace.AccessDenied',
  'Endpoint.AccessDenied',
  'AccessDenied',
  'AllocationQuota.FreeTierOnly',
  'ModelNotFound',
  'WorkSpaceNotFound',
  'NotFound',
  'RequestTimeOut',
  'Conflict',
  'CommodityNotPurchased',
  'PrepaidBillOverdue',
  'PostpaidBillOverdue',
  'InternalError.Timeout',
  'InternalError.FileUpload',
  'InternalError.Upload',
  'InternalError.Algo',
  'InternalError',
  'SystemError',
  'ModelServiceFailed',
  'ResponseTimeout',
  'InvokePluginFailed',
  'AppProcessFailed',
  'RewriteFailed',
  'RetrivalFailed',
  'RetrievalFailed', // the Qwen Cloud page's spelling of RetrivalFailed
  'ModelUnavailable',
  'ServiceUnavailable',
  'BailianGateway.Workspace.NotAuthorised',
  'mismatched_model',
  'duplicate_custom_id',
  'NetworkError',
];

/**
 * Codes that only Model Studio uses: seeing one is a provider fingerprint on its own.
 * Generic names (`InvalidParameter`, `InternalError`, `AccessDenied`, `NotFound`, `Throttling`) are shared with
 * Volcengine, Tencent and others, so they are not in this set.
 */
export const DISTINCTIVE_CODES: ReadonlySet<string> = new Set(
  NATIVE_CODES.filter(
    (c) =>
      ![
        'InvalidParameter',
        'InternalError',
        'AccessDenied',
        'NotFound',
        'Throttling',
        'Conflict',
        'ServiceUnavailable',
        'APIConnectionError',
        'NetworkError',
        'SystemError',
        'RequestTimeOut',
        'BadRequestException',
        'InvalidURL',
        'UnsupportedOperation',
        'ClientDisconnect',
        'NOT AUTHORIZED',
        'mismatched_model',
        'duplicate_custom_id',
      ].includes(c),
  ),
);

/** Map a code as printed to its native name. Unknown codes pass through unchanged. */
export function normalizeCode(raw: string): string {
  const algo = /^InternalError\.Algo\.([A-Za-z]+(?:\.[A-Za-z]+)?)$/.exec(raw);
  if (algo?.[1] && !algo[1].startsWith('ModelServingError')) return algo[1];
  return CODE_ALIASES[raw] ?? raw;
}

/** Whether `code` is a native Model Studio code this tool knows. */
export function isKnownCode(code: string): boolean {
  return NATIVE_CODES.includes(code);
}
