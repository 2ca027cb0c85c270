// The process owners' migration page: every call goes to /api/process-migrations with the web apps' session
// and its CSRF token (rollout-session.js).
const $ = id => document.getElementById(id);
const t = rollout.text;
let definitions = {};
let plan = null;

async function api(path, body) {
  const init = {headers: {}};
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await rollout.fetch(path, init);
  if (!response.ok) {
    let reason = t('common.failed', response.status + ' ' + response.statusText);
    try { reason = (await response.json()).errors.join('\n'); } catch (e) { /* not JSON */ }
    throw new Error(reason);
  }
  return response.json();
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function option(select, value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  select.appendChild(o);
}

function versions() {
  const list = definitions[$('key').value] || [];
  for (const id of ['source', 'target']) $(id).innerHTML = '';
  for (const v of list) {
    const text = 'v' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : '') + ' · '
      + t('migration.version.running', rollout.number(v.runningInstances));
    option($('source'), v.version, text);
    option($('target'), v.version, text);
  }
  if (list.length) {
    $('target').value = list[list.length - 1].version;
    const older = list.filter(v => v.version !== list[list.length - 1].version && v.runningInstances > 0);
    $('source').value = (older.length ? older[older.length - 1] : list[0]).version;
  }
}

function request(withInstances) {
  const body = {
    processDefinitionKey: $('key').value,
    sourceVersion: Number($('source').value),
    targetVersion: Number($('target').value),
    mappings: mappings()
  };
  if (withInstances) body.processInstanceIds = withInstances;
  return body;
}

// only what the owner changed: the server generates the rest again
function mappings() {
  const result = [];
  for (const select of document.querySelectorAll('#plan select')) {
    if (select.value !== select.dataset.generated) {
      result.push({source: select.dataset.source, target: select.value || null});
    }
  }
  return result;
}

function showPlan(view) {
  plan = view;
  const body = $('plan').querySelector('tbody');
  body.innerHTML = '';
  const rows = view.instructions.map(i => ({id: i.source, name: i.sourceName, target: i.target, generated: i.generated, waiting: i.waiting}))
    .concat(view.unmapped.map(a => ({id: a.id, name: a.name, target: '', generated: false, waiting: a.waiting})));
  for (const r of rows) {
    const tr = document.createElement('tr');
    cell(tr, r.name + ' (' + r.id + ')');
    cell(tr, r.waiting ? rollout.number(r.waiting) : '');
    const select = document.createElement('select');
    select.dataset.source = r.id;
    select.dataset.generated = r.generated ? r.target : (r.target || '');
    option(select, '', t('migration.plan.notMapped'));
    for (const a of view.targetActivities) option(select, a.id, a.name + ' (' + a.id + ')');
    if (r.target && !view.targetActivities.some(a => a.id === r.target)) option(select, r.target, r.target);
    select.value = r.target || '';
    const td = document.createElement('td');
    td.appendChild(select);
    tr.appendChild(td);
    cell(tr, r.generated ? t('migration.plan.sameId') : r.target ? t('migration.plan.byYou') : '');
    if (!r.target && r.waiting > 0) tr.className = 'incident';
    body.appendChild(tr);
  }
  $('added').textContent = view.added.length
    ? t('migration.plan.added', view.target.version, view.added.map(a => a.name + ' (' + a.id + ')').join(', '))
    : '';
  $('plan-section').hidden = false;
  $('dry-run-section').hidden = true;
}

function showDryRun(result) {
  $('dry-run-summary').textContent =
    t('migration.dryRun.summary', rollout.number(result.migratable), rollout.number(result.failing));
  const body = $('instances').querySelector('tbody');
  body.innerHTML = '';
  for (const i of result.instances) {
    const tr = document.createElement('tr');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = i.processInstanceId;
    box.checked = i.migratable;
    box.disabled = !i.migratable;
    const td = document.createElement('td');
    td.appendChild(box);
    tr.appendChild(td);
    cell(tr, i.processInstanceId);
    cell(tr, i.businessKey);
    cell(tr, i.migratable ? t('migration.instances.ok') : i.failures.join('\n'), i.migratable ? '' : 'error');
    if (!i.migratable) tr.className = 'incident';
    body.appendChild(tr);
  }
  $('dry-run-section').hidden = false;
}

async function showMigrations() {
  const body = $('migrations').querySelector('tbody');
  body.innerHTML = '';
  for (const m of await api('/api/process-migrations')) {
    const tr = document.createElement('tr');
    cell(tr, m.id);
    cell(tr, m.processKey);
    cell(tr, 'v' + m.sourceVersion + ' → v' + m.targetVersion);
    cell(tr, m.migrated == null ? rollout.number(m.instances)
      : rollout.number(m.migrated) + ' / ' + rollout.number(m.instances));
    cell(tr, rollout.label('migration.status.', m.status) + (m.failures.length ? ': ' + m.failures.join('; ') : ''),
      m.failures.length ? 'error' : '');
    cell(tr, m.requestedBy);
    cell(tr, rollout.dateTime(m.requestedAt));
    cell(tr, m.instructions);
    body.appendChild(tr);
  }
}

async function run(action) {
  $('error').textContent = '';
  try {
    await action();
  } catch (e) {
    $('error').textContent = e.message;
  }
}

$('key').addEventListener('change', versions);
$('choose').addEventListener('submit', e => {
  e.preventDefault();
  run(async () => showPlan(await api('/api/process-migrations/plan', request())));
});
$('dry-run').addEventListener('click', () => run(async () => showDryRun(await api('/api/process-migrations/dry-run', request()))));
$('migrate').addEventListener('click', () => run(async () => {
  const chosen = [...document.querySelectorAll('#instances input:checked')].map(b => b.value);
  if (!chosen.length) throw new Error(t('migration.chooseInstance'));
  await api('/api/process-migrations', request(chosen));
  $('dry-run-section').hidden = true;
  await showMigrations();
}));
$('refresh').addEventListener('click', () => run(showMigrations));

run(async () => {
  await rollout.localize('migration');
  definitions = await api('/api/process-migrations/definitions');
  let preselected = null;
  for (const key of Object.keys(definitions)) {
    const running = definitions[key].reduce((n, v) => n + v.runningInstances, 0);
    option($('key'), key, t('migration.model.option', key, rollout.number(definitions[key].length), rollout.number(running)));
    // a model with several versions and instances running is the one a process owner came for
    if (!preselected && definitions[key].length > 1 && running > 0) preselected = key;
  }
  if (preselected) $('key').value = preselected;
  versions();
  await showMigrations();
});
