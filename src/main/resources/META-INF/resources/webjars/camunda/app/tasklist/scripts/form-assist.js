// Forms that work with the user (issue 17 points 5 and 6), for Tasklist's Camunda Forms (form-js
// 1.8.7) in the task view and in the 发起流程 dialog:
// 1. a department task opens ready to fill: an unassigned task whose candidate group is one of the
//    user's own departments ("dept-…") is claimed on opening with Tasklist's own 认领 button (its
//    XSRF-protected claim call); never a task of someone else, never again after 取消认领;
// 2. 完成 is not disabled by a valid list: form-js 1.8.7 keeps an empty entry under a dynamic-list
//    field's id once a row was validated (errors = {Field_x: []}), and Tasklist treats any key in
//    that object as an error ("Object.keys(errors).length"), so 完成 stayed disabled until 保存
//    (which re-validates everything). The form controller's notifyFormValidated is wrapped: the form
//    counts as invalid only while form-js shows an error at a field; 完成 still validates the
//    whole form before anything is sent;
// 3. a refused submission (the server's 400 naming each field, guard.RefusalResponseFilter) is
//    shown at its fields with a Chinese summary instead of "提交任务表单时出错", and the form scrolls
//    to the first error (also for errors form-js finds on 完成);
// 4. Esc in a date picker of the 发起流程 dialog closes only the calendar, and a changed start form
//    is closed (Esc, 关闭, 返回, a click beside the dialog) only after the user confirms;
// 5. number fields take digits only: other characters are refused with a Chinese hint (full-width
//    digits become ordinary ones), instead of form-js showing "NaN十人";
// 6. after 完成 a banner names the task (「已提交：制定工作方案」); after a start it names the
//    process, and for a campaign launch the campaign code and a link to its supervision ledger.
// Self-contained (its own XSRF-free reads; the claim is Tasklist's own button). Loaded by config.js.

const ENGINE = '/camunda/api/engine/engine/default';
const AUTH = '/camunda/api/admin/auth/user/default';
const LEDGER = code => `/camunda/app/cockpit/default/#/campaign-review/${encodeURIComponent(code)}`;
const CAMPAIGN_PROCESS = 'RectificationCampaignProcess';
const DEPARTMENT_GROUP = /^dept-/;
const DISCARD_QUESTION = '表单已填写的内容尚未提交，关闭后将丢失。确定要关闭吗？';
const NUMBER_HINT = '此处只能填写阿拉伯数字（如 30），不能填写汉字或其他字符。';

const STYLE = `
.campaign-field-error { color: #a94442; font-size: 13px; margin-top: 4px; font-weight: bold; }
.campaign-has-server-error input, .campaign-has-server-error textarea,
.campaign-has-server-error .fjs-input-group { border-color: #c9302c !important; box-shadow: 0 0 0 1px #c9302c; }
.campaign-number-hint { color: #8a6d3b; background: #fff8e1; border: 1px solid #f0ad4e; border-radius: 3px;
  font-size: 13px; margin-top: 4px; padding: 2px 6px; }
.campaign-form-banner { position: fixed; top: 58px; left: 50%; transform: translateX(-50%); z-index: 1070;
  width: 600px; max-width: 92vw; padding: 10px 36px 10px 14px; border-radius: 4px; font-size: 14px; line-height: 1.6;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.campaign-form-banner.success { background: #dff0d8; border: 1px solid #3c763d; color: #2b542c; }
.campaign-form-banner.error { background: #fdecea; border: 1px solid #c9302c; color: #a94442; }
.campaign-form-banner a { font-weight: bold; text-decoration: underline; }
.campaign-form-banner ul { margin: 4px 0 0; padding-left: 20px; }
.campaign-discard-question { position: fixed; inset: 0; z-index: 1080; background: rgba(0,0,0,.3);
  display: flex; align-items: center; justify-content: center; }
.campaign-discard-question .cdq-box { background: #fff; border-radius: 4px; padding: 18px 22px; max-width: 420px;
  font-size: 15px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.campaign-form-banner .cfb-close { position: absolute; top: 6px; right: 10px; border: 0; background: none;
  font-size: 20px; line-height: 1; color: inherit; cursor: pointer; }
`;

