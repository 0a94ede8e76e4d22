import { randomBytes, sign, verify } from 'node:crypto';
import type { VirtualClock } from '../clock/virtual-clock.js';
import { oauthError, oauthSuccess, type Reply } from '../http/reply.js';
import type { StandInStore } from '../store/stand-in-store.js';
import { signingKeys } from './signing-key.js';
import type { OAuthClient, StandInUser } from './users.js';

/** Lifetimes hard-coded in Api/V8/Config/services/middlewares.php (fixtures item 3). */
export const ACCESS_TOKEN_SECONDS = 3600;
const REFRESH_TOKEN_MS = 30 * 24 * 3600 * 1000;

interface AccessTokenRow {
  jti: string;
  clientId: string;
  /** The user the token acts as (the client's assigned user for client_credentials). */
  userId: string | null;
  /** oauth2tokens.access_token_expires: revocation and server-side expiry read this. */
  expiresAt: number;
  revoked: boolean;
}

interface RefreshTokenRow {
  clientId: string;
  userId: string;
  accessJti: string;
  expiresAt: number;
  revoked: boolean;
}

export type Authentication =
  | { ok: true; jti: string; clientId: string; user: StandInUser | undefined; userId: string | null }
  | { ok: false; reply: Reply };

const DENIED = 'The resource owner or authorization server denied the request.';
const MALFORMED =
  'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.';

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** PHP's lenient base64_decode after strtr('-_', '+/'): invalid characters are skipped. */
function lenientBase64(data: string): Buffer {
  return Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(lenientBase64(segment).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Float numbers of seconds with microseconds, as PHP's DateTimeImmutable gives them (item 2):
 * iat and nbf a moment apart, exp computed a little earlier plus the hour. They lie in the
 * second before `ms`, so a frozen clock is already past the token's iat and nbf.
 */
function tokenTimes(ms: number): { iat: string; nbf: string; exp: string } {
  const second = Math.floor(ms / 1000) - 1;
  const micro = 10_000 + Math.floor(Math.random() * 980_000);
  const text = (s: number, us: number) => `${s}.${String(us).padStart(6, '0').replace(/0+$/, '')}`;
  return {
    iat: text(second, micro),
    nbf: text(second, micro + 1),
    exp: text(second + ACCESS_TOKEN_SECONDS, micro - 8259),
  };
}

/**
 * SuiteCRM's OAuth2 server (league/oauth2-server with SuiteCRM's repositories) and the bearer
 * check of its resource server: grants, answers and error bodies as captured (01-15, 80-89, 134).
 */
export class TokenService {
  private readonly clients = new Map<string, OAuthClient>();
  private readonly accessTokens = new Map<string, AccessTokenRow>();
  private readonly refreshTokens = new Map<string, RefreshTokenRow>();
  issued = 0;

  constructor(
    clients: readonly OAuthClient[],
    private readonly store: StandInStore,
    private readonly clock: VirtualClock,
  ) {
    for (const client of clients) this.clients.set(client.id, client);
  }

  /** POST /Api/access_token with the parsed body (undefined when there is none). */
  respond(body: Record<string, unknown> | undefined, authorization: string | undefined): Reply {
    const param = (name: string): string | undefined => {
      const value = body?.[name];
      return value === undefined || value === null ? undefined : String(value);
    };
    const grant = param('grant_type');
    if (grant !== 'password' && grant !== 'client_credentials' && grant !== 'refresh_token') {
      return oauthError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
        'Check that all required parameters have been provided',
      );
    }
    let basicId: string | undefined;
    let basicSecret: string | undefined;
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        basicId = decoded.slice(0, colon);
        basicSecret = decoded.slice(colon + 1);
      }
    }
    const clientId = param('client_id') ?? basicId;
    if (clientId === undefined)
      return oauthError(400, 'invalid_request', MALFORMED, 'Check the `client_id` parameter');
    const client = this.clients.get(clientId);
    if (!client) {
      const message = `OAuth2Clients module with id ${clientId} is not found`;
      return oauthError(500, 'unknown_error', message);
    }
    const secret = param('client_secret') ?? basicSecret;
    if ((client.grantType !== grant && grant !== 'refresh_token') || secret !== client.secret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }

    if (grant === 'client_credentials') {
      const jti = this.issueAccess(client.id, client.assignedUserId ?? null);
      return oauthSuccess({
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        access_token: this.jwt(jti, client.id, ''),
      });
    }
    if (grant === 'password') {
      const userName = param('username');
      if (userName === undefined)
        return oauthError(400, 'invalid_request', MALFORMED, 'Check the `username` parameter');
      const password = param('password');
      if (password === undefined)
        return oauthError(400, 'invalid_request', MALFORMED, 'Check the `password` parameter');
      const user = this.store.userByName(userName);
      if (!user) return oauthError(500, 'unknown_error', `No user found with this username: ${userName}`);
      // SuiteCRM really does echo the password back (fixtures item 6).
      if (user.password !== password)
        return oauthError(500, 'unknown_error', `The password is invalid: ${password}`);
      return this.issuePair(client.id, user.id);
    }
    const presented = param('refresh_token');
    if (presented === undefined)
      return oauthError(400, 'invalid_request', MALFORMED, 'Check the `refresh_token` parameter');
    const row = this.refreshTokens.get(presented);
    const invalid = (hint: string) =>
      oauthError(401, 'invalid_request', 'The refresh token is invalid.', hint);
    if (!row) return invalid('Cannot decrypt the refresh token');
    if (row.clientId !== client.id) return invalid('Token is not linked to client');
    if (row.expiresAt < this.clock.now()) return invalid('Token has expired');
    if (row.revoked) return invalid('Token has been revoked');
    row.revoked = true;
    const old = this.accessTokens.get(row.accessJti);
    if (old) old.revoked = true;
    return this.issuePair(client.id, row.userId);
  }

  private issueAccess(clientId: string, userId: string | null): string {
    const jti = randomBytes(40).toString('hex');
    this.accessTokens.set(jti, {
      jti,
      clientId,
      userId,
      expiresAt: this.clock.now() + ACCESS_TOKEN_SECONDS * 1000,
      revoked: false,
    });
    this.issued++;
    return jti;
  }

  private issuePair(clientId: string, userId: string): Reply {
    const jti = this.issueAccess(clientId, userId);
    const refresh = `def50200${randomBytes(480).toString('hex')}`;
    this.refreshTokens.set(refresh, {
      clientId,
      userId,
      accessJti: jti,
      expiresAt: this.clock.now() + REFRESH_TOKEN_MS,
      revoked: false,
    });
    return oauthSuccess({
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      access_token: this.jwt(jti, clientId, userId),
      refresh_token: refresh,
    });
  }

  private jwt(jti: string, clientId: string, subject: string): string {
    const { iat, nbf, exp } = tokenTimes(this.clock.now());
    const header = base64url('{"typ":"JWT","alg":"RS256"}');
    const payload = base64url(
      `{"aud":${JSON.stringify(clientId)},"jti":"${jti}","iat":${iat},"nbf":${nbf},"exp":${exp},"sub":${JSON.stringify(subject)},"scopes":[]}`,
    );
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), signingKeys().privateKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  /** The resource server's bearer check (BearerTokenValidator with lcobucci/jwt 3.4). */
  authenticate(authorization: string | undefined): Authentication {
    const denied = (hint: string): Authentication => ({
      ok: false,
      reply: oauthError(401, 'access_denied', DENIED, hint),
    });
    // Apache hands PHP an empty header when there is none; the scheme match is case-sensitive.
    const jwt = (authorization ?? '').replace(/^(?:\s+)?Bearer\s/, '').trim();
    const parts = jwt.split('.');
    if (parts.length !== 3) return denied('The JWT string must have two dots');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart);
    const claims = header ? decodeJson(payloadPart) : undefined;
    if (!header || !claims) return denied('Error while decoding from JSON');
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${headerPart}.${payloadPart}`),
      signingKeys().publicKey,
      lenientBase64(signaturePart),
    );
    const now = this.clock.now() / 1000;
    const number = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);
    const current =
      number(claims.iat) <= now &&
      number(claims.nbf) <= now &&
      number(claims.exp) > now &&
      header.alg === 'RS256';
    if (!signed || !current) return denied('Access token could not be verified');
    const row = typeof claims.jti === 'string' ? this.accessTokens.get(claims.jti) : undefined;
    if (!row || row.revoked || row.expiresAt < this.clock.now())
      return denied('Access token has been revoked');
    return {
      ok: true,
      jti: row.jti,
      clientId: row.clientId,
      userId: row.userId,
      user: this.store.user(row.userId),
    };
  }

  /** POST /V8/logout: the token's row is deleted, so the token reads as revoked. */
  logout(jti: string): void {
    const row = this.accessTokens.get(jti);
    if (row) row.revoked = true;
  }

  /** Server-side expiry of every current access token (oauth2tokens rows set to the past; capture 87). */
  expireAll(): number {
    let count = 0;
    for (const row of this.accessTokens.values()) {
      if (!row.revoked && row.expiresAt >= this.clock.now()) {
        row.expiresAt = this.clock.now() - 1000;
        count++;
      }
    }
    return count;
  }

  /** Revokes every access and refresh token (as a logout of everyone would); returns how many were still usable. */
  revokeAll(): number {
    let count = 0;
    for (const row of this.accessTokens.values()) {
      if (row.revoked) continue;
      row.revoked = true;
      if (row.expiresAt >= this.clock.now()) count++;
    }
    for (const row of this.refreshTokens.values()) row.revoked = true;
    return count;
  }

  /** Expires the one token presented (the fault "this request's token has just expired"). */
  expireToken(jti: string): void {
    const row = this.accessTokens.get(jti);
    if (row) row.expiresAt = this.clock.now() - 1000;
  }

  tokenIdOf(authorization: string | undefined): string | undefined {
    const parts = (authorization ?? '')
      .replace(/^(?:\s+)?Bearer\s/, '')
      .trim()
      .split('.');
    if (parts.length !== 3) return undefined;
    const jti = decodeJson(parts[1] as string)?.jti;
    return typeof jti === 'string' ? jti : undefined;
  }
}
