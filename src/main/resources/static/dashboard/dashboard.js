// The KPI dashboard: one call to GET /api/kpis (the web apps' session, rollout-session.js), drawn with Chart.js.
// Texts and formats follow the reader's language (rollout.localize); names in the data come translated by the API.
const $ = id => document.getElementById(id);
const t = rollout.text;
const charts = {};
let data;

function chart(id, type, labels, datasets, options = {}) {
  if (charts[id]) charts[id].destroy();
  // Chart.js formats its axis and tooltip numbers with the locale it is given
  charts[id] = new Chart($(id), {type, data: {labels, datasets},
    options: Object.assign({responsive: true, locale: rollout.language}, options)});
}

function card(label, value) {
  const div = document.createElement('div');
  div.className = 'card';
  div.innerHTML = '<h2></h2><p class="figure"></p>';
  div.querySelector('h2').textContent = label;
  div.querySelector('p').textContent = value == null || value === '' ? '–' : value;
  return div;
}

// percent figures arrive as 0–100
const percent = value => value == null ? null : rollout.number(value / 100, {style: 'percent', maximumFractionDigits: 1});

function drawPortfolio() {
  const p = data.portfolio;
  $('portfolio').replaceChildren(
    card(t('dashboard.card.projects'), rollout.number(p.projects)),
    card(t('dashboard.card.milestonesOnTime'), percent(p.milestonesOnTimePercent)),
    card(t('dashboard.card.uatPassRate'), percent(p.averageUatPassRate)),
    card(t('dashboard.card.risksIssues'), rollout.number(p.openRisks) + ' / ' + rollout.number(p.openIssues)),
    card(t('dashboard.card.incidentResolution'), p.averageIncidentResolutionHours == null ? null
      : rollout.number(p.averageIncidentResolutionHours, {style: 'unit', unit: 'hour', maximumFractionDigits: 1})));
  const codes = data.projects.map(x => x.code);
  chart('phaseDays', 'bar', Object.keys(p.averagePhaseDays).map(key => rollout.label('common.phase.', key)),
    [{label: t('dashboard.series.days'), data: Object.values(p.averagePhaseDays)}]);
  chart('uatRates', 'bar', codes, [
    {label: t('dashboard.series.passRate'), data: data.projects.map(x => x.uatPassRate)},
    {label: t('dashboard.series.target'), data: data.projects.map(x => x.uatPassTarget), type: 'line'}],
  {scales: {y: {min: 0, max: 100}}});
  chart('milestones', 'bar', codes, [
    {label: t('dashboard.series.onTime'), data: data.projects.map(x => x.milestonesOnTime)},
    {label: t('dashboard.series.late'), data: data.projects.map(x => x.milestonesLate)},
    {label: t('dashboard.series.pending'), data: data.projects.map(x => x.milestonesPending)}],
  {scales: {x: {stacked: true}, y: {stacked: true}}});
  chart('risks', 'bar', codes, [
    {label: t('dashboard.series.openRisks'), data: data.projects.map(x => x.openRisks)},
    {label: t('dashboard.series.highRisks'), data: data.projects.map(x => x.openHighRisks)},
    {label: t('dashboard.series.openIssues'), data: data.projects.map(x => x.openIssues)}]);
  chart('incidents', 'bar', codes,
    [{label: t('dashboard.series.hours'), data: data.projects.map(x => x.incidentResolutionHours)}]);
}

function drawProject() {
  const p = data.projects.find(x => x.code === $('project').value);
  if (!p) return;
  chart('training', 'bar', p.trainingCoverage.map(r => `${r.role} (${r.trained}/${r.planned})`), [
    {label: t('dashboard.series.trained'), data: p.trainingCoverage.map(r => r.percent)},
    {label: t('dashboard.series.target'), data: p.trainingCoverage.map(() => p.trainingTarget), type: 'line'}],
  {scales: {y: {min: 0, max: 100}}});
  chart('projectPhases', 'bar', p.phaseTimes.map(x => {
    const phase = rollout.label('common.phase.', x.phase);
    return x.finished ? phase : t('dashboard.running', phase);
  }), [{label: t('dashboard.series.days'), data: p.phaseTimes.map(x => x.days)}], {indexAxis: 'y'});
  const body = $('projectMilestones').querySelector('tbody');
  body.replaceChildren();
  for (const m of p.milestones) {
    const row = document.createElement('tr');
    for (const v of [m.name, rollout.label('dashboard.planPhase.', m.phase), rollout.date(m.due),
      rollout.date(m.phaseEnded), m.timeliness && rollout.label('dashboard.timeliness.', m.timeliness)]) {
      const td = document.createElement('td');
      td.textContent = v == null ? '' : v;
      row.appendChild(td);
    }
    body.appendChild(row);
  }
}

async function init() {
  try {
    await rollout.localize('dashboard');
    const response = await rollout.fetch('/api/kpis');
    if (!response.ok) throw new Error(t('common.failed', response.status + ' ' + response.statusText));
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
