// npm run extension:key [-- OUT.pem]: makes the key pair that fixes your extension's id. The
// private key (OUT.pem, default prikbord-extension.pem) signs the packed extension when you host it
// yourself; keep it out of the repository, like any secret. The public key goes into the
// organisation file as extension.key; the id and the identity provider's redirect URI follow from it.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { extensionIdFromKey, redirectUriFor } from './extension-id';

const out = process.argv[2] ?? 'prikbord-extension.pem';
if (existsSync(out)) {
  console.error(`${out} exists already: the id of every installed copy hangs on it; choose another file name to make a new one.`);
  process.exit(1);
}
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const id = extensionIdFromKey(key);
console.log(`Private key: ${out} (secret; Chromium packs the extension with it)`);
console.log(`Organisation file, extension.key:\n  "${key}"`);
console.log(`Extension id: ${id}\nRedirect URI for your identity provider: ${redirectUriFor(id)}`);
