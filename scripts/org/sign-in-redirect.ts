// What an organisation registers at its identity provider for the sign-in: the extension id (fixed by
// the organisation file's manifest key) and the redirect URI chrome.identity.launchWebAuthFlow
// returns to, https://<extension id>.chromiumapp.org/ (docs/sign-in-oidc.md). The build prints them too.
//   npx tsx scripts/org/sign-in-redirect.ts [--org FILE]
import { extensionIdFromKey, redirectUriFor } from './extension-id';
import { OrgFileError, orgFilePath, readOrgFile } from './org-file';

/** The lines to print for an organisation file's manifest key. */
export function signInRedirectLines(key: string | undefined): string[] {
  if (!key) return ['No extension.key in the organisation file: the extension id, and so the sign-in redirect URI, would differ per install.'];
  const id = extensionIdFromKey(key);
  return [`Extension id: ${id}`, `Redirect URI to register at the identity provider: ${redirectUriFor(id)}`];
}

if (process.argv[1] === import.meta.filename) {
  try {
    for (const line of signInRedirectLines(readOrgFile(orgFilePath()).extension?.key)) console.log(line);
  } catch (error) {
    console.error(error instanceof OrgFileError ? error.message : String(error));
    process.exit(1);
  }
}
