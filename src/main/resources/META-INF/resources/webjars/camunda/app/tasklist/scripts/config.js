// Tasklist's configuration (replaces the webjar's): English and Chinese, Rollout's name in the header, the
// language switch (../rollout/language-switch.js), and the webjar's default keyboard shortcuts.
import { appName } from '../../rollout/language.js';

export default {
  app: appName('tasklist'),
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  customScripts: ['../rollout/language-switch'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
