// The KPI dashboard: one call to GET /api/kpis (the web apps' session, rollout-session.js), drawn with Chart.js.
const $ = id => document.getElementById(id);
const charts = {};
let data;

function chart(id, type, labels, datasets, options = {}) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new Chart($(id), {type, data: {labels, datasets}, options: Object.assign({responsive: true}, options)});
}

function card(label, value) {
  const div = document.createElement('div');
  div.className = 'card';
  div.innerHTML = '<h2></h2><p class="figure"></p>';
  div.querySelector('h2').textContent = label;
  div.querySelector('p').textContent = value == null ? '–' : value;
  return div;
}

function drawPortfolio() {
  const p = data.portfolio;
  $('portfolio').replaceChildren(
    card('Projects', p.projects),
    card('Milestones on time', p.milestonesOnTimePercent == null ? null : p.milestonesOnTimePercent + ' %'),
    card('Average UAT pass rate', p.averageUatPassRate == null ? null : p.averageUatPassRate + ' %'),
    card('Open risks / issues', p.openRisks + ' / ' + p.openIssues),
    card('Average incident resolution', p.averageIncidentResolutionHours == null ? null : p.averageIncidentResolutionHours + ' h'));
  const codes = data.projects.map(x => x.code);
  chart('phaseDays', 'bar', Object.keys(p.averagePhaseDays), [{label: 'days', data: Object.values(p.averagePhaseDays)}]);
  chart('uatRates', 'bar', codes, [
    {label: 'pass rate', data: data.projects.map(x => x.uatPassRate)},
    {label: 'target', data: data.projects.map(x => x.uatPassTarget), type: 'line'}], {scales: {y: {min: 0, max: 100}}});
  chart('milestones', 'bar', codes, [
    {label: 'on time', data: data.projects.map(x => x.milestonesOnTime)},
    {label: 'late', data: data.projects.map(x => x.milestonesLate)},
    {label: 'pending', data: data.projects.map(x => x.milestonesPending)}], {scales: {x: {stacked: true}, y: {stacked: true}}});
  chart('risks', 'bar', codes, [
    {label: 'open risks', data: data.projects.map(x => x.openRisks)},
    {label: 'of which high', data: data.projects.map(x => x.openHighRisks)},
    {label: 'open issues', data: data.projects.map(x => x.openIssues)}]);
  chart('incidents', 'bar', codes, [{label: 'hours', data: data.projects.map(x => x.incidentResolutionHours)}]);
}

function drawProject() {
  const p = data.projects.find(x => x.code === $('project').value);
  if (!p) return;
  chart('training', 'bar', p.trainingCoverage.map(r => `${r.role} (${r.trained}/${r.planned})`), [
    {label: 'trained and passed', data: p.trainingCoverage.map(r => r.percent)},
    {label: 'target', data: p.trainingCoverage.map(() => p.trainingTarget), type: 'line'}], {scales: {y: {min: 0, max: 100}}});
  chart('projectPhases', 'bar', p.phaseTimes.map(t => t.phase + (t.finished ? '' : ' (running)')),
    [{label: 'days', data: p.phaseTimes.map(t => t.days)}], {indexAxis: 'y'});
  const body = $('projectMilestones').querySelector('tbody');
  body.replaceChildren();
  for (const m of p.milestones) {
    const row = document.createElement('tr');
    for (const v of [m.name, m.phase, m.due, m.phaseEnded, m.timeliness]) {
      const td = document.createElement('td');
      td.textContent = v == null ? '' : v;
      row.appendChild(td);
    }
    body.appendChild(row);
  }
}

async function init() {
  try {
    const response = await rollout.fetch('/api/kpis');
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    data = await response.json();
    for (const p of data.projects) $('project').add(new Option(`${p.code} · ${p.name}`, p.code));
    drawPortfolio();
    drawProject();
    $('project').addEventListener('change', drawProject);
  } catch (e) {
    $('error').textContent = e.message;
  }
}

init();
