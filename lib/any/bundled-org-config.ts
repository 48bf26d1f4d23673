// The organisation this build is for. `#org-file` is the organisation file the build was given
// (`npm run build -- --org FILE`; wxt.config.ts validates it and points the alias at it); without
// one, package.json's `imports` resolve it to the demo's (demo/prikbord.org.json), which is also
// what the tests and node scripts see. Read only through loadOrgConfig() at runtime
// (lib/any/org-config.ts), and directly by tests about this same organisation.
import orgFile from '#org-file';
import type { OrgConfig } from './org-config';

// Validated against schema/prikbord.org.schema.json before any build; JSON's inferred types are
// only wider (string for a union), so the cast claims nothing the schema hasn't checked.
export const BUILD_ORG_CONFIG: OrgConfig = orgFile as OrgConfig;
