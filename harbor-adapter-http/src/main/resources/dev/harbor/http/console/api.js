// The one door to the gateway's documented APIs. The session token lives in sessionStorage (gone
// when the tab closes, never in a URL) and goes out as X-Session-Token. Requests are sent with
// credentials: 'omit': the API's 401 carries WWW-Authenticate: Basic, and a browser that saw its
// own credentials involved would hold the request for a password prompt of its own.

const TOKEN_KEY = 'harbor.session';
const USER_KEY = 'harbor.user';

/** A failed call: the API's Error body (code, message, details) and the HTTP status. */
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    super(body && body.message ? body.message : `The gateway answered ${status}`);
    this.status = status;
    this.code = body && body.error ? body.error : null;
    this.details = (body && body.details) || {};
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

const listeners = { sessionEnded: [] };

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  user: () => sessionStorage.getItem(USER_KEY),
  onEnded(listener) {
    listeners.sessionEnded.push(listener);
  },
  forget() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/** Logs in with Basic credentials; keeps the token it gets. Throws ApiError (401, 429 …). */
export async function login(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  const basic = btoa(String.fromCharCode(...bytes));
  const answer = await send('POST', '/auth/login', undefined, { Authorization: `Basic ${basic}` });
  sessionStorage.setItem(TOKEN_KEY, answer.body.token);
  sessionStorage.setItem(USER_KEY, answer.body.username);
  return answer.body;
}

export async function logout() {
  const token = session.token();
  session.forget();
  if (token) {
    // The token dies on the server; if that call fails the token still left this page.
    await send('POST', '/auth/logout', undefined, { 'X-Session-Token': token }).catch(() => {});
  }
}

/** Calls the API with the session token; resolves { status, body }, rejects with ApiError. */
export async function call(method, path, body) {
  const token = session.token();
  try {
    return await send(method, path, body, token ? { 'X-Session-Token': token } : {});
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && !path.startsWith('/auth/')) {
      session.forget();
      listeners.sessionEnded.forEach((listener) => listener(error));
    }
    throw error;
  }
}

export const get = (path) => call('GET', path).then((answer) => answer.body);

async function send(method, path, body, headers) {
  const init = {
    method,
    credentials: 'omit',
    cache: 'no-store',
    headers: { Accept: 'application/json', ...headers },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (networkFailure) {
    throw new ApiError(0, { error: 'GATEWAY_UNREACHABLE', message: 'The gateway does not answer; check the network' });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (notJson) {
      parsed = null;
    }
  }
  // 207: some parts of an open-all or a card change failed; the body says which.
  if (response.ok) {
    return { status: response.status, body: parsed };
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  throw new ApiError(response.status, parsed, Number.isNaN(retryAfter) ? null : retryAfter);
}
