import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The RSA key pair tokens are signed with (SuiteCRM signs RS256 JWTs with its own private.key).
 * Generating a 2048-bit key takes a few hundred milliseconds, so one pair is made per process
 * and shared by the stand-ins in it; tokens stay per stand-in because each keeps its own token
 * table (a foreign token reads as revoked).
 */
let shared: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

export function signingKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  shared ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return shared;
}
