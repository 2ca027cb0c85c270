// The auditor's page: every call goes to Rollout's read-only REST API with the web apps' session (rollout-session.js).
const TYPES = ['process', 'task', 'variable', 'incident', 'decision'];
const PHASES = ['implementationProject', 'requirementsPhase', 'planningPhase', 'buildPhase', 'dataMigration',
  'userAcceptanceTest', 'trainingPhase', 'goLive', 'operationsPhase'];
const $ = id => document.getElementById(id);

async function api(path) {
  const response = await rollout.fetch(path);
  if (!response.ok) {
    let reason = response.status + ' ' + response.statusText;
    try { reason = (await response.json()).errors.join('; '); } catch (e) { /* not JSON */ }
    throw new Error(reason);
  }
  return response.json();
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  row.appendChild(td);
}

function query() {
  const params = new URLSearchParams();
  for (const name of ['phase', 'person', 'from', 'to']) {
    if ($(name).value) params.set(name, $(name).value);
  }
  const types = TYPES.filter(t => $('type-' + t).checked);
  if (types.length && types.length < TYPES.length) params.set('type', types.join(','));
  const text = params.toString();
  return text ? '?' + text : '';
}

async function show(event) {
  if (event) event.preventDefault();
  $('error').textContent = '';
  const code = encodeURIComponent($('project').value);
  const q = query();
  try {
    const [events, check] = await Promise.all([
      api(`/api/projects/${code}/timeline${q}`), api(`/api/projects/${code}/audit/verification`)]);
    const body = $('timeline').querySelector('tbody');
    body.replaceChildren();
    for (const e of events) {
      const row = document.createElement('tr');
      row.className = e.type;
      [e.at, e.type, e.event, e.phase, e.subject, e.person, e.detail].forEach(v => cell(row, v));
      body.appendChild(row);
    }
    $('integrity').className = 'integrity ' + (check.intact ? 'ok' : 'broken');
    const decisionsBroken = check.brokenSeq != null || (check.problem && !(check.historyProblems || []).includes(check.problem));
    $('integrity').textContent = check.intact
      ? `Decision log intact: ${check.records} records, chain head ${check.headHash || '-'}; `
        + `engine history intact: ${check.historyEntries} entries, chain head ${check.historyHeadHash || '-'}`
      : decisionsBroken
        ? `Decision log BROKEN at record ${check.brokenSeq ?? 'head'}: ${check.problem}`
        : `Engine history BROKEN: ${check.historyProblems.join(' ')}`;
    $('downloads').innerHTML = '';
    for (const [label, href] of [['Timeline as CSV', `/api/projects/${code}/timeline.csv${q}`],
      ['Timeline as PDF', `/api/projects/${code}/timeline.pdf${q}`],
      ['Gate decisions as CSV', `/api/projects/${code}/timeline.csv?type=decision`],
      ['Gate decisions as PDF', `/api/projects/${code}/timeline.pdf?type=decision`]]) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = label;
      $('downloads').append(a, ' ');
    }
  } catch (e) {
    $('error').textContent = e.message;
  }
}

async function init() {
  for (const t of TYPES) {
    const label = document.createElement('label');
    label.innerHTML = `<input type="checkbox" id="type-${t}" checked> ${t}`;
    $('types').appendChild(label);
  }
  for (const p of PHASES) $('phase').add(new Option(p, p));
  try {
    const projects = await api('/api/projects');
    for (const p of projects) $('project').add(new Option(`${p.code} · ${p.name}`, p.code));
    const wanted = new URLSearchParams(location.search).get('project');
    if (wanted) $('project').value = wanted;
    if (projects.length) await show();
  } catch (e) {
    $('error').textContent = e.message;
  }
  $('filters').addEventListener('submit', show);
}

init();
