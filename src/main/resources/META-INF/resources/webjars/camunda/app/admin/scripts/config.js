// Admin's configuration (replaces the webjar's, which sets nothing): English and Chinese, Rollout's name in the
// header and the language switch (../rollout/language-switch.js).
import { appName } from '../../rollout/language.js';

export default {
  app: appName('admin'),
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  customScripts: ['../rollout/language-switch']
};
