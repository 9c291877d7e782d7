import { ConfigError } from "@openapp/core";
import { checkedUrl } from "../../models/servers.js";

/**
 * Where the partner identity providers live, with the public client identifiers of the vendors'
 * own apps. Every field can be overridden (`identityEndpoints` client option), e.g. to point a
 * test at a local server or to follow a vendor that moved its endpoints.
 */
export interface IdentityEndpoints {
  /** Somfy Europe OAuth (password grant → bearer JWT). */
  somfy: {
    /** OAuth token endpoint. */
    tokenUrl: string;
    /** OAuth client id of the vendor's app. */
    clientId: string;
    /** OAuth client secret of the vendor's app. */
    clientSecret: string;
  };
  /** Atlantic / Thermor / Sauter Cozytouch: OAuth token, then a JWT for the Overkiz login. */
  cozytouch: {
    /** OAuth token endpoint (password grant). */
    tokenUrl: string;
    /** Endpoint that turns the OAuth access token into a JWT for the Overkiz login. */
    jwtUrl: string;
    /** Base64 `clientId:secret` sent as HTTP Basic authorization to `tokenUrl`. */
    clientCredentials: string;
    /** Put before the user's e-mail to form the OAuth username, e.g. `GA-PRIVATEPERSON/`. */
    usernamePrefix: string;
  };
  /** Nexity Eugénie: AWS Cognito (SRP), then an SSO token for the Overkiz login. */
  nexity: {
    /** AWS region of the Cognito user pool, e.g. `eu-west-1`. */
    cognitoRegion: string;
    /** Id of the Cognito user pool. */
    cognitoUserPoolId: string;
    /** Cognito app client id of the vendor's app. */
    cognitoClientId: string;
    /** Cognito service URL; derived from the region when undefined. */
    cognitoEndpoint: string | undefined;
    /** Endpoint that turns the Cognito id token into an SSO token for the Overkiz login. */
    ssoTokenUrl: string;
  };
  /** Brandt Smart Control: session cookie, then a JWT for the Overkiz login. */
  brandt: {
    /** Endpoint where e-mail and password open a session. */
    sessionUrl: string;
    /** Endpoint that issues a JWT for the Overkiz login once the session is open. */
    jwtUrl: string;
    /** Partner name sent with the e-mail and password. */
    partner: string;
  };
  /** Rexel Energeasy Connect: Azure AD B2C with PKCE, and the gateway directory. */
  rexel: {
    /** OAuth authorization endpoint the user signs in at. */
    authorizeUrl: string;
    /** OAuth token endpoint (code and refresh grants). */
    tokenUrl: string;
    /** Azure AD B2C policy, sent as the `p` query parameter. */
    policy: string;
    /** OAuth client id of the app. */
    clientId: string;
    /** OAuth scope requested. */
    scope: string;
    /** Where the sign-in page sends the user back with the code; may use a custom scheme. */
    redirectUri: string;
    /** Claim value the access token must carry in `consent`. */
    consent: string;
    /** Base of `homes` and `overkizgateways`. */
    directoryUrl: string;
  };
}

/** Replacements for some of {@link DEFAULT_IDENTITY_ENDPOINTS}, per provider (the client's `identityEndpoints`). */
export type IdentityEndpointOverrides = { [Provider in keyof IdentityEndpoints]?: Partial<IdentityEndpoints[Provider]> };

const REXEL_TENANT = "https://consumerlogin.rexelservices.fr/670998c0-f737-4d75-a32f-ba9292755b70/oauth2/v2.0";

/** The partner identity providers' URLs and client ids, per brand. */
export const DEFAULT_IDENTITY_ENDPOINTS: Readonly<IdentityEndpoints> = {
  somfy: {
    tokenUrl: "https://accounts.somfy.com/oauth/oauth/v2/token/jwt",
    clientId: "0d8e920c-1478-11e7-a377-02dd59bd3041_1ewvaqmclfogo4kcsoo0c8k4kso884owg08sg8c40sk4go4ksg",
    clientSecret: "12k73w1n540g8o4cokg0cw84cog840k84cwggscwg884004kgk",
  },
  cozytouch: {
    tokenUrl: "https://apis.groupe-atlantic.com/token",
    jwtUrl: "https://apis.groupe-atlantic.com/magellan/accounts/jwt",
    clientCredentials: "czduc0RZZXdWbjVGbVV4UmlYN1pVSUM3ZFI4YTphSDEzOXZmbzA1ZGdqeDJkSFVSQkFTbmhCRW9h",
    usernamePrefix: "GA-PRIVATEPERSON/",
  },
  nexity: {
    cognitoRegion: "eu-west-1",
    cognitoUserPoolId: "eu-west-1_wj277ucoI",
    cognitoClientId: "3mca95jd5ase5lfde65rerovok",
    cognitoEndpoint: undefined,
    ssoTokenUrl: "https://api.egn.prd.aws-nexity.fr/deploy/api/v1/domotic/token",
  },
  brandt: {
    sessionUrl: "https://www.smartcontrol-app.com/api/v1/sessions.json",
    jwtUrl: "https://www.smartcontrol-app.com/api/v1/profile/jwt.json",
    partner: "brandt-electromenager",
  },
  rexel: {
    authorizeUrl: `${REXEL_TENANT}/authorize`,
    tokenUrl: `${REXEL_TENANT}/token`,
    policy: "b2c_1a_signinonlyhomeassistant",
    clientId: "2b635ede-c3fb-43bc-8d23-f6d17f80e96d",
    scope: "https://adb2cservicesfrenduserprod.onmicrosoft.com/94f05108-65f7-477a-a84d-e67e1aed6f79/ExternalProvider",
    redirectUri: "https://my.home-assistant.io/redirect/oauth",
    consent: "homeassistant",
    directoryUrl: "https://econnect-api.rexelservices.fr/api/enduser/",
  },
};

const URL_FIELD = /Url$|Uri$|Endpoint$/;

function checkedFields<T extends Record<string, string | undefined>>(provider: string, merged: T): T {
  for (const [field, value] of Object.entries(merged)) {
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "") throw new ConfigError(`identityEndpoints.${provider}.${field} must be a non-empty string`);
    // The redirect URI is the app's own callback and may use a custom scheme.
    if (URL_FIELD.test(field) && field !== "redirectUri") checkedUrl(value, `identityEndpoints.${provider}.${field}`);
  }
  return merged;
}

/** Defaults with the caller's overrides applied, every URL checked (https, or http on loopback). */
export function resolveIdentityEndpoints(overrides: IdentityEndpointOverrides = {}): IdentityEndpoints {
  const providers = Object.keys(DEFAULT_IDENTITY_ENDPOINTS) as (keyof IdentityEndpoints)[];
  const unknown = Object.keys(overrides).filter((key) => !providers.includes(key as keyof IdentityEndpoints));
  if (unknown.length > 0) throw new ConfigError(`Unknown identityEndpoints provider(s): ${unknown.join(", ")}`);
  const merge = <P extends keyof IdentityEndpoints>(provider: P): IdentityEndpoints[P] =>
    checkedFields(provider, { ...DEFAULT_IDENTITY_ENDPOINTS[provider], ...overrides[provider] });
  return {
    somfy: merge("somfy"),
    cozytouch: merge("cozytouch"),
    nexity: merge("nexity"),
    brandt: merge("brandt"),
    rexel: merge("rexel"),
  };
}
