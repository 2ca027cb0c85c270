// Welcome's configuration (replaces the webjar's, which sets nothing): English and Chinese, Rollout's name in
// the header, the language switch (../rollout/language-switch.js) and Rollout's links, whose texts follow the
// language the app starts in.
import { appName, startLocale } from '../../rollout/language.js';

const LINKS = {
  en: [
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
  ],
  zh: [
    {
      label: '审计追踪',
      href: '/audit/',
      description: '每个项目的只读时间线：阶段、任务及其完成人、变量、事件、关口决策与强制放行；决策日志防篡改校验；CSV 和 PDF 下载。'
    },
    {
      label: 'KPI 仪表板',
      href: '/dashboard/',
      description: '里程碑按时率、阶段周期、用户验收测试通过率、培训覆盖率、未关闭的风险与问题、事件解决时长——按项目及跨项目统计。'
    },
    {
      label: '流程迁移',
      href: '/process-migration/',
      description: '面向流程负责人：将运行中的项目迁移到阶段的新版本——自动生成迁移计划、试运行、以批处理方式迁移并记入审计追踪。'
    }
  ]
};

export default {
  app: appName('welcome'),
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  customScripts: ['../rollout/language-switch'],
  links: LINKS[startLocale()]
};
