// Rollout's pages run with the login of the Camunda web apps (Tasklist, Cockpit): no password prompt of their own.
// Every call to /api sends the session's CSRF token in X-XSRF-TOKEN, as Tasklist does with its own API; Camunda keeps
// its XSRF-TOKEN cookie to the web apps' path, so the token comes from GET /api/session. Without a login the page
// goes to the web apps' login.
const rollout = (() => {
  const LOGIN = '/camunda/app/welcome/default/#!/login';
  let session = null;

  function toLogin() {
    location.assign(LOGIN);
    return new Error('Not logged in: log in to the Camunda web apps first.');
  }

  function current() {
    if (!session) {
      session = fetch('/api/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(response => {
          if (response.status === 401) throw toLogin();
          if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
          return response.json();
        })
        .catch(e => { session = null; throw e; });
    }
    return session;
  }

  // fetch() for /api with the session and its CSRF token
  async function api(path, init = {}) {
    const {csrfToken} = await current();
    const headers = Object.assign({Accept: 'application/json'}, init.headers || {});
    if (csrfToken) headers['X-XSRF-TOKEN'] = csrfToken;
    const response = await fetch(path, Object.assign({}, init, {credentials: 'same-origin', headers}));
    if (response.status === 401) throw toLogin();
    return response;
  }

  return {fetch: api, session: current};
})();
