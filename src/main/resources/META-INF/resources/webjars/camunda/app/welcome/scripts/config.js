// Rollout's links on the Camunda welcome page (replaces the webjar's commented-out default configuration).
export default {
  links: [
    {
      label: 'Audit trail',
      href: '/audit/',
      description: 'Read-only timeline of every project: phases, tasks and who completed them, variables, incidents, gate decisions and overrides; tamper check of the decision log; CSV and PDF downloads.'
    },
    {
      label: 'KPI dashboard',
      href: '/dashboard/',
      description: 'Milestones on time, phase cycle times, UAT pass rate, training coverage, open risks and issues, incident resolution time — per project and across projects.'
    },
    {
      label: 'Process migration',
      href: '/process-migration/',
      description: 'For process owners: move running projects to a new version of a phase — generated plan, dry run, batch migration recorded in the audit trail.'
    }
  ]
};
