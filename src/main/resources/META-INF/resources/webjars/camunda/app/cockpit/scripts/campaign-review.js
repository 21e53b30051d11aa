// The campaign view (整改活动审查) in Cockpit: every campaign, running or finished, its supervision
// ledger, timeline and operation log, each department's dossier with the diagrams of its
// instances, the export and the audit-chain check. Read only for everybody but the office, whose
// 催办 button in the ledger posts to /campaign/api/campaigns/{code}/departments/{unit}/urgings
// (see docs/campaign-reference.md "The auditors' and office's workspace").
// Loaded by config.js (customScripts) as an ES module; plain DOM, no framework.

import { campaignFetch, esc, getJson, time } from '/campaign-assets/webapp-fetch.js';

const API = '/campaign/api/review';
const ROOT = '#/campaign-review';

const STYLE = `
.cr { padding: 10px 20px 40px; font-size: 14px; }
.cr h2 { font-size: 22px; margin: 6px 0 12px; }
.cr h3 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.cr table { border-collapse: collapse; width: 100%; margin-bottom: 8px; background: #fff; }
.cr th, .cr td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
.cr th { background: #f2f2f2; white-space: nowrap; }
.cr .cr-muted { color: #666; }
.cr .cr-actions { margin: 8px 0 16px; }
.cr .cr-actions > * { margin-right: 8px; }
.cr .cr-light { display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-right: 4px;
  vertical-align: middle; border: 1px solid #555; }
.cr .cr-light.green { background: #2e9d44; } .cr .cr-light.yellow { background: #f0ad1f; }
.cr .cr-light.red { background: #d42a2a; }
.cr .cr-late { color: #b00; } .cr .cr-ok { color: #2e7d32; }
.cr .cr-error { color: #b00; font-weight: bold; }
.cr pre { white-space: pre-wrap; word-break: break-all; max-height: 240px; overflow: auto; margin: 0;
  font-size: 12px; background: #fafafa; border: none; padding: 2px; }
.cr .cr-diagram { border: 1px solid #ccc; background: #fff; margin-bottom: 12px; }
.cr .cr-diagram iframe { display: block; width: 100%; height: 680px; border: 0; }
.cr .cr-findings li { color: #b00; }
.cr .cr-verified { padding: 8px; border: 1px solid #ccc; margin: 8px 0; background: #fff; }
.cr table.cr-list { margin: 0; font-size: 12px; }
.cr table.cr-list th { background: #f7f7f7; }
.cr .cr-urge-message { display: block; margin-top: 4px; font-size: 12px; }
.cr .cr-urge-message.cr-ok { color: #2e7d32; }
`;