function addStyle() {
  if (!document.getElementById('campaign-form-assist-style')) {
    const style = document.createElement('style');
    style.id = 'campaign-form-assist-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}

function shown(element) {
  return !!element && element.offsetParent !== null;
}

function currentTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

// ---- the user and the tasks' names ---------------------------------------------------------

let me = null;
function currentUser() {
  if (!me) {
    me = getJson(AUTH).then(async user => {
      const groups = await getJson(`${ENGINE}/identity/groups?userId=${encodeURIComponent(user.userId)}`);
      return { id: user.userId, groups: new Set((groups.groups || []).map(g => g.id)) };
    }).catch(() => { me = null; return null; });
  }
  return me;
}

const tasks = new Map();
function taskInfo(taskId) {
  if (!tasks.has(taskId)) {
    tasks.set(taskId, getJson(`${ENGINE}/task/${encodeURIComponent(taskId)}`).catch(() => null));
  }
  return tasks.get(taskId);
}

// ---- banners --------------------------------------------------------------------------------

function banner(kind, html, seconds) {
  addStyle();
  document.querySelectorAll('.campaign-form-banner').forEach(b => b.remove());
  const element = document.createElement('div');
  element.className = `campaign-form-banner ${kind}`;
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  element.innerHTML = `<button type="button" class="cfb-close" title="关闭">×</button><div class="cfb-text">${html}</div>`;
  element.querySelector('.cfb-close').addEventListener('click', () => element.remove());
  document.body.appendChild(element);
  if (seconds) {
    setTimeout(() => element.remove(), seconds * 1000);
  }
  return element;
}

// ---- 1. claim on opening ------------------------------------------------------------------

const UNCLAIMED = 'campaign-unclaimed:';
const tried = new Set();

async function claimOnOpening() {
  const taskId = currentTaskId();
  const claim = document.querySelector('button.claim');
  if (!taskId || !shown(claim) || claim.disabled || tried.has(taskId)
      || sessionStorage.getItem(UNCLAIMED + taskId)) {
    return;
  }
  tried.add(taskId);
  try {
    const [user, task, links] = await Promise.all([currentUser(), taskInfo(taskId),
      getJson(`${ENGINE}/task/${encodeURIComponent(taskId)}/identity-links?type=candidate`)]);
    const ours = user && task && !task.assignee && links.some(link => link.groupId
      && DEPARTMENT_GROUP.test(link.groupId) && user.groups.has(link.groupId));
    const button = document.querySelector('button.claim');
    if (ours && currentTaskId() === taskId && shown(button) && !button.disabled) {
      button.click(); // Tasklist's own claim: POST …/task/{id}/claim with its XSRF token, then it reloads the task
    }
  } catch (e) {
    // the user claims by hand, as before
  }
}

document.addEventListener('click', event => {
  const unclaim = event.target.closest && event.target.closest('button.unclaim');
  const taskId = currentTaskId();
  if (unclaim && taskId) {
    sessionStorage.setItem(UNCLAIMED + taskId, '1'); // he gave it back: do not take it again
  }
}, true);

// ---- 2. validity as form-js shows it ----------------------------------------------------------

function fieldsWithErrors(root) {
  return Array.from(root.querySelectorAll('.fjs-form-field.fjs-has-errors, .campaign-has-server-error'))
    .filter(shown);
}

function patchFormController(element) {
  const angular = window.angular;
  if (!angular || element.campaignPatched) {
    return;
  }
  const controller = angular.element(element).controller('camTasklistForm');
  if (!controller || typeof controller.notifyFormValidated !== 'function') {
    return;
  }
  element.campaignPatched = true;
  const original = controller.notifyFormValidated;
  let recheck = null;
  controller.notifyFormValidated = function (invalid) {
    if (!element.querySelector('.fjs-form')) {
      return original.call(this, invalid); // not a Camunda Form: Tasklist's own judgement
    }
    const self = this;
    const judge = () => original.call(self, fieldsWithErrors(element).length > 0);
    // form-js reports before it renders: judge now by what is shown, and again once it has rendered
    judge();
    clearTimeout(recheck);
    recheck = setTimeout(judge, 60);
    return undefined;
  };
}

// ---- 3. errors at their fields ------------------------------------------------------------------

function formRoot() {
  const modal = document.querySelector('.modal .fjs-form');
  return modal ? modal.closest('.modal') : document.querySelector('[cam-tasklist-form]') || document;
}

function clearServerErrors(root) {
  root.querySelectorAll('.campaign-field-error').forEach(e => e.remove());
  root.querySelectorAll('.campaign-has-server-error').forEach(e => e.classList.remove('campaign-has-server-error'));
}

function fieldFor(root, violation) {
  const key = String(violation.field || '');
  const last = key.split('.').pop();
  const candidates = [key, last].filter(Boolean).flatMap(k =>
    // form-js ids: …-Field_<key>, options …-Field_<key>-<n>, dates …-Field_<key>-date, list rows …-Field_<key>_<row>
    Array.from(root.querySelectorAll(`[id$="-Field_${CSS.escape(k)}"], [id*="-Field_${CSS.escape(k)}-"], `
      + `[id*="-Field_${CSS.escape(k)}_"]`)));
  let fields = [...new Set(candidates.map(c => c.closest('.fjs-form-field')).filter(Boolean))];
  if (!fields.length && violation.label) {
    fields = Array.from(root.querySelectorAll('.fjs-form-field')).filter(f => {
      const label = f.querySelector('.fjs-form-field-label');
      return label && label.textContent.replace(/\s|\*/g, '') === String(violation.label).replace(/\s/g, '');
    });
  }
  const row = /第 ?(\d+) ?行/.exec(violation.message || '');
  if (fields.length > 1 && row) {
    return fields[Math.min(fields.length, Number(row[1])) - 1];
  }
  return fields[0] || null;
}

function scrollToFirstError(root) {
  const first = fieldsWithErrors(root)[0];
  if (first) {
    first.scrollIntoView({ block: 'center' });
    const input = first.querySelector('input, textarea');
    if (input) {
      input.focus({ preventScroll: true });
    }
  }
  return first;
}

function showServerErrors(answer) {
  addStyle();
  const root = formRoot();
  clearServerErrors(root);
  const violations = answer.violations || [];
  const unplaced = [];
  violations.forEach(violation => {
    const field = fieldFor(root, violation);
    if (!field) {
      unplaced.push(violation);
      return;
    }
    field.classList.add('campaign-has-server-error');
    const message = document.createElement('div');
    message.className = 'campaign-field-error';
    message.textContent = violation.message;
    field.appendChild(message);
  });
  const list = violations.map(v => `<li>${esc(v.message)}</li>`).join('');
  banner('error', `<b>未提交：表单有 ${violations.length} 处需要修改</b>`
    + (unplaced.length ? '' : '（已在相应填写项下用红字标出）') + `<ul>${list}</ul>`);
  expectTasklistError(`未提交：表单有 ${violations.length} 处需要修改，请按红字提示修改后重新提交。`);
  setTimeout(() => scrollToFirstError(root), 50);
}

// Tasklist's own toast for a failed 完成 / 启动 says only "提交任务表单时出错"; it is replaced by
// a sentence that says what to do (the details are at the fields and in the banner).
const GENERIC_ERRORS = ['提交任务表单时出错', '无法启动流程', 'An error happened while submitting the task form',
  'Could not start the process'];
let tasklistErrorText = null;
let tasklistErrorUntil = 0;
function expectTasklistError(text) {
  tasklistErrorText = text;
  tasklistErrorUntil = Date.now() + 5000;
  rewriteTasklistErrors();
}

function rewriteTasklistErrors() {
  document.querySelectorAll('[notifications-panel] .alert, .notifications .alert').forEach(alert => {
    const status = alert.querySelector('.status');
    if (!status || alert.dataset.campaignRewritten) {
      return;
    }
    const text = status.textContent.trim();
    if (!GENERIC_ERRORS.some(g => text.startsWith(g))) {
      return;
    }
    const message = alert.querySelector('.message');
    if (tasklistErrorText && Date.now() < tasklistErrorUntil) {
      alert.dataset.campaignRewritten = '1';
      status.textContent = tasklistErrorText;
      if (message) {
        message.textContent = '';
      }
      alert.querySelectorAll('strong').forEach(s => { if (s.textContent.trim() === ':') s.textContent = ''; });
    } else if (!message || !message.textContent.trim() || message.textContent.trim() === '[object Object]') {
      const count = fieldsWithErrors(formRoot()).length;
      if (count) {
        alert.dataset.campaignRewritten = '1';
        status.textContent = `未提交：表单有 ${count} 处需要修改，请按红字提示修改后重新提交。`;
      }
    }
  });
}

// 完成 / 启动 with errors form-js finds itself: scroll to the first
document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest(
    'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]');
  if (!button) {
    return;
  }
  const root = formRoot();
  clearServerErrors(root);
  setTimeout(() => {
    if (fieldsWithErrors(root).length) {
      scrollToFirstError(root);
      rewriteTasklistErrors();
    }
  }, 150);
}, true);

