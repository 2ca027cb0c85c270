// The auditor's page: every call goes to Rollout's read-only REST API with the web apps' session (rollout-session.js).
const TYPES = ['process', 'task', 'variable', 'incident', 'decision'];
const PHASES = ['implementationProject', 'requirementsPhase', 'planningPhase', 'buildPhase', 'dataMigration',
  'userAcceptanceTest', 'trainingPhase', 'goLive', 'operationsPhase'];
const $ = id => document.getElementById(id);

async function api(path) {
  const response = await rollout.fetch(path);
  if (!response.ok) {
    let reason = rollout.text('common.failed', response.status + ' ' + response.statusText);
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
      // the codes of the timeline (type, event, phase) are labelled here; subject and detail come translated
      [rollout.dateTime(e.at), rollout.label('audit.type.', e.type), rollout.label('audit.event.', e.event),
        e.phase ? rollout.label('common.phase.', e.phase) : '', e.subject, e.person, e.detail].forEach(v => cell(row, v));
      body.appendChild(row);
    }
    $('empty').hidden = events.length > 0;
    $('integrity').className = 'integrity ' + (check.intact ? 'ok' : 'broken');
    const decisionsBroken = check.brokenSeq != null || (check.problem && !(check.historyProblems || []).includes(check.problem));
    $('integrity').textContent = check.intact
      ? rollout.text('audit.integrity.intact', rollout.number(check.records), check.headHash || '-',
        rollout.number(check.historyEntries), check.historyHeadHash || '-')
      : decisionsBroken
        ? rollout.text('audit.integrity.decisionsBroken',
          check.brokenSeq ?? rollout.text('audit.integrity.head'), check.problem)
        : rollout.text('audit.integrity.historyBroken', check.historyProblems.join(' '));
    $('downloads').innerHTML = '';
    for (const [label, href] of [[rollout.text('audit.download.timelineCsv'), `/api/projects/${code}/timeline.csv${q}`],
      [rollout.text('audit.download.timelinePdf'), `/api/projects/${code}/timeline.pdf${q}`],
      [rollout.text('audit.download.decisionsCsv'), `/api/projects/${code}/timeline.csv?type=decision`],
      [rollout.text('audit.download.decisionsPdf'), `/api/projects/${code}/timeline.pdf?type=decision`]]) {
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
  try {
    await rollout.localize('audit');
    for (const t of TYPES) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'type-' + t;
      box.checked = true;
      label.append(box, ' ' + rollout.label('audit.type.', t));
      $('types').appendChild(label);
    }
    for (const p of PHASES) $('phase').add(new Option(rollout.label('common.phase.', p), p));
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
