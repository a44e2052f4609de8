import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { JwtConfig } from '../config/auth.config';
import { principalFromClaims } from './jwt-claims';
import { Principal } from './principal';

/** Asymmetric algorithms only: never `none`, never an HMAC whose "secret" would be the public key. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

export type JwtOutcome = { principal: Principal } | { failure: string } | { unavailable: true };

/** jose's error codes, mapped to the stable reasons the logs (and later metrics) carry. */
const REASONS: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'token-expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad-signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown-key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown-key',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm-not-allowed',
  ERR_JOSE_NOT_SUPPORTED: 'algorithm-not-allowed',
  ERR_JWS_INVALID: 'malformed-token',
  ERR_JWT_INVALID: 'malformed-token',
};

const CLAIM_REASONS: Readonly<Record<string, string>> = { nbf: 'token-not-yet-valid', iss: 'wrong-issuer', aud: 'wrong-audience' };

/**
 * Verifies bearer tokens against the issuer's JWKS. jose caches the key set and refetches it when a
 * token names an unknown `kid`, at most once per cooldown, so rotation at the issuer needs no restart
 * and a flood of made-up `kid`s cannot make the gateway hammer the issuer.
 */
export class JwtVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: JwtConfig) {
    this.keys = createRemoteJWKSet(config.jwksUrl, {
      cooldownDuration: config.jwksCooldownS * 1000,
      timeoutDuration: 5000,
    });
  }

  async verify(token: string): Promise<JwtOutcome> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceS,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp'],
      });
      const principal = principalFromClaims(payload, this.config.vdnClaim);
      return principal ? { principal } : { failure: 'missing-subject' };
    } catch (error) {
      return outcomeOf(error);
    }
  }
}

/** Failures on the issuer's side (timeout, network error, non-200, malformed key set) are not the caller's. */
const ISSUER_SIDE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

function outcomeOf(error: unknown): JwtOutcome {
  if (!(error instanceof errors.JOSEError) || ISSUER_SIDE.has(error.code)) return { unavailable: true };
  if (error instanceof errors.JWTClaimValidationFailed && !(error instanceof errors.JWTExpired)) {
    return { failure: CLAIM_REASONS[error.claim] ?? 'invalid-claims' };
  }
  return { failure: REASONS[error.code] ?? 'invalid-token' };
}
