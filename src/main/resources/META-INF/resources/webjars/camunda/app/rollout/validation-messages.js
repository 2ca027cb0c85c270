// form-js (the Camunda Forms renderer in Tasklist's lib/deps.js) writes its validation messages in English
// only. Each entry: the English message as form-js builds it, with {0} and {1} for the values it puts in, and
// the Chinese text. WebappLocaleTests fails when deps.js has a message that no entry matches.
export const MESSAGES = [
  ['Field is required.', '此字段为必填项。'],
  ['Field must have minimum length of {0}.', '长度不能少于 {0} 个字符。'],
  ['Field must have maximum length of {0}.', '长度不能超过 {0} 个字符。'],
  ['Field must have minimum value of {0}.', '值不能小于 {0}。'],
  ['Field must have maximum value of {0}.', '值不能大于 {0}。'],
  ['Field must match pattern {0}.', '必须符合格式 {0}。'],
  ['Field must be a valid email.', '请输入有效的电子邮件地址。'],
  [
    'Field must be a valid  international phone number. (e.g. +4930664040900)',
    '请输入有效的国际电话号码（例如 +4930664040900）。'
  ],
  ['Value is not a number.', '值不是数字。'],
  ['Value is expected to be an integer.', '值必须是整数。'],
  ['Value is expected to have at most {0} decimal digit.', '值最多只能有 {0} 位小数。'],
  ['Value is expected to have at most {0} decimal digits.', '值最多只能有 {0} 位小数。'],
  [
    'Please select a valid value, the two nearest valid values are {0} and {1}.',
    '请选择有效的值，最接近的两个有效值为 {0} 和 {1}。'
  ],
  ['Date and time must both be entered.', '日期和时间须同时填写。']
];

const PATTERNS = MESSAGES.map(([english, chinese]) => {
  const escaped = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{(\d)\\\}/g, '(.+?)');
  return [new RegExp('^' + escaped + '$'), chinese];
});

/** The Chinese text of a form-js validation message, or the message itself when it is not one of them. */
export function translateValidation(message) {
  const text = message.trim();
  for (const [pattern, chinese] of PATTERNS) {
    const values = text.match(pattern);
    if (values) {
      return chinese.replace(/\{(\d)\}/g, (placeholder, index) => values[Number(index) + 1]);
    }
  }
  return message;
}
