import 'server-only';
import { getEnv } from '@/lib/env';
import { createNonce, type PagePolicyOptions, pageContentSecurityPolicy } from './content-security-policy';
import { paymentFormTargets } from './form-targets';
import { pagePolicyKind } from './page-policy-kind';
import { isHttpsOrigin } from './security-headers';

export type PagePolicy = { value: string; nonce?: string };

let settings: { options: PagePolicyOptions; staticPolicy: string } | undefined;

/** Read from the environment on first use (never at import): SITE_URL and the payment gateway. */
function policySettings() {
  if (!settings) {
    const env = getEnv();
    const options = { isHttps: isHttpsOrigin(env.SITE_URL), formTargets: paymentFormTargets(env) };
    settings = { options, staticPolicy: pageContentSecurityPolicy(options) };
  }
  return settings;
}

/**
 * The Content-Security-Policy for a page request: with a fresh nonce when the page renders per
 * request. `isCachedView`: the proxy sends this search to its cached route (lib/shop/listing-views.ts).
 */
export function pagePolicyFor(pathname: string, { isCachedView = false } = {}): PagePolicy {
  const { options, staticPolicy } = policySettings();
  if (isCachedView || pagePolicyKind(pathname) === 'static') return { value: staticPolicy };
  const nonce = createNonce();
  return { value: pageContentSecurityPolicy({ ...options, nonce }), nonce };
}
