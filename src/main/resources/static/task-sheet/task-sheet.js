// The Excel page inside the iframe of a task's Camunda Form: download the task's list, upload an edited file.
// It calls /api/tasks/{task}/sheet with the Tasklist session and its CSRF token, as Tasklist itself calls its API.
(function () {
  'use strict';
  // the texts come in the reader's language from GET /api/pages/tasksheet/texts (messages/pages*.properties)
  let TEXT = {};
  const $ = id => document.getElementById(id);
  const format = (text, arg) => (text || '').replace('{0}', arg);
  const taskId = findTask();
  const notice = 'rollout-task-sheet:' + taskId;

  // Tasklist names the open task in its URL (#/?...&task=<id>); outside Tasklist the page's own ?task=<id>
  function findTask() {
    try {
      const hash = window.parent.location.hash || '';
      const query = hash.indexOf('?');
      const task = query < 0 ? null : new URLSearchParams(hash.slice(query + 1)).get('task');
      if (task) return task;
    } catch (e) { /* not inside Tasklist */ }
    return new URLSearchParams(location.search).get('task');
  }

  // the CSRF token of the Tasklist session: Camunda's cookie is scoped to the web apps' path, which the page
  // inside Tasklist's form reads through its parent
  function csrfToken() {
    let cookies = document.cookie;
    try { cookies = window.parent.document.cookie + '; ' + cookies; } catch (e) { /* not inside Tasklist */ }
    const match = cookies.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function headers() {
    const token = csrfToken();
    return token ? {'X-XSRF-TOKEN': token, 'Accept': 'application/json'} : {'Accept': 'application/json'};
  }

  async function reasons(response) {
    try {
      return (await response.json()).errors || [format(TEXT.failed, response.status)];
    } catch (e) {
      return [format(TEXT.failed, response.status)];
    }
  }

  function show(status, errors, busy) {
    $('status').textContent = status || '';
    $('status').className = busy ? 'status busy' : 'status';
    $('errors').replaceChildren(...(errors || []).map(text => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }));
  }

  async function download() {
    show(TEXT.downloading, [], true);
    try {
      const response = await fetch('/api/tasks/' + encodeURIComponent(taskId) + '/sheet.xlsx',
        {credentials: 'same-origin', headers: headers()});
      if (!response.ok) {
        show('', await reasons(response));
        return;
      }
      const disposition = response.headers.get('Content-Disposition') || '';
      const name = decodeURIComponent((disposition.match(/filename\*=UTF-8''([^;]+)/) || [])[1]
        || (disposition.match(/filename="([^"]+)"/) || [])[1] || 'list.xlsx');
      save(await response.blob(), name);
      show('', []);
    } catch (e) {
      show('', [format(TEXT.failed, e.message)]);
    }
  }

  // the form's iframe may not start downloads itself (sandbox): the link is clicked in Tasklist's page
  function save(blob, name) {
    let doc = document;
    try { doc = window.parent.document; } catch (e) { /* not inside Tasklist */ }
    const link = doc.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.style.display = 'none';
    doc.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 10000);
  }

  async function upload() {
    const file = $('file').files[0];
    if (!file) return;
    show(format(TEXT.loading, file.name), [], true);
    const body = new FormData();
    body.append('file', file);
    try {
      const response = await fetch('/api/tasks/' + encodeURIComponent(taskId) + '/sheet',
        {method: 'POST', credentials: 'same-origin', headers: headers(), body: body});
      if (!response.ok) {
        show(format(TEXT.refused, file.name), await reasons(response));
        return;
      }
      const answer = await response.json();
      // Tasklist would restore a saved draft over the new rows, and reading the task again redraws this page
      localStorage.removeItem('camunda-form:' + taskId);
      sessionStorage.setItem(notice, answer.message);
      show(answer.message, []);
      refreshForm(answer.message);
    } catch (e) {
      show('', [format(TEXT.failed, e.message)]);
    } finally {
      $('file').value = '';
    }
  }

  // Tasklist draws the form from the task's variables when its view is loaded again (AngularJS $route)
  function refreshForm(message) {
    try {
      const injector = window.parent.angular.element(window.parent.document.body).injector();
      injector.get('$rootScope').$apply(() => injector.get('$route').reload());
    } catch (e) {
      show(message + ' ' + TEXT.reload, []);
    }
  }

  async function localize() {
    try {
      const response = await fetch('/api/pages/tasksheet/texts', {credentials: 'same-origin', headers: headers()});
      if (!response.ok) throw new Error(response.status);
      const answer = await response.json();
      for (const [key, value] of Object.entries(answer.texts)) {
        if (key.startsWith('tasksheet.')) TEXT[key.substring('tasksheet.'.length)] = value;
      }
      document.documentElement.lang = answer.language;
    } catch (e) {
      // without its texts the page still works: the keys show where the words would be
      TEXT = new Proxy({}, {get: (target, key) => 'tasksheet.' + String(key)});
    }
    document.title = TEXT.title;
  }

  async function start() {
    await localize();
    $('download').textContent = TEXT.download;
    $('upload-label').textContent = TEXT.upload;
    $('hint').textContent = TEXT.hint;
    if (!taskId) {
      $('download').disabled = true;
      $('file').disabled = true;
      show('', [TEXT.noTask]);
      return;
    }
    const loaded = sessionStorage.getItem(notice);
    if (loaded) {
      sessionStorage.removeItem(notice);
      show(loaded, []);
    }
    $('download').addEventListener('click', download);
    $('file').addEventListener('change', upload);
  }

  start();
})();
