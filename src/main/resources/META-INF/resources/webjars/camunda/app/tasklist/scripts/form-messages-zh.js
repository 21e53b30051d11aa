/*
 * Camunda Forms (form-js 1.8.7, bundled with Tasklist 7.24) write their validation messages in
 * English and ignore Tasklist's locales ("Field must match pattern ^(1[3-9]\d{9}...)$."). A clerk
 * reads Chinese: this module, listed in config.js under customScripts, rewrites those messages
 * (and the few list and placeholder texts of form-js) wherever form-js renders them. The server checks the same rules and answers in Chinese too.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\S+)\.$/, (m) => `至少应有 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\S+)\.$/, (m) => `最多 ${m[1]} 个字。`],
  [/^Field must have minimum value of (\S+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (\S+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must match pattern .*$/, () => '格式不正确，请按说明填写。'],
  [/^Field must be a valid email\.$/, () => '应为有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number.*$/, () => '应为有效的国际格式电话号码（如 +8657187654321）。'],
  [/^Date must match pattern yyyy-MM-ddTHH:mm:ss.*$/, () => '日期时间格式应为 年-月-日T时:分，如 2026-12-01T09:30。'],
  [/^Date must match pattern yyyy-MM-dd$/, () => '日期格式应为 年-月-日，如 2026-12-01。'],
  [/^Time must match pattern .*$/, () => '时间格式应为 时:分，如 09:30。'],
  [/^Invalid date$/, () => '日期无效。'],
  [/^Add new$/, () => '添加一行'],
  [/^Nothing to show\.?$/, () => '无'],
  [/^Expand all.*$/, () => '全部展开'],
  [/^Collapse$/, () => '收起']
];

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, message] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return message(match);
    }
  }
  return null;
}

const PLACEHOLDERS = { Search: '输入关键字搜索', Select: '请选择' };

function translateWithin(root) {
  const inputs = root.querySelectorAll ? root.querySelectorAll('input[placeholder]') : [];
  inputs.forEach((input) => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
  const errors = root.querySelectorAll
    ? root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *, .fjs-repeat-render-add, .fjs-repeat-render-add *, .fjs-repeat-render-collapse, .fjs-repeat-render-collapse *, .fjs-table-empty, .fjs-table-empty *')
    : [];
  errors.forEach((element) => {
    element.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const chinese = translate(node.nodeValue);
        if (chinese) {
          node.nodeValue = chinese;
        }
      }
    });
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
    if (target && target.closest && target.closest('.fjs-container, .fjs-form')) {
      translateWithin(target.closest('.fjs-form') || target);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default {};
