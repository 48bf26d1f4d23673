// Membership through the organisation's identity provider (lib/core/membership.ts, used by the sign-in
// functions in functions/src/membership.ts): the tenant check, the address decided on, and what a
// blocking event says about the sign-in. The refusal end to end: tests/e2e/oidc-sign-in.test.ts.
import { describe, expect, it } from 'vitest';
import { membershipEmail, membershipFromClaims, signInEvidence, tenantRefusal, type SignInEvidence } from '../../lib/core/membership';

const TENANT = '8f1c6a52-1f0e-4d3b-9c57-2a4e6b0d7c31';
const org = { oidcProviderId: 'oidc.entra', tenantIds: [TENANT] };
const viaEntra = (claims: Record<string, unknown>, email: string | null = 'anna@lindeveen.nl'): SignInEvidence => ({
  providerId: 'oidc.entra',
  email,
  idpClaims: claims,
});

describe('the tenant check', () => {
  it("lets in the organisation's own tenant (ids compare without case)", () => {
    expect(tenantRefusal(viaEntra({ tid: TENANT }), org)).toBeNull();
    expect(tenantRefusal(viaEntra({ tid: TENANT.toUpperCase() }), org)).toBeNull();
  });

  it('refuses another tenant, and a token without one', () => {
    expect(tenantRefusal(viaEntra({ tid: '0b5e9d47-6c21-4f8a-a3d9-7e1f2c4b8a60' }), org)).toBe('other-tenant');
    expect(tenantRefusal(viaEntra({}), org)).toBe('other-tenant');
    expect(tenantRefusal(viaEntra({ tid: 42 }), org)).toBe('other-tenant');
  });

  it('leaves password sign-ins, other providers and organisations without tenants to the e-mail domains', () => {
    expect(tenantRefusal({ providerId: 'password', email: 'anna@lindeveen.nl' }, org)).toBeNull();
    expect(tenantRefusal({ providerId: 'oidc.other', email: 'anna@lindeveen.nl', idpClaims: {} }, org)).toBeNull();
    expect(tenantRefusal(viaEntra({}), { ...org, tenantIds: [] })).toBeNull();
    expect(tenantRefusal(viaEntra({}), { oidcProviderId: '', tenantIds: [TENANT] })).toBeNull();
  });
});

describe('the address membership is decided on', () => {
  it("is the account's e-mail, in lower case", () => {
    expect(membershipEmail(viaEntra({ tid: TENANT }, ' Anna@Lindeveen.NL '), org)).toBe('anna@lindeveen.nl');
  });

  it("is Entra's UPN only when the account has no e-mail and the tenant was checked", () => {
    const upn = { tid: TENANT, preferred_username: 'Anna@lindeveen.nl' };
    expect(membershipEmail(viaEntra(upn, null), org)).toBe('anna@lindeveen.nl');
    expect(membershipEmail(viaEntra(upn, null), { ...org, tenantIds: [] })).toBeNull();
    expect(membershipEmail(viaEntra({ ...upn, tid: 'other' }, null), org)).toBeNull();
    expect(membershipEmail({ providerId: 'password', email: null, idpClaims: upn }, org)).toBeNull();
  });
});

describe('what a blocking event says about the sign-in', () => {
  const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

  it("takes the provider's claims from the event's profile", () => {
    expect(
      signInEvidence({ data: { email: 'anna@lindeveen.nl' }, additionalUserInfo: { providerId: 'oidc.entra', profile: { tid: TENANT, name: 'Anna' } } }),
    ).toEqual({ providerId: 'oidc.entra', email: 'anna@lindeveen.nl', idpClaims: { tid: TENANT, name: 'Anna' } });
  });

  it("falls back to the provider's ID token passed to the function", () => {
    const evidence = signInEvidence({ data: { email: null }, credential: { providerId: 'oidc.entra', idToken: jwt({ tid: TENANT, name: 'Zoë' }) } });
    expect(evidence).toEqual({ providerId: 'oidc.entra', email: null, idpClaims: { tid: TENANT, name: 'Zoë' } });
    expect(signInEvidence({ credential: { idToken: 'not-a-jwt' } }).idpClaims).toEqual({});
    expect(signInEvidence({ additionalUserInfo: { providerId: 'password' } })).toEqual({ providerId: 'password', email: undefined, idpClaims: {} });
  });
});

it("reads 'other-tenant' back from a token's claims", () => {
  expect(membershipFromClaims({ member: false, reason: 'other-tenant' })).toEqual({ member: false, roles: {}, reason: 'other-tenant' });
  expect(membershipFromClaims({ member: false, reason: 'made-up' }).reason).toBe('not-in-organisation');
});
