// An answer never assumes Beijing silently: without a region in the paste, an answer that shows a Beijing host
// says so and names the Singapore twin; with a region, it shows that region's hosts.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { regionNote } from '../../src/diagnose/region-note.js';

const answer = async (text: string) => {
  const top = (await diagnose(text)).diagnoses[0];
  return top ? [top.cause, ...top.fix, ...top.verify.flatMap((v) => [v.say, v.run])].join('\n') : '';
};

describe('region-aware answers', () => {
  it('no region in the paste: the answer says so and names the other host', async () => {
    const a = await answer('Throttling.RateQuota: Requests rate limit exceeded, please try again later.');
    expect(a).toContain('https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions');
    expect(a).toContain('The paste does not show your region');
    expect(a).toContain('`dashscope-intl.aliyuncs.com` in place of `dashscope.aliyuncs.com`');
  });

  it('a Singapore base URL in the paste: Singapore hosts only, no note', async () => {
    const a = await answer(
      'Throttling.RateQuota: Requests rate limit exceeded, please try again later. base_url=https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    );
    expect(a).toContain('https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions');
    expect(a).not.toMatch(/(?<![\w.-])dashscope\.aliyuncs\.com/);
    expect(a).not.toContain('does not show your region');
  });

  it('a Hong Kong workspace URL keeps the user on it', async () => {
    const a = await answer(
      'Throttling.RateQuota: Requests rate limit exceeded. https://ws-1.cn-hongkong.maas.aliyuncs.com/compatible-mode/v1/chat/completions',
    );
    expect(a).toContain('https://ws-1.cn-hongkong.maas.aliyuncs.com/compatible-mode/v1/chat/completions');
    expect(a).not.toMatch(/(?<![\w.-])dashscope\.aliyuncs\.com/);
  });

  it('the note names each lonely host of each plan, and nothing when both are shown', () => {
    expect(regionNote('use coding.dashscope.aliyuncs.com and token-plan.cn-beijing.maas.aliyuncs.com', undefined)).toBe(
      "The paste does not show your region, so the URLs above are one region's. If your key comes from the Singapore (International) console, use `coding-intl.dashscope.aliyuncs.com` in place of `coding.dashscope.aliyuncs.com` (Coding Plan), `token-plan.ap-southeast-1.maas.aliyuncs.com` in place of `token-plan.cn-beijing.maas.aliyuncs.com` (Token Plan). A key works only with the endpoints of the region that issued it.",
    );
    expect(regionNote('dashscope.aliyuncs.com or dashscope-intl.aliyuncs.com', undefined)).toBeUndefined();
    expect(regionNote('cn-hongkong.dashscope.aliyuncs.com', undefined)).toBeUndefined();
    expect(regionNote('dashscope.aliyuncs.com', 'cn')).toBeUndefined();
  });
});
