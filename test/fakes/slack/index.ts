// The fake Slack for tests, in one import: the server, the ways to deliver requests, and payload builders.
export * from './deliver.js';
export * from './fake-slack.js';
export * from './payloads.js';
export * from './socket-mode.js';
