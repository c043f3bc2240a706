import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Provider, { type Configuration } from 'oidc-provider';
import { z } from 'zod';
import type { Config } from '../config.js';
import { subjectByPopulationShare } from '../../contracts/russian-subjects.js';
import { DEMO_ESIA_ACCOUNTS, type DemoEsiaAccount } from './demo-esia-accounts.js';
import { renderDemoSignInPage } from './oidc-demo-page.js';

export const DEMO_OIDC_PATH = '/oidc';
/** ЕСИА's scopes for a citizen's children: names, birth dates, gender, СНИЛС, birth certificates. */
const KID_SCOPES = ['kid_fullname', 'kid_birthdate', 'kid_gender', 'kid_snils', 'kid_birth_cert_doc'];
/** What the product asks the demo provider for: the citizen, their contacts and their children. */
export const DEMO_OIDC_SCOPE = ['openid', 'profile', 'email', 'phone', ...KID_SCOPES].join(' ');

/** The demo provider's copy of ЕСИА's children resource. */
const KIDS_RESOURCE = /^rs\/prns\/([^/]+)\/kids$/;

export function demoChildrenUrl(config: Config): string {
  return `${demoIssuer(config)}/rs/prns/{sub}/kids?embed=(elements.documents)`;
}

export function demoIssuer(config: Config): string {
  return `${config.publicUrl}${DEMO_OIDC_PATH}`;
}

export function oidcRedirectUri(config: Config): string {
  return `${config.publicUrl}/api/auth/oidc/callback`;
}

function claimsOf(a: DemoEsiaAccount) {
  return {
    sub: a.sub,
    family_name: a.lastName,
    given_name: a.firstName,
    middle_name: a.middleName,
    name: `${a.lastName} ${a.firstName} ${a.middleName}`,
    birthdate: a.birthdate,
    email: a.email,
    email_verified: true,
    phone_number: a.phone,
    // ЕСИА's confirmed-account flag and the subject of the registration address (its addresses
    // resource, type PRG), as the region's gateway maps them into userinfo.
    trusted: a.confirmed ?? true,
    registration_region: a.registrationRegion ?? demoRegistrationRegion(a.sub),
  };
}

/** A demo citizen's region: their id hashed onto the subjects laid end to end by population. */
export function demoRegistrationRegion(sub: string): string {
  const h = crypto.createHash('sha256').update(sub).digest().readUInt32BE(0);
  return subjectByPopulationShare(h / 2 ** 32).code;
}

/**
 * An embedded OpenID Provider standing in for ЕСИА/Госуслуги in demo mode: the same standard
 * code flow with PKCE that the product's client uses against a real provider.
 */
export function mountDemoOidcProvider(app: FastifyInstance, config: Config): void {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'demo' };
  const configuration: Configuration = {
    clients: [
      {
        client_id: config.OIDC_CLIENT_ID,
        client_secret: config.OIDC_CLIENT_SECRET,
        redirect_uris: [oidcRedirectUri(config)],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      profile: [
        'family_name',
        'given_name',
        'middle_name',
        'name',
        'birthdate',
        'trusted',
        'registration_region',
      ],
      email: ['email', 'email_verified'],
      phone: ['phone_number'],
    },
    // The kid_* scopes carry no claims: they open the children resource below, as in ЕСИА.
    scopes: ['openid', ...KID_SCOPES],
    features: { devInteractions: { enabled: false } },
    // Explicit lifetimes (seconds): a demo sign-in lives minutes, a provider session one working day.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 8 * 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `${DEMO_OIDC_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = DEMO_ESIA_ACCOUNTS.find((a) => a.sub === sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => claimsOf(account) };
    },
    // The product is the provider's only, first-party client: consent is implied by signing in.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc;
      const clientId = oidc.client!.clientId;
      const existing = oidc.session!.grantIdFor(clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope(DEMO_OIDC_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Sign-in error: ${out.error}${out.error_description ? ` — ${out.error_description}` : ''}`;
    },
  };
  const provider = new Provider(demoIssuer(config), configuration);

  // ЕСИА's children resource, the provider's own like userinfo: the citizen's access token, carrying
  // every kid_* scope, reads it (so it lives under the provider's mount, not as a product route).
  async function serveKids(request: FastifyRequest, reply: FastifyReply, oid: string) {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ? await provider.AccessToken.find(bearer) : undefined;
    if (!token) return reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send();
    const granted = new Set(String(token.scope ?? '').split(' '));
    if (token.accountId !== oid || !KID_SCOPES.every((s) => granted.has(s)))
      return reply.code(403).header('www-authenticate', 'Bearer error="insufficient_scope"').send();
    const kids = DEMO_ESIA_ACCOUNTS.find((a) => a.sub === oid)?.children ?? [];
    return reply
      .header('cache-control', 'no-store')
      .send({ stateFacts: ['hasSize'], size: kids.length, elements: kids });
  }
  provider.proxy = true;
  const callback = provider.callback();

  // The provider authenticates its own routes (interaction cookies): they are public to the product.
  const open = { config: { permission: 'public' as const } };
  app.get(`${DEMO_OIDC_PATH}/interaction/:uid`, open, async (request, reply) => {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDemoSignInPage(details.uid, DEMO_ESIA_ACCOUNTS));
  });

  const loginForm = z.object({ sub: z.string().min(1) });
  app.post(`${DEMO_OIDC_PATH}/interaction/:uid/login`, open, async (request, reply) => {
    const parsed = loginForm.safeParse(request.body);
    const account = parsed.success ? DEMO_ESIA_ACCOUNTS.find((a) => a.sub === parsed.data.sub) : undefined;
    const result = account
      ? { login: { accountId: account.sub } }
      : { error: 'access_denied', error_description: 'Unknown demo citizen' };
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    return reply.redirect(returnTo, 303);
  });

  // Everything else under /oidc is the provider's own (discovery, authorize, token, userinfo, jwks).
  // Mounted like Express would: `originalUrl` tells the provider its mount path for the URLs it builds.
  app.all(`${DEMO_OIDC_PATH}/*`, open, async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const kidsOf = KIDS_RESOURCE.exec(rest)?.[1];
    if (kidsOf !== undefined && request.method === 'GET') return serveKids(request, reply, kidsOf);
    reply.hijack();
    const raw = request.raw as typeof request.raw & { originalUrl?: string; body?: unknown };
    // Fastify has already read the form body; the provider accepts it pre-parsed.
    if (request.body !== undefined) raw.body = request.body;
    // The path below the mount as the router decoded it, so every spelling of a URL reaching this
    // route means the same to the provider; the query string goes on as sent.
    const query = raw.url!.indexOf('?');
    raw.url = `/${rest}${query >= 0 ? raw.url!.slice(query) : ''}`;
    raw.originalUrl = `${DEMO_OIDC_PATH}${raw.url}`;
    callback(raw, reply.raw);
  });
}
