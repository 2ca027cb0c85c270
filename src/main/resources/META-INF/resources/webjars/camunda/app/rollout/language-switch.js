// Custom script of Tasklist, Cockpit, Admin and Welcome (customScripts in each app's scripts/config.js).
// Camunda 7 picks an app's language from navigator.languages[0] only; this script makes the apps follow the
// person's choice remembered by Rollout and lets them change it in the header, without reloading the page:
//  - logged in, it asks GET /api/me/language and switches to the effective language;
//  - a switch 中文 / English next to the user menu stores the choice (PUT /api/me/language) and switches;
//  - form-js's validation messages and its own words (add, collapse, an empty table, search), which Camunda Forms
//    write in English, are shown in Chinese.
// Everything fails soft: without the endpoint the app keeps the language it started in.
import { LOCALES, appName, localeOf, startLocale, xsrfToken } from './language.js';
import { translateValidation } from './validation-messages.js';

const ENDPOINT = '/api/me/language';
const LANGUAGE_OF_LOCALE = { zh: 'zh-CN', en: 'en' };
const app = document.querySelector('base').getAttribute('app-name');

/** The app's AngularJS services, once Camunda has bootstrapped it on the document element. */
function whenBootstrapped() {
  return new Promise(resolve => {
    const look = () => {
      const injector = window.angular && window.angular.element(document.documentElement).injector();
      if (injector) {
        resolve(injector);
      } else {
        setTimeout(look, 100);
      }
    };
    look();
  });
}

function switchTo(injector, locale) {
  const $translate = injector.get('$translate');
  if (!LOCALES.includes(locale) || $translate.use() === locale) {
    showCurrent(locale);
    return;
  }
  injector.get('$rootScope').$applyAsync(() =>
    $translate.use(locale).then(() => showCurrent(locale))
  );
}

/** What changes with the language outside angular-translate: the header's name, the title, the switch. */
function showCurrent(locale) {
  const { vendor, name } = appName(app, locale);
  const brand = document.querySelector('[cam-widget-header] .brand-name');
  if (brand) {
    brand.textContent = vendor + ' ' + name;
  }
  document.title = vendor + ' ' + name;
  document.documentElement.lang = LANGUAGE_OF_LOCALE[locale];
  document.querySelectorAll('.rollout-language a').forEach(link =>
    link.classList.toggle('active', link.dataset.locale === locale)
  );
}

async function followRememberedChoice(injector) {
  try {
    const response = await fetch(ENDPOINT, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      return;
    }
    const locale = localeOf((await response.json()).effective);
    if (locale) {
      switchTo(injector, locale);
    }
  } catch (e) {
    // no endpoint, or not reachable: the app keeps its language
  }
}

async function remember(locale) {
  try {
    await fetch(ENDPOINT, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'X-XSRF-TOKEN': xsrfToken() || ''
      },
      body: JSON.stringify({ language: LANGUAGE_OF_LOCALE[locale] })
    });
  } catch (e) {
    // the switch still holds for this page; the choice is not remembered
  }
}

function switchElement(injector) {
  const item = document.createElement('li');
  item.className = 'rollout-language';
  [
    ['zh', '中文'],
    ['en', 'English']
  ].forEach(([locale, label], index) => {
    if (index > 0) {
      item.appendChild(document.createTextNode(' / '));
    }
    const link = document.createElement('a');
    link.href = '';
    link.lang = LANGUAGE_OF_LOCALE[locale];
    link.dataset.locale = locale;
    link.textContent = label;
    link.addEventListener('click', event => {
      event.preventDefault();
      remember(locale);
      switchTo(injector, locale);
    });
    item.appendChild(link);
  });
  return item;
}

/** Keeps the switch next to the user menu, which AngularJS draws again whenever the login changes. */
function keepSwitchInHeader(injector) {
  const place = () => {
    const account = document.querySelector('[cam-widget-header] .cam-nav li.account');
    const present = document.querySelector('[cam-widget-header] .rollout-language');
    if (account && !present) {
      account.parentNode.insertBefore(switchElement(injector), account);
      showCurrent(injector.get('$translate').use());
    } else if (!account && present) {
      present.remove();
    }
  };
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
}

// the words form-js writes itself, besides its validation messages
const FORM_JS_TEXTS = new Map([
  ['Add new', '添加'],
  ['Collapse', '收起'],
  ['Nothing to show.', '暂无数据。'],
  ['Select', '请选择']
]);

/** A text form-js writes itself, in Chinese; any other text as it is. */
function translateFormJsText(text) {
  const word = text.trim();
  const expand = word.match(/^Expand all \((\d+)\)$/);
  const chinese = expand ? `全部展开（${expand[1]}）` : FORM_JS_TEXTS.get(word);
  return chinese ? text.replace(word, chinese) : text;
}

/**
 * Shows form-js's English validation messages, date format, buttons, empty tables and prompts in Chinese while the
 * app speaks Chinese.
 */
function translateFormErrors(injector) {
  const translate = () => {
    if (injector.get('$translate').use() !== 'zh') {
      return;
    }
    // the text node itself is changed: form-js (Preact) keeps writing the next message into that node
    // form-js's date fields show the format they take, in English: say it in Chinese (the format stays the same)
    document.querySelectorAll('input[placeholder="mm/dd/yyyy"]').forEach(input => {
      input.setAttribute('placeholder', '月/日/年');
    });
    // form-js's own words around the fields: a list's add and collapse buttons, an empty table, a select's prompt
    document
      .querySelectorAll(
        '.fjs-repeat-render-add, .fjs-repeat-render-collapse, .fjs-table-empty, td.fjs-table-td[colspan], ' +
          '.fjs-select-display.fjs-select-placeholder'
      )
      .forEach(element =>
        element.childNodes.forEach(node => {
          if (node.nodeType === Node.TEXT_NODE) {
            const chinese = translateFormJsText(node.data);
            if (chinese !== node.data) {
              node.data = chinese;
            }
          }
        })
      );
    document.querySelectorAll('.fjs-form input[placeholder="Search"]').forEach(input => {
      input.setAttribute('placeholder', '搜索');
    });
    document.querySelectorAll('.fjs-form-field-error li').forEach(item =>
      item.childNodes.forEach(node => {
        if (node.nodeType === Node.TEXT_NODE) {
          const chinese = translateValidation(node.data);
          if (chinese !== node.data) {
            node.data = chinese;
          }
        }
      })
    );
  };
  new MutationObserver(translate).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: ['placeholder']
  });
}

whenBootstrapped().then(injector => {
  const $rootScope = injector.get('$rootScope');
  switchTo(injector, startLocale());
  keepSwitchInHeader(injector);
  translateFormErrors(injector);
  if ($rootScope.authentication) {
    followRememberedChoice(injector);
  }
  $rootScope.$on('authentication.changed', (event, authentication) => {
    if (authentication) {
      followRememberedChoice(injector);
    }
  });
});

export default [];
