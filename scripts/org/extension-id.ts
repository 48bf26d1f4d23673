// The extension id Chromium derives from the manifest `key` (the base64 DER public key): the first
// 32 hex digits of its SHA-256, written with the letters a–p instead of 0–f. Chromium's own rule;
// knowing it lets the scripts print the identity provider's redirect URI and the policy's keys
// before anything is installed.
import { createHash } from 'node:crypto';

export function extensionIdFromKey(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** Where chrome.identity.launchWebAuthFlow returns: the redirect URI to register at the identity provider. */
export function redirectUriFor(extensionId: string): string {
  return `https://${extensionId}.chromiumapp.org/`;
}