// typing in a field clears the server's message there
document.addEventListener('input', event => {
  const field = event.target.closest && event.target.closest('.campaign-has-server-error');
  if (field) {
    field.classList.remove('campaign-has-server-error');
    field.querySelectorAll('.campaign-field-error').forEach(e => e.remove());
  }
}, true);

// ---- 5. numbers only ------------------------------------------------------------------------

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D]/g;
function halfWidth(text) {
  return text.replace(FULL_WIDTH, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
}

function numberHint(input, show) {
  const field = input.closest('.fjs-form-field');
  if (!field) {
    return;
  }
  let hint = field.querySelector('.campaign-number-hint');
  if (show && !hint) {
    addStyle();
    hint = document.createElement('div');
    hint.className = 'campaign-number-hint';
    hint.setAttribute('role', 'alert');
    hint.textContent = NUMBER_HINT;
    field.appendChild(hint);
  }
  if (hint && show) {
    hint.dataset.shownAt = String(Date.now());
  }
  if (hint && !show && Date.now() - Number(hint.dataset.shownAt || 0) > 1500) {
    hint.remove();
  }
}

function numberInput(target) {
  return target && target.tagName === 'INPUT' && target.closest && target.closest('.fjs-form-field-number');
}

function refused(text) {
  return /[^0-9.\-]/.test(halfWidth(text));
}

// a typed character: form-js itself drops what is not a number without a word; the hint says why
// (full-width digits are typed as ordinary ones)
document.addEventListener('keydown', event => {
  if (!numberInput(event.target) || !event.key || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const key = halfWidth(event.key);
  if (refused(key)) {
    event.preventDefault();
    numberHint(event.target, true);
  } else if (key !== event.key) {
    event.preventDefault();
    document.execCommand('insertText', false, key);
  }
}, true);

document.addEventListener('beforeinput', event => {
  if (!numberInput(event.target) || event.isComposing || typeof event.data !== 'string') {
    return;
  }
  if (refused(event.data)) {
    event.preventDefault();
    numberHint(event.target, true);
    const digits = halfWidth(event.data).replace(/[^0-9.\-]/g, '');
    if (digits) {
      document.execCommand('insertText', false, digits); // keep what is a number in it ("30人" → 30)
    }
  }
}, true);

// what got in anyway (an input method's text, pasting): cleaned before form-js reads it
function clean(input) {
  const value = input.value;
  const cleaned = halfWidth(value).replace(/[^0-9.\-]/g, '');
  if (cleaned !== value) {
    input.value = cleaned;
    numberHint(input, true);
    return true;
  }
  return false;
}

document.addEventListener('input', event => {
  if (!numberInput(event.target)) {
    return;
  }
  if (event.isComposing) {
    // an input method's text in the making ("三…") never reaches form-js, which would show "NaN…"
    event.stopPropagation();
    return;
  }
  if (!clean(event.target)) {
    numberHint(event.target, false); // a number again (the hint stays a moment after a refusal)
  }
}, true);

document.addEventListener('compositionend', event => {
  if (numberInput(event.target)) {
    clean(event.target);
    event.target.dispatchEvent(new Event('input', { bubbles: true })); // form-js reads what is left
  }
}, true);

// ---- 4. no lost start forms ------------------------------------------------------------------

function startDialog() {
  const form = document.querySelector('.modal .fjs-form');
  return form ? form.closest('.modal') : null;
}

document.addEventListener('input', event => markDirty(event.target), true);
document.addEventListener('change', event => markDirty(event.target), true);
document.addEventListener('click', event => {
  if (event.target.closest && event.target.closest('.flatpickr-calendar .flatpickr-day')) {
    const dialog = startDialog();
    if (dialog) {
      dialog.dataset.campaignDirty = '1';
    }
  }
}, true);

function markDirty(target) {
  const dialog = target && target.closest && target.closest('.modal');
  if (dialog && target.closest('.fjs-form')) {
    dialog.dataset.campaignDirty = '1';
  }
}

function openPickers() {
  return Array.from(document.querySelectorAll('.modal input')).filter(i => i._flatpickr && i._flatpickr.isOpen);
}

let closingConfirmed = false;

/** True when the dialog may close now; else the user is asked in the dialog (继续填写 / 放弃并关闭). */
function mayClose(dialog) {
  if (closingConfirmed || !dialog || dialog.dataset.campaignDirty !== '1') {
    return true;
  }
  askBeforeClosing(dialog);
  return false;
}

function askBeforeClosing(dialog) {
  if (dialog.querySelector('.campaign-discard-question')) {
    return;
  }
  addStyle();
  const box = document.createElement('div');
  box.className = 'campaign-discard-question';
  box.setAttribute('role', 'alertdialog');
  box.innerHTML = `<div class="cdq-box"><p>${esc(DISCARD_QUESTION)}</p>`
    + '<button type="button" class="btn btn-primary cdq-keep">继续填写</button> '
    + '<button type="button" class="btn btn-default cdq-discard">放弃并关闭</button></div>';
  box.querySelector('.cdq-keep').addEventListener('click', () => box.remove());
  box.querySelector('.cdq-discard').addEventListener('click', () => {
    box.remove();
    const close = Array.from(dialog.querySelectorAll('button[ng-click="$dismiss()"]')).find(shown);
    if (close) {
      closingConfirmed = true;
      try {
        close.click();
      } finally {
        closingConfirmed = false;
      }
    }
  });
  dialog.appendChild(box);
  box.querySelector('.cdq-keep').focus();
}

window.addEventListener('keydown', event => {
  if (event.key !== 'Escape' && event.key !== 'Esc') {
    return;
  }
  const dialog = startDialog();
  if (!dialog) {
    return;
  }
  const question = dialog.querySelector('.campaign-discard-question');
  if (question) {
    event.preventDefault(); // Esc answers 继续填写
    question.remove();
    return;
  }
  const pickers = openPickers();
  const calendar = document.querySelector('.flatpickr-calendar.open');
  if (pickers.length || calendar) {
    // Esc belongs to the calendar: it closes the calendar (form-js does), the dialog stays (the
    // dialog's Esc handler leaves an event whose default was prevented alone)
    event.preventDefault();
    pickers.forEach(i => i._flatpickr.close());
    return;
  }
  if (!mayClose(dialog)) {
    event.preventDefault();
  }
}, true);

window.addEventListener('click', event => {
  const dialog = startDialog();
  if (!dialog || !event.target.closest) {
    return;
  }
  if (event.target.closest('.campaign-discard-question')) {
    return;
  }
  const closing = event.target === dialog
    || event.target.closest('.modal button[ng-click="$dismiss()"], .modal button[ng-click="back()"]');
  if (closing && !mayClose(dialog)) {
    event.preventDefault();
    event.stopPropagation();
    event.stopImmediatePropagation();
  }
}, true);

// ---- 6. what was submitted: the engine API's answers -----------------------------------------

const TASK_SUBMIT = /\/engine\/default\/task\/([^/?]+)\/(submit-form|complete)(\?|$)/;
const START_SUBMIT = /\/engine\/default\/process-definition\/([^?]+?)\/(submit-form|start)(\?|$)/;

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function submittedValue(body, name) {
  const parsed = typeof body === 'string' ? parse(body) : null;
  const variable = parsed && parsed.variables && parsed.variables[name];
  return variable ? variable.value : null;
}

async function onTaskAnswer(taskId, status, text) {
  if (status >= 200 && status < 300) {
    clearServerErrors(document);
    const info = await taskInfo(taskId);
    const name = (info && info.name) || '任务';
    banner('success', `已提交：${esc(name)}`, 15);
  } else if (status === 400) {
    const answer = parse(text);
    if (answer && Array.isArray(answer.violations) && answer.violations.length) {
      showServerErrors(answer);
    }
  }
}

async function onStartAnswer(definition, status, text, body) {
  if (status === 400) {
    const answer = parse(text);
    if (answer && Array.isArray(answer.violations) && answer.violations.length) {
      showServerErrors(answer);
    }
    return;
  }
  if (status < 200 || status >= 300) {
    return;
  }
  closingConfirmed = true; // Tasklist closes the dialog itself
  setTimeout(() => { closingConfirmed = false; }, 1000);
  const instance = parse(text) || {};
  let process = null;
  try {
    const path = definition.startsWith('key/') ? `key/${definition.substring(4)}` : encodeURIComponent(definition);
    process = await getJson(`${ENGINE}/process-definition/${path}`);
  } catch (e) {
    process = null;
  }
  const name = (process && (process.name || process.key)) || '流程';
  if (!process || process.key !== CAMPAIGN_PROCESS) {
    banner('success', `已发起：${esc(name)}`, 15);
    return;
  }
  const campaignName = submittedValue(body, 'campaignName');
  const title = campaignName ? `整改活动「${esc(campaignName)}」` : '整改活动';
  const launched = code => banner('success', `已发起${title}，活动编号 <b class="cfb-code">${esc(code)}</b>。`
    + `<a class="cfb-ledger" href="${esc(LEDGER(code))}">查看督查台账</a>`);
  const given = submittedValue(body, 'campaignCode');
  if (given) {
    launched(given);
    return;
  }
  // the code is made by the campaign's first step, a moment after the start
  const waiting = banner('success', `已发起${title}，正在生成活动编号……`);
  for (let i = 0; i < 120 && document.body.contains(waiting); i++) {
    try {
      const history = await getJson(`${ENGINE}/history/process-instance/${encodeURIComponent(instance.id)}`);
      if (history.businessKey) {
        launched(history.businessKey);
        return;
      }
    } catch (e) {
      // asked again
    }
    await new Promise(resolve => setTimeout(resolve, 1500));
  }
}

function onAnswer(method, url, status, text, body) {
  if (String(method).toUpperCase() !== 'POST' || !url) {
    return;
  }
  const task = TASK_SUBMIT.exec(url);
  if (task) {
    onTaskAnswer(decodeURIComponent(task[1]), status, text);
    return;
  }
  const start = START_SUBMIT.exec(url);
  if (start) {
    onStartAnswer(decodeURIComponent(start[1]), status, text, body);
  }
}

// Tasklist's engine client (camunda-bpm-sdk-js) sends with XMLHttpRequest
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.campaignRequest = { method, url: String(url) };
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (body) {
  const request = this.campaignRequest;
  if (request && String(request.method).toUpperCase() === 'POST'
      && (TASK_SUBMIT.test(request.url) || START_SUBMIT.test(request.url))) {
    this.addEventListener('loadend', () => {
      let text = null;
      try {
        text = this.responseType === '' || this.responseType === 'text' ? this.responseText : null;
      } catch (e) {
        text = null;
      }
      onAnswer(request.method, request.url, this.status, text, body);
    });
  }
  return send.call(this, body);
};

// ---- wiring ---------------------------------------------------------------------------------

let scheduled = false;
function onChange() {
  rewriteTasklistErrors();
  if (scheduled) {
    return;
  }
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    document.querySelectorAll('[cam-tasklist-form]').forEach(patchFormController);
    const taskId = currentTaskId();
    if (taskId) {
      taskInfo(taskId);
    }
    claimOnOpening();
  }, 100);
}

new MutationObserver(onChange).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener('hashchange', onChange);

export default {};
