// The API client: the token lives in sessionStorage, so closing the tab signs out.
const KEY = 'flick.token';

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  get role() { return sessionStorage.getItem(KEY + '.role'); },
  get user() { return sessionStorage.getItem(KEY + '.user'); },
  save(user, answer) {
    sessionStorage.setItem(KEY, answer.accessToken);
    sessionStorage.setItem(KEY + '.role', answer.role);
    sessionStorage.setItem(KEY + '.user', user);
  },
  clear() { [KEY, KEY + '.role', KEY + '.user'].forEach(k => sessionStorage.removeItem(k)); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    const fields = problem?.errors ? Object.entries(problem.errors).map(([k, v]) => `${k}: ${[].concat(v).join(', ')}`).join('; ') : '';
    super(`${problem?.title ?? 'Request failed'} (${status})${fields ? ' — ' + fields : ''}`);
    this.status = status;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    session.clear();
    location.hash = '#/signin';
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export async function signIn(userName, password) {
  const answer = await api('/api/auth/token', { method: 'POST', body: { userName, password } });
  session.save(userName, answer);
  return answer;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}
