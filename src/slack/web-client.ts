// Web API types through Bolt's re-export, so the bot depends on @slack/bolt alone.
import type { webApi } from '@slack/bolt';

export type WebClient = webApi.WebClient;
export type RetryOptions = webApi.RetryOptions;
