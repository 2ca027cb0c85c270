// Rollout's pages run with the login of the Camunda web apps (Tasklist, Cockpit): no password prompt of their own.
// Every call to /api sends the session's CSRF token in X-XSRF-TOKEN, as Tasklist does with its own API; Camunda keeps
// its XSRF-TOKEN cookie to the web apps' path, so the token comes from GET /api/session. Without a login the page
// goes to the web apps' login.
// Every text of a page comes from messages/pages*.properties in the reader's language: the server sends the page with
// the texts its elements name (data-text, data-text-placeholder, data-text-title) filled in, and scripts take the
// texts they compose from GET /api/pages/{page}/texts with rollout.text(key, ...args). Dates and numbers are formatted for the same language (rollout.dateTime, .number).
const rollout = (() => {
  const LOGIN = '/camunda/app/welcome/default/#!/login';
  // each language is offered in its own name, so a reader finds theirs whatever the page shows now
  const LANGUAGES = [['zh-CN', '中文'], ['en', 'English']];
  let session = null;
  let language = 'en';
  let texts = {};

  function toLogin() {
    location.assign(LOGIN);
    const error = new Error('Not logged in: log in to the Camunda web apps first.');
    error.login = true;
    return error;
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

  // the page's texts in the reader's language, put into the marked elements; then the language switch
  async function localize(page) {
    const response = await api('/api/pages/' + encodeURIComponent(page) + '/texts');
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    const answer = await response.json();
    language = answer.language;
    texts = answer.texts;
    document.documentElement.lang = language;
    apply(document);
    languageSwitch();
  }

  function apply(root) {
    for (const e of root.querySelectorAll('[data-text]')) e.textContent = text(e.dataset.text);
    for (const e of root.querySelectorAll('[data-text-placeholder]')) e.placeholder = text(e.dataset.textPlaceholder);
    for (const e of root.querySelectorAll('[data-text-title]')) e.title = text(e.dataset.textTitle);
  }

  // a text with its {0}, {1}… filled in; an unknown key shows as itself, so a missing text is visible
  function text(key, ...args) {
    const pattern = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    return pattern.replace(/\{(\d+)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
  }

  // the text of a code (event type, status…) when the page has one, else the code itself (ids, decision names)
  function label(prefix, code) {
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(texts, key) ? text(key) : code;
  }

  // instants as the reader writes them, in UTC as the column headers say
  function dateTime(value) {
    if (!value) return '';
    const at = new Date(value);
    if (isNaN(at)) return value;
    return new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC'}).format(at);
  }

  // calendar dates (yyyy-MM-dd, no time zone) as the reader writes them
  function date(value) {
    if (!value) return '';
    const at = new Date(value + 'T00:00:00Z');
    if (isNaN(at)) return value;
    return new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeZone: 'UTC'}).format(at);
  }

  function number(value, options) {
    return value == null ? '' : new Intl.NumberFormat(language, options).format(value);
  }

  // 中文 / English in the page header: remembers the choice for the user (PUT /api/me/language) and reloads
  function languageSwitch() {
    const header = document.querySelector('header');
    if (!header || header.querySelector('.language')) return;
    const box = document.createElement('span');
    box.className = 'language';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', text('common.language'));
    LANGUAGES.forEach(([tag, name], i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.lang = tag;
      button.textContent = name;
      button.title = text('common.language.switch');
      button.disabled = tag === language;
      button.addEventListener('click', () => choose(tag));
      if (i) box.append(' / ');
      box.append(button);
    });
    header.appendChild(box);
  }

  async function choose(tag) {
    try {
      const response = await api('/api/me/language', {
        method: 'PUT', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({language: tag})});
      if (!response.ok) throw new Error(response.status);
    } catch (e) {
      if (e.login) return;
      // without the endpoint the cookie it would set still carries the choice to the server
      document.cookie = 'rollout-language=' + tag + '; path=/; max-age=31536000; SameSite=Lax';
    }
    location.reload();
  }

  return {fetch: api, session: current, localize, text, label, dateTime, date, number,
    get language() { return language; }};
})();
