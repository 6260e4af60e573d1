import type { ConsoleConfig } from '../config';

/**
 * Sign-in through the Cognito hosted UI: authorization code with PKCE (no client secret in a browser). The ID token
 * is what the API wants (only it carries the custom:org/department/member claims).
 */
type Cognito = NonNullable<ConsoleConfig['cognito']>;

const VERIFIER = 'thidua.pkce.verifier';
const STATE = 'thidua.pkce.state';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export const startCognitoSignIn = async (cognito: Cognito) => {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: cognito.redirectUri,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  location.assign(`https://${cognito.domain}/oauth2/authorize?${query}`);
};

/** On the way back from the hosted UI: exchanges the code for tokens; null when this page load is not a return. */
export const finishCognitoSignIn = async (cognito: Cognito): Promise<string | null> => {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return null;
  history.replaceState(null, '', location.pathname);
  if (params.get('state') !== sessionStorage.getItem(STATE)) throw new Error('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại.');
  const response = await fetch(`https://${cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cognito.clientId,
      code,
      redirect_uri: cognito.redirectUri,
      code_verifier: sessionStorage.getItem(VERIFIER) ?? '',
    }),
  });
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (!response.ok) throw new Error('Không hoàn tất được đăng nhập, vui lòng thử lại.');
  return ((await response.json()) as { id_token: string }).id_token;
};

export const cognitoSignOutUrl = (cognito: Cognito) =>
  `https://${cognito.domain}/logout?${new URLSearchParams({ client_id: cognito.clientId, logout_uri: cognito.redirectUri })}`;
