// The fixed mix of pastes every benchmark figure is measured on: tracebacks, JSON bodies, curl output, SDK
// exceptions, plus non-error chat that must pass through quickly. Fixed, so runs are comparable.

export interface BenchInput {
  name: string;
  text: string;
}

const pythonRateLimit = `Traceback (most recent call last):
  File "/app/agent/run.py", line 88, in <module>
    main()
  File "/app/agent/run.py", line 61, in main
    resp = client.chat.completions.create(model="qwen-plus", messages=history, temperature=0.7)
  File "/usr/local/lib/python3.11/site-packages/openai/_utils/_utils.py", line 279, in wrapper
    return func(*args, **kwargs)
  File "/usr/local/lib/python3.11/site-packages/openai/resources/chat/completions.py", line 859, in create
    return self._post(
  File "/usr/local/lib/python3.11/site-packages/openai/_base_client.py", line 1034, in _request
    raise self._make_status_error_from_response(err.response) from None
openai.RateLimitError: Error code: 429 - {'error': {'message': 'You have exceeded your current request limit. For details, see: https://help.aliyun.com/zh/model-studio/error-code#rate-limit', 'type': 'limit_requests', 'param': None, 'code': 'limit_requests'}, 'request_id': '9c1f2e3d-4b5a-6978-8a9b-0c1d2e3f4a5b'}`;

const dashscopeJson = `{"status_code": 400, "request_id": "3f1c0a52-1b1e-9d3a-8c41-5f2a7d1e9b10", "code": "InvalidParameter", "message": "Range of input length should be [1, 129024]", "output": null, "usage": null}`;

const curlVerbose = `$ curl -sS -v https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions -H "Authorization: Bearer $DASHSCOPE_API_KEY" -H "Content-Type: application/json" -d '{"model": "qwen-max", "messages": [{"role": "user", "content": "hi"}]}'
*   Trying 47.88.56.12:443...
* Connected to dashscope-intl.aliyuncs.com (47.88.56.12) port 443 (#0)
> POST /compatible-mode/v1/chat/completions HTTP/1.1
> Host: dashscope-intl.aliyuncs.com
> User-Agent: curl/8.4.0
> Accept: */*
> Content-Type: application/json
>
< HTTP/1.1 401 Unauthorized
< content-type: application/json
< x-request-id: 5d6e7f80-1a2b-3c4d-5e6f-708192a3b4c5
<
{"error":{"message":"Incorrect API key provided. ","type":"invalid_request_error","param":null,"code":"invalid_api_key"},"request_id":"5d6e7f80-1a2b-3c4d-5e6f-708192a3b4c5"}`;

const javaSdk = `com.alibaba.dashscope.exception.ApiException: {"statusCode":429,"message":"Allocated quota exceeded, please increase your quota limit.","code":"Throttling.AllocationQuota","isJson":true,"requestId":"b1e2c3d4-0000-4a1b-9c2d-123456789abc"}
	at com.alibaba.dashscope.protocol.okhttp.OkHttpHttpClient.handleResponse(OkHttpHttpClient.java:87)
	at com.alibaba.dashscope.protocol.okhttp.OkHttpHttpClient.send(OkHttpHttpClient.java:112)
	at com.alibaba.dashscope.api.SynchronizeHalfDuplexApi.call(SynchronizeHalfDuplexApi.java:51)
	at com.alibaba.dashscope.aigc.generation.Generation.call(Generation.java:139)
	at com.example.chat.QwenService.ask(QwenService.java:42)`;

const nodeTimeout = `APIConnectionTimeoutError: Request timed out.
    at OpenAI.makeRequest (file:///srv/app/node_modules/openai/core.mjs:332:19)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async handler (file:///srv/app/src/routes/chat.js:27:18) {
  status: undefined,
  headers: undefined,
  request_id: undefined,
  error: undefined,
  code: undefined,
  param: undefined,
  type: undefined,
  cause: undefined
}
baseURL: https://dashscope.aliyuncs.com/compatible-mode/v1  model: qwen-turbo`;

const sseError = `data: {"error":{"code":"DataInspectionFailed","message":"Input data may contain inappropriate content.","type":"data_inspection_failed"},"request_id":"7a7a7a7a-1111-2222-3333-444444444444"}`;

const langchain = `langchain_community.llms.tongyi: Retrying langchain_community.llms.tongyi.generate_with_retry.<locals>._generate_with_retry in 4.0 seconds as it raised HTTPError: HTTP error occurred: status_code: 400
 code: InvalidParameter
 message: <400> InternalError.Algo.InvalidParameter: The tool call is not supported.`;

const chineseReport = `调用通义千问接口一直报错：{"code":"Arrearage","message":"Access denied, please make sure your account is in good standing.","request_id":"2b3c4d5e-6f70-8192-a3b4-c5d6e7f80912"}，账户里明明还有余额，是欠费了吗？`;

const server500 = `HTTP/1.1 500 Internal Server Error
{"code":"InternalError","message":"An internal error has occured, please try again later or contact service support.","request_id":"c0ffee00-1234-5678-9abc-def012345678"}`;

const chatQuestion = `Hey team — quick question before standup: does anyone know whether qwen-plus supports function calling in streaming mode?
I'm planning the migration of our summariser next sprint and want to check the docs first. Also, lunch at 12:30?`;

const codeReview = `Looks good to me overall. Two nits:
1. In parseConfig() we should default the timeout to 30s rather than leaving it undefined.
2. The retry loop swallows the last error; rethrow it so callers see what happened.
const result = await fetchWithRetry(url, { retries: 3, backoffMs: 250 });
if (!result.ok) throw new Error(\`upstream failed: \${result.status}\`);`;

const kubectlLog = `2026-11-25T10:14:03.112Z INFO  worker-7 picked job 88412 (summarise, 12 docs)
2026-11-25T10:14:03.480Z INFO  worker-7 calling model qwen-long via https://dashscope.aliyuncs.com/compatible-mode/v1
2026-11-25T10:14:09.902Z WARN  worker-7 upstream slow (6.4s)
2026-11-25T10:14:10.015Z ERROR worker-7 job 88412 failed: Error code: 400 - {'error': {'code': 'invalid_parameter_error', 'param': None, 'message': 'Range of max_tokens should be [1, 8192]', 'type': 'invalid_request_error'}, 'id': 'chatcmpl-0a1b2c3d', 'request_id': '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9'}
2026-11-25T10:14:10.016Z INFO  worker-7 requeue job 88412 (attempt 2/5)`;

export const BENCH_INPUTS: readonly BenchInput[] = [
  { name: 'python traceback 429', text: pythonRateLimit },
  { name: 'dashscope json 400', text: dashscopeJson },
  { name: 'curl -v 401', text: curlVerbose },
  { name: 'java sdk 429', text: javaSdk },
  { name: 'node timeout', text: nodeTimeout },
  { name: 'sse content safety', text: sseError },
  { name: 'langchain 400', text: langchain },
  { name: 'chinese report', text: chineseReport },
  { name: 'http 500', text: server500 },
  { name: 'k8s log 400', text: kubectlLog },
  { name: 'chat question', text: chatQuestion },
  { name: 'code review', text: codeReview },
];
