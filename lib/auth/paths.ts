/** Account URLs (not rewritten by the proxy: no currency segment). */
export const accountPaths = {
  home: (locale: string) => `/${locale}/account`,
  orders: (locale: string) => `/${locale}/account/orders`,
  addresses: (locale: string) => `/${locale}/account/addresses`,
  wallet: (locale: string) => `/${locale}/account/wallet`,
  parcels: (locale: string) => `/${locale}/account/parcels`,
  newParcel: (locale: string) => `/${locale}/account/parcels/new`,
  parcel: (locale: string, number: string) => `/${locale}/account/parcels/${encodeURIComponent(number)}`,
  signUp: (locale: string, callbackPath?: string) => withCallback(`/${locale}/account/sign-up`, callbackPath),
  signIn: (locale: string, callbackPath?: string) => withCallback(`/${locale}/account/sign-in`, callbackPath),
  forgotPassword: (locale: string) => `/${locale}/account/forgot-password`,
  resetPassword: (locale: string, token: string) => `/${locale}/account/reset-password?token=${encodeURIComponent(token)}`,
  admin: (locale: string) => `/${locale}/admin`,
};

function withCallback(path: string, callbackPath: string | undefined): string {
  return callbackPath ? `${path}?callbackUrl=${encodeURIComponent(callbackPath)}` : path;
}

/**
 * A `callbackUrl` is followed only when it is a path on this site: `/x`, never `//host`, `/\host`
 * or an absolute URL (open-redirect guard). Anything else falls back to the account home.
 */
export function safeCallbackPath(value: string | string[] | null | undefined, locale: string): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\') || /[\u0000-\u001f\\]/.test(candidate)) {
    return accountPaths.home(locale);
  }
  return candidate;
}
