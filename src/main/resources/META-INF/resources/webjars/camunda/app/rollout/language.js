// The language of Rollout's Camunda web apps, shared by the apps' scripts/config.js and language-switch.js.
// Camunda's own choice (navigator.languages[0]) is repeated here so that texts config.js sets itself (app
// names, Welcome's links) start in the language the app starts in; the person's remembered choice, once
// logged in, comes from /api/me/language (language-switch.js).

/** The web apps' locale keys: Camunda names a locale by the first part of the browser's language. */
export const LOCALES = ['en', 'zh'];

/** The web apps' locale of a Rollout language tag ('zh-CN' → 'zh', 'en' → 'en'), or null for another one. */
export function localeOf(language) {
  const key = String(language || '').split(/[-_]/)[0].toLowerCase();
  return LOCALES.includes(key) ? key : null;
}

function cookie(name) {
  const entry = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(name + '='));
  return entry ? decodeURIComponent(entry.substring(name.length + 1)) : null;
}

/** The remembered choice (cookie rollout-language, set by PUT /api/me/language), else the browser's first language. */
export function startLocale() {
  const languages = Array.isArray(navigator.languages) ? navigator.languages : [navigator.language];
  return localeOf(cookie('rollout-language')) || localeOf(languages[0]) || 'en';
}

/** The XSRF token of the web apps' session, which Rollout's API asks for on a write with that session. */
export function xsrfToken() {
  return cookie('XSRF-TOKEN');
}

const APP_NAMES = {
  tasklist: { en: 'Tasklist', zh: '任务列表' },
  cockpit: { en: 'Cockpit', zh: '驾驶舱' },
  admin: { en: 'Admin', zh: '管理' },
  welcome: { en: 'Welcome', zh: '欢迎' }
};

/** The header's name of an app ("Rollout 任务列表" / "Rollout Tasklist") in a locale. */
export function appName(app, locale = startLocale()) {
  return { vendor: 'Rollout', name: APP_NAMES[app][locale] || APP_NAMES[app].en };
}