function addStyle() {
  if (!document.getElementById('campaign-review-style')) {
    const style = document.createElement('style');
    style.id = 'campaign-review-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

async function urge(button, code, department) {
  const message = button.parentNode.querySelector('.cr-urge-message');
  button.disabled = true;
  try {
    const response = await campaignFetch(`/campaign/api/campaigns/${encodeURIComponent(code)}/departments/${encodeURIComponent(department)}/urgings`,
      { method: 'POST' });
    const text = await response.text();
    let shown = text;
    try { shown = JSON.parse(text).message || text; } catch (e) { /* plain Chinese sentence */ }
    message.className = 'cr-urge-message ' + (response.ok ? 'cr-ok' : 'cr-error');
    message.textContent = response.ok ? shown : (shown || ('HTTP ' + response.status));
  } catch (e) {
    message.className = 'cr-urge-message cr-error';
    message.textContent = '催办未成功：' + e.message;
  } finally {
    button.disabled = false;
  }
}

function get(path) {
  return getJson(API + path);
}

function table(headers, rows, cssClass) {
  return `<table class="${cssClass || ''}"><thead><tr>${headers.map(h => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.length ? rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')
      : `<tr><td colspan="${headers.length}" class="cr-muted">（无）</td></tr>`}</tbody></table>`;
}

function light(row) {
  return `<span class="cr-light ${esc(row.light)}" title="${esc(row.lightReason)}"></span>`
    + `<span class="cr-light-label">${esc(row.lightLabel)}</span>`;
}

function shell(node, title, body) {
  addStyle();
  node.innerHTML = `<div class="cr"><h2>${title}</h2>${body}</div>`;
  return node.firstChild;
}

function c0(overview) {
  return overview.campaign;
}

function daysLeft(r) {
  const css = r.daysLeft === null || r.daysLeft === undefined ? 'cr-muted' : r.daysLeft < 0 ? 'cr-late' : 'cr-ok';
  return `<span class="cr-days-left ${css}">${esc(r.daysLeftLabel)}</span>`;
}

function urgeCell(r, mayUrge) {
  const urged = r.urgings ? `<div class="cr-muted">已催办${esc(r.urgings)}次，最近 ${time(r.lastUrgedAt)}</div>` : '';
  return (mayUrge && r.openTasks > 0
    ? `<button type="button" class="btn btn-default btn-xs cr-urge" data-department="${esc(r.department)}">催办</button>` : '')
    + urged + '<span class="cr-urge-message"></span>';
}

function failed(node, error) {
  shell(node, '整改活动审查', `<p class="cr-error">${esc(error.message)}</p>`);
}

// ---- every campaign -----------------------------------------------------------------------------

async function renderCampaigns(node) {
  shell(node, '整改活动审查', '<p class="cr-muted">正在读取……</p>');
  try {
    const campaigns = await get('/campaigns');
    shell(node, '整改活动审查', `<p class="cr-muted">全部整改活动（进行中和已结束），点击活动编号查看督查台账、时间线和各单位办理记录。</p>`
      + table(['活动编号', '活动名称', '状态', '当前阶段', '发起时间', '结束时间', '参加单位'], campaigns.map(c => [
        `<a class="cr-campaign" href="${ROOT}/${encodeURIComponent(c.code)}">${esc(c.code)}</a>`, esc(c.name),
        esc(c.state), esc(c.currentPhase), time(c.startedAt), time(c.endedAt), esc(c.departments)]), 'cr-campaigns'));
  } catch (e) {
    failed(node, e);
  }
}

// ---- one campaign: phases, ledger, timeline, operation log, export, verification -------------------

async function renderCampaign(node, code) {
  shell(node, esc(code), '<p class="cr-muted">正在读取……</p>');
  try {
    const [overview, log, me] = await Promise.all([get('/campaigns/' + encodeURIComponent(code)),
      get('/campaigns/' + encodeURIComponent(code) + '/operation-log'), get('/me')]);
    const mayUrge = (me.groups || []).indexOf('campaign-office') > -1 && c0(overview).state === '进行中';
    const c = overview.campaign;
    const phaseNames = overview.ledger.length ? overview.ledger[0].phases.map(p => p.phase) : [];
    const root = shell(node, `${esc(c.name)} <small class="cr-muted">${esc(c.code)} · ${esc(c.state)}</small>`,
      `<p><a href="${ROOT}">« 全部整改活动</a></p>`
      + `<div class="cr-actions">`
      + `<a class="btn btn-default cr-export" href="${API}/campaigns/${encodeURIComponent(code)}/export" download>导出审查档案</a>`
      + `<button type="button" class="btn btn-default cr-verify">核验审计链</button>`
      + `<span class="cr-muted">数据截至 ${time(overview.readAt)}</span></div>`
      + `<div class="cr-verification"></div>`
      + `<h3>活动阶段</h3>`
      + table(['阶段', '计划开始', '计划结束', '实际开始', '实际结束'], c.phases.map(p => [esc(p.phase),
        esc(p.plannedStart), esc(p.plannedEnd), time(p.startedAt), time(p.completedAt)]))
      + `<h3>督查台账</h3><p class="cr-muted">当前状态：<span class="cr-light green"></span>正常
        <span class="cr-light yellow"></span>临近期限 <span class="cr-light red"></span>已逾期</p>`
      + table(['单位', '类别', '当前状态', '当前环节', '待办理人', '剩余期限', '催办'].concat(phaseNames).concat(['退回修改', '督办和问责措施', '满意度测评', '属实投诉', '整改时限延期', '成效评定']),
        overview.ledger.map(r => [
          `<a class="cr-department" data-department="${esc(r.department)}" href="${ROOT}/${encodeURIComponent(code)}/${encodeURIComponent(r.department)}">${esc(r.departmentName)}</a>`,
          esc(r.unitCategory), light(r) + `<div class="cr-muted">${esc(r.lightReason)}</div>`,
          `<span class="cr-current-steps">${esc((r.currentSteps || []).join('、') || '无待办事项')}</span>`,
          `<span class="cr-must-act">${esc((r.mustAct || []).join('、'))}</span>`, daysLeft(r), urgeCell(r, mayUrge)]
          .concat(r.phases.map(p => `${time(p.completedAt)}<div class="${p.workingDaysLate > 0 ? 'cr-late' : 'cr-ok'}">${esc(p.status)}</div>`))
          .concat([esc(r.returnsForRevision), esc(r.escalationSteps.join('；')), esc(r.surveyRanks.join('；')),
            esc(r.substantiatedComplaints), esc((r.deadlineExtensions || []).join('；')), esc(r.finalAssessment)])), 'cr-ledger')
      + `<h3>活动时间线</h3>`
      + table(['时间', '类别', '事项', '经办人'], overview.timeline.map(t => [time(t.at), esc(t.kind), esc(t.text), esc(t.by)]),
        'cr-timeline')
      + `<h3>操作日志</h3><p class="cr-muted">流程引擎记录的人工操作：认领、办结、指派、变量修改、删除、挂起等。</p>`
      + table(['时间', '操作人', '事项', '单位'], log.map(e => [time(e.at), esc(e.userName || e.userId), esc(e.text),
        esc(e.departmentName || '')]), 'cr-operation-log'));
    root.querySelector('.cr-verify').addEventListener('click', () => verify(root, code));
    root.querySelectorAll('.cr-urge').forEach(b => b.addEventListener('click', () => urge(b, code, b.dataset.department)));
  } catch (e) {
    failed(node, e);
  }
}

async function verify(root, code) {
  const target = root.querySelector('.cr-verification');
  target.innerHTML = '<p class="cr-muted">正在核验……</p>';
  try {
    const result = await get('/campaigns/' + encodeURIComponent(code) + '/verification');
    const findings = result.findings || [];
    const tampering = findings.filter(f => f.kind !== 'RETENTION_CLEANUP').length;
    const summary = result.clean
      ? `核验通过：审计链 ${result.checkedEntries} 条记录与 ${result.checkedRows} 行历史记录一致，未发现删除或改动。`
      : `核验发现 ${tampering} 处问题（审计链 ${result.checkedEntries} 条记录，历史记录 ${result.checkedRows} 行）：`;
    target.innerHTML = `<div class="cr-verified">`
      + `<p class="${result.clean ? 'cr-ok' : 'cr-error'} cr-verification-summary">${esc(summary)}</p>`
      + (findings.length ? `<ul class="cr-findings">${findings.map(f => `<li>${esc(f.message)}</li>`).join('')}</ul>` : '')
      + `<p class="cr-muted">核验时间 ${time(result.verifiedAt)}；链尾位置 ${esc(result.lastPosition)}，哈希 <code>${esc(result.lastHash)}</code></p>`
      + `</div>`;
  } catch (e) {
    target.innerHTML = `<p class="cr-error">${esc(e.message)}</p>`;
  }
}

// ---- one department in one campaign ---------------------------------------------------------------

async function renderDepartment(node, code, department) {
  shell(node, esc(department), '<p class="cr-muted">正在读取……</p>');
  try {
    const [dossier, people] = await Promise.all([get('/campaigns/' + encodeURIComponent(code) + '/departments/'
      + encodeURIComponent(department) + '/dossier'), get('/people')]);
    names = people || {};
    shell(node, dossierTitle(dossier, code, department), `<p><a href="${ROOT}/${encodeURIComponent(code)}">« 返回督查台账</a></p>`
      + dossierBody(dossier));
  } catch (e) {
    failed(node, e);
  }
}

function dossierTitle(d, code, department) {
  return `${esc(d.departmentName || department)} <small class="cr-muted">${esc(d.campaignName || code)} · ${esc(d.campaignState)}</small>`;
}

/** A submitted value: a Json list as a table (rows and their fields), anything else as text. */
function value(v, columns) {
  const text = v === null || v === undefined ? '' : String(v).trim();
  if (text.startsWith('[')) {
    try {
      const list = JSON.parse(text);
      if (Array.isArray(list)) {
        if (!list.length) {
          return '<span class="cr-muted">（无）</span>';
        }
        if (list.every(row => row && typeof row === 'object' && !Array.isArray(row))) {
          // the form's column order first, then any other field of the rows
          const keys = [...new Set(Object.keys(columns || {}).filter(k => list.some(row => k in row))
            .concat(list.flatMap(row => Object.keys(row))))];
          return `<table class="cr-list"><thead><tr><th>序号</th>${keys.map(k => `<th>${esc((columns && columns[k]) || k)}</th>`).join('')}</tr></thead>`
            + `<tbody>${list.map((row, i) => `<tr><td>${i + 1}</td>${keys.map(k => `<td>${esc(cell(row[k]))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
        }
        return esc(list.map(cell).join('、'));
      }
    } catch (e) {
      // not Json: shown as text
    }
  }
  return `<pre>${esc(v)}</pre>`;
}

function cell(v) {
  if (v === true) {
    return '是';
  }
  if (v === false) {
    return '否';
  }
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : (v === null || v === undefined ? '' : String(v));
}

/** User id → name (GET /people), so that reviewers read names, not account ids. */
let names = {};

function person(user) {
  return user ? (names[user] || user) : '';
}

function who(user, at) {
  return user ? `${esc(person(user))}<div class="cr-muted">${time(at)}</div>` : '';
}

function dossierBody(d) {
  const instances = d.processInstances || [];
  return `<p class="cr-muted">数据截至 ${time(d.generatedAt)}</p>`
    + `<h3>流程实例</h3>`
    + table(['流程', '开始', '结束', '状态'], instances.map(i => [esc(i.processName),
      time(i.startedAt), time(i.endedAt), esc(i.stateLabel) + (i.endEventName ? `<div class="cr-muted">${esc(i.endEventName)}</div>` : '')]),
    'cr-instances')
    + `<h3>任务办理</h3>`
    + table(['任务', '流程', '创建', '到期', '认领', '办结', '状态', '办理人变更'], (d.tasks || []).map(t => [esc(t.name),
      esc(t.processName), time(t.createdAt), time(t.dueAt), who(t.claimedBy, t.claimedAt), who(t.completedBy, t.completedAt),
      esc(t.statusLabel), (t.assigneeHistory || []).map(c => `${time(c.at)} ${esc(c.operationLabel)} ${esc(person(c.userId))}`
        + (c.toAssignee ? ` → ${esc(person(c.toAssignee))}` : '')).join('<br>')]), 'cr-tasks')
    + `<h3>提交内容</h3><p class="cr-muted">每次办结任务时提交的表单数据，按提交时的原样。</p>`
    + table(['任务', '提交人', '提交时间', '字段', '内容'], (d.submissions || []).flatMap(s => (s.fields || [])
      .map(f => [esc(s.taskName), esc(person(s.submittedBy)), time(s.submittedAt), esc(f.label),
        f.valueLabel ? esc(f.valueLabel) : value(f.value, f.columns)])), 'cr-submissions')
    + `<h3>后续变量修改</h3><p class="cr-muted">变量首次取值之后的每次修改：谁、何时、经由何处、原值与新值。</p>`
    + table(['变量', '修改人', '时间', '经由', '原值', '新值'], (d.variableChanges || []).map(c => [esc(c.label),
      esc(person(c.changedBy)), time(c.changedAt), esc(c.viaLabel), value(c.oldValue), value(c.newValue)]), 'cr-changes')
    + `<h3>佐证材料</h3><p class="cr-muted">在办结报告、书面反馈和整改核查中上传的文件；SHA-256 同时记入审计链。</p>`
    + table(['文件', '任务', '大小（字节）', '上传人', '上传时间', 'SHA-256'], (d.evidence || []).map(f => [
      `<a href="${esc(f.url)}" download>${esc(f.fileName)}</a>`, esc(f.taskName), esc(f.size), esc(person(f.uploadedBy)),
      time(f.uploadedAt), `<code title="${esc(f.sha256)}">${esc(String(f.sha256).substring(0, 16))}…</code>`]), 'cr-evidence')
    + `<h3>文书</h3>`
    + table(['文号', '类别', '标题', '日期'], (d.notices || []).map(n => [`<a href="${esc(n.url)}" target="_blank">${esc(n.number)}</a>`,
      esc(n.kindLabel), esc(n.title), esc(n.issuedOn)]), 'cr-notices')
    + `<h3>通知发送</h3>`
    + table(['收件人', '主题', '状态', '记录时间', '发送时间', '尝试次数'], (d.notifications || []).map(n => [esc(n.recipientName || n.recipientId),
      esc(n.subject), esc(n.statusLabel), time(n.createdAt), time(n.sentAt), esc(n.attempts)]), 'cr-notifications')
    + `<h3>流程图</h3><p class="cr-muted">图中标出已完成和进行中的环节以及实例经过的路径（见图例）。</p>`
    + instances.map(i => `<p><b>${esc(i.processName)}</b> <span class="cr-muted">${esc(i.stateLabel)} · ${esc(i.id)}</span></p>
      <div class="cr-diagram"><iframe title="${esc(i.processName)}流程图" src="${esc(i.diagramUrl)}"></iframe></div>`).join('');
}

// ---- plugin points ----------------------------------------------------------------------------------

function route() {
  const parts = window.location.hash.replace(/^#\/campaign-review\/?/, '').split(/[/?]/).filter(Boolean)
    .map(decodeURIComponent);
  return { code: parts[0], department: parts[1] };
}

export default [
  {
    id: 'campaignReviewNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: '/campaign-review' },
    checkActive: url => url.indexOf('#/campaign-review') > -1,
    render: node => {
      node.innerHTML = `<a href="${ROOT}" class="campaign-review-link">整改活动审查</a>`;
    }
  },
  {
    id: 'campaignReviewDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: async node => {
      addStyle();
      try {
        const campaigns = await get('/campaigns');
        node.innerHTML = `<section class="cr"><h3>整改活动</h3>`
          + table(['活动编号', '活动名称', '状态', '当前阶段'], campaigns.slice(0, 10).map(c => [
            `<a href="${ROOT}/${encodeURIComponent(c.code)}">${esc(c.code)}</a>`, esc(c.name), esc(c.state), esc(c.currentPhase)]))
          + `<p><a href="${ROOT}">全部整改活动 »</a></p></section>`;
      } catch (e) {
        node.innerHTML = '';
      }
    }
  },
  {
    id: 'campaignReviewList',
    pluginPoint: 'cockpit.route',
    properties: { path: '/campaign-review', label: '整改活动审查' },
    render: node => renderCampaigns(node)
  },
  {
    id: 'campaignReviewCampaign',
    pluginPoint: 'cockpit.route',
    properties: { path: '/campaign-review/:code', label: '整改活动' },
    render: node => renderCampaign(node, route().code)
  },
  {
    id: 'campaignReviewDepartment',
    pluginPoint: 'cockpit.route',
    properties: { path: '/campaign-review/:code/:department', label: '单位办理记录' },
    render: node => renderDepartment(node, route().code, route().department)
  }
];
