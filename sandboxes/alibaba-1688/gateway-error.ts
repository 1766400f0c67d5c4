/**
 * Errors the 1688 gateway answers itself, before or instead of an API: HTTP 4xx/5xx with
 * `{"error_code","error_message","exception"}`. Business failures (out of stock, unknown order)
 * are not these: APIs answer them with HTTP 200 and `success: false` in their own shape.
 */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toJSON(): { error_code: string; error_message: string; exception: string } {
    return { error_code: this.code, error_message: this.message, exception: this.message };
  }
}

export const gatewayErrors = {
  appKeyUnknown: (appKey: string) => new GatewayError(400, 'gw.AppKeyNotExist', `AppKey [${appKey}] is not exist`),
  apiUnknown: (api: string) => new GatewayError(404, 'gw.APINotFound', `API [${api}] not found`),
  signatureInvalid: () => new GatewayError(400, 'gw.SignatureInvalid', 'Request signature is invalid'),
  timestampInvalid: () => new GatewayError(400, 'gw.TimestampInvalid', '_aop_timestamp is out of the allowed window'),
  tokenMissing: () => new GatewayError(401, '401', 'Request need user authorized'),
  tokenUnknown: () => new GatewayError(401, 'gw.AccessTokenInvalid', 'AccessToken is invalid'),
  tokenExpired: () => new GatewayError(401, 'gw.AccessTokenExpired', 'AccessToken is expired'),
  rateLimited: () => new GatewayError(429, 'gw.QosAppFrequencyLimit', 'App call exceeds limited frequency'),
  aclDecline: (api: string) => new GatewayError(403, 'gw.APIACLDecline', `App has no permission to call API [${api}]`),
  unavailable: () => new GatewayError(503, 'gw.ServiceUnavailable', 'Backend service is temporarily unavailable'),
  param: (message: string) => new GatewayError(400, 'gw.ParamInvalid', message),
  refreshTokenInvalid: () => new GatewayError(401, 'gw.RefreshTokenInvalid', 'refresh_token is invalid or expired'),
} as const;
