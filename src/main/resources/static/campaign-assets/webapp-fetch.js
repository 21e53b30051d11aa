// Shared by the campaign's scripts in Tasklist (evidence-files.js, urgings.js, task-cards.js, messages.js) and
// Cockpit (campaign-review.js): calls to /campaign/api with the webapp session, the session's CSRF
// token on writes, HTML escaping and China time. An ES module the scripts import from this
// same-origin file (the webapps' content security policy admits it: strict-dynamic trusts what a
// script with the page's nonce loads).

/** The webapp session's CSRF token, as the webapps send it (cookie XSRF-TOKEN, header X-XSRF-TOKEN). */
export function csrfToken(api) {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : (api && api.CSRFToken) || '';
}

/**
 * fetch() with the webapp session, asking for JSON; anything but GET, HEAD and OPTIONS carries the
 * CSRF token. api: the Tasklist plugin's api object, whose token is used when the cookie is absent.
 */
export function campaignFetch(url, init = {}, api = null) {
  const method = (init.method || 'GET').toUpperCase();
  const headers = Object.assign({ Accept: 'application/json' }, init.headers || {});
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
    headers['X-XSRF-TOKEN'] = csrfToken(api);
  }
  return fetch(url, Object.assign({}, init, { credentials: 'same-origin', headers }));
}

/** GET a JSON answer; a refusal becomes an Error with the server's (Chinese) message. */
export async function getJson(url) {
  const response = await campaignFetch(url);
  if (!response.ok) {
    throw new Error(await response.text() || ('HTTP ' + response.status));
  }
  return response.json();
}

export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant as China time, "2026-03-15 14:30". */
export function time(instant) {
  return instant ? TIME.format(new Date(instant)).replace(/\//g, '-') : '';
}
