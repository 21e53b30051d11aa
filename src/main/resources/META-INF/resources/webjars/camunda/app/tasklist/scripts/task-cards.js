// Task cards, filter counts and visible deadlines in Tasklist (see docs/campaign-reference.md "Task cards, filters
// and deadlines in Tasklist"):
// - a card plugin (plugin point tasklist.card) shows under each task's name which unit and which
//   campaign it belongs to, and marks the card red when the task is overdue and yellow when it is
//   due soon (the follow-up date reached), with the working days and the notices received;
// - a banner above the task's form says the same ("已逾期N个工作日 · 已收到《…催办通知》（文号，查看）")
//   with links to the printable notices;
// - every filter shows its count (Tasklist itself shows only the selected filter's).
// The server decides (GET /campaign/api/tasks/{id}/urgency, on the engine's clock; who may not
// read the task gets 404); this script only shows its answers. Loaded by config.js (customScripts).

import { campaignFetch, esc } from '/campaign-assets/webapp-fetch.js';

const URGENCY = id => `/campaign/api/tasks/${encodeURIComponent(id)}/urgency`;
const FILTERS = '/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true';

const STYLE = `
.tasks-list li.task.campaign-card-overdue { border-left: 5px solid #c9302c; background: #fdecea; }
.tasks-list li.task.campaign-card-due-soon { border-left: 5px solid #f0ad4e; background: #fff8e1; }
.tasks-list li.task.campaign-card-overdue .due-date { color: #c9302c; font-weight: bold; }
.tasks-list li.task.campaign-card-due-soon .due-date { color: #8a6d3b; font-weight: bold; }
/* the card's plugin area: the unit-and-campaign line and the urgency are short, show them whole
   (Tasklist folds the area at 45 px behind a "show more" shutter, measured before they load) */
.tasks-list .task-card-details { max-height: none; padding-bottom: 0; }
.tasks-list .task-card-details .shutter { display: none; }
.campaign-card { font-size: 13px; line-height: 1.5; padding: 2px 0; }
.campaign-card .cc-label { color: #333; }
.campaign-card .cc-urgency { display: inline-block; margin-top: 2px; padding: 0 6px; border-radius: 3px; font-weight: bold; }
.campaign-card .cc-urgency.overdue { background: #c9302c; color: #fff; }
.campaign-card .cc-urgency.due-soon { background: #f0ad4e; color: #fff; }
.campaign-urgency-banner { margin: 8px 0 12px; padding: 8px 12px; border-radius: 4px; font-size: 14px; line-height: 1.6; }
.campaign-urgency-banner.overdue { background: #fdecea; border: 1px solid #c9302c; color: #a94442; }
.campaign-urgency-banner.due-soon { background: #fff8e1; border: 1px solid #f0ad4e; color: #8a6d3b; }
.campaign-urgency-banner.on-time { background: #eef5fb; border: 1px solid #8fb8dc; color: #31708f; }
.campaign-urgency-banner a { font-weight: bold; text-decoration: underline; }
.campaign-urgency-banner .cu-label { display: block; font-size: 13px; color: #555; }
.task-filter .counter { display: none !important; }
.task-filter .campaign-filter-count { display: inline-block; min-width: 20px; margin-left: 6px; padding: 0 6px;
  border-radius: 10px; background: #777; color: #fff; font-size: 12px; text-align: center; font-weight: normal; }
.task-filter .campaign-filter-count.nonzero { background: #2e6da4; }
`;

function addStyle() {
  if (!document.getElementById('campaign-task-cards-style')) {
    const style = document.createElement('style');
    style.id = 'campaign-task-cards-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

async function urgencyOf(taskId) {
  const response = await campaignFetch(URGENCY(taskId));
  if (!response.ok) {
    return null;
  }
  return response.json();
}

function urgencyText(info) {
  if (info.state === 'overdue') {
    return info.workingDaysOverdue > 0 ? `已逾期${info.workingDaysOverdue}个工作日` : '已逾期';
  }
  return info.state === 'due-soon' ? '即将到期' : '';
}

// --- the card -------------------------------------------------------------------------------

async function renderCard(node, taskId) {
  addStyle();
  const info = await urgencyOf(taskId);
  if (!info) {
    return;
  }
  const urgency = urgencyText(info);
  const received = info.notices.length ? ` · 已收到${esc(info.notices[info.notices.length - 1].kind)}` : '';
  node.innerHTML = `<div class="campaign-card" data-task-id="${esc(taskId)}">`
    + (info.label ? `<div class="cc-label">${esc(info.label)}</div>` : '')
    + (urgency ? `<div class="cc-urgency ${esc(info.state)}">${esc(urgency)}${received}</div>` : '')
    + '</div>';
  const card = node.closest('li.task');
  if (card) {
    card.classList.toggle('campaign-card-overdue', info.state === 'overdue');
    card.classList.toggle('campaign-card-due-soon', info.state === 'due-soon');
  }
}

// --- the banner above the form --------------------------------------------------------------

function currentTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

let bannerFor = null;

async function updateBanner() {
  const section = document.querySelector('[cam-tasklist-task] section.task-card');
  const taskId = currentTaskId();
  const existing = document.querySelector('.campaign-urgency-banner');
  if (!section || !taskId) {
    bannerFor = null;
    return;
  }
  if (existing && existing.dataset.taskId === taskId && section.contains(existing)) {
    return;
  }
  if (bannerFor === taskId) {
    return; // being fetched
  }
  bannerFor = taskId;
  const info = await urgencyOf(taskId);
  bannerFor = null;
  document.querySelectorAll('.campaign-urgency-banner').forEach(b => b.remove());
  if (!info || currentTaskId() !== taskId) {
    return;
  }
  const target = document.querySelector('[cam-tasklist-task] section.task-card');
  if (!target) {
    return;
  }
  const banner = document.createElement('div');
  banner.dataset.taskId = taskId;
  const parts = [];
  if (info.state === 'overdue') {
    parts.push(esc(urgencyText(info)) + (info.dueDateLabel ? `（办理时限${esc(info.dueDateLabel)}）` : ''));
  } else if (info.state === 'due-soon') {
    parts.push(`即将到期（办理时限${esc(info.dueDateLabel)}）`);
  }
  if (info.notices.length) {
    parts.push('已收到' + info.notices.map(n => `《${esc(n.title)}》（${esc(n.number)}，`
      + `<a class="cu-notice" href="${esc(n.url)}" target="_blank" rel="noopener">查看</a>）`).join('、'));
  }
  banner.className = 'campaign-urgency-banner ' + (parts.length ? info.state : 'on-time');
  banner.innerHTML = (info.label ? `<span class="cu-label">${esc(info.label)}</span>` : '')
    + (parts.length ? `<span class="cu-text">${parts.join(' · ')}</span>` : '');
  if (!info.label && !parts.length) {
    banner.style.display = 'none'; // kept, empty, so that the task is not asked again
  }
  addStyle();
  const tabs = target.querySelector('.tabbed-content');
  target.insertBefore(banner, tabs || null);
}

// --- counts on every filter -----------------------------------------------------------------

let countsAt = 0;
let countsRunning = false;

async function updateFilterCounts(force) {
  const items = document.querySelectorAll('.task-filter');
  if (!items.length || countsRunning) {
    return;
  }
  const stale = Date.now() - countsAt > 10000;
  const missing = Array.from(items).some(i => !i.querySelector('.campaign-filter-count'));
  if (!force && !stale && !(missing && Date.now() - countsAt > 2000)) {
    return;
  }
  countsRunning = true;
  try {
    const response = await campaignFetch(FILTERS);
    if (!response.ok) {
      return;
    }
    const counts = new Map((await response.json()).map(f => [f.name, f.itemCount]));
    countsAt = Date.now();
    addStyle();
    document.querySelectorAll('.task-filter').forEach(item => {
      const link = item.querySelector('h4.name a');
      if (!link) {
        return;
      }
      const name = Array.from(link.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
        .map(n => n.textContent).join('').trim();
      if (!counts.has(name)) {
        return;
      }
      let badge = link.querySelector('.campaign-filter-count');
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'campaign-filter-count';
        link.appendChild(badge);
      }
      const count = counts.get(name);
      badge.textContent = String(count);
      badge.title = `${name}：${count} 项任务`;
      badge.classList.toggle('nonzero', count > 0);
    });
  } catch (e) {
    // counts are a help; Tasklist works without them
  } finally {
    countsRunning = false;
  }
}

// --- wiring ---------------------------------------------------------------------------------

let scheduled = false;
function onChange() {
  if (scheduled) {
    return;
  }
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    updateBanner();
    updateFilterCounts(false);
  }, 150);
}

new MutationObserver(onChange).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener('hashchange', onChange);
// the task list refreshes itself every 10 s; the counts follow (and at once after a completion)
setInterval(() => updateFilterCounts(true), 10000);

export default [
  {
    id: 'campaignTaskCard',
    pluginPoint: 'tasklist.card',
    priority: 100,
    render: (node, { taskId }) => {
      renderCard(node, taskId);
    }
  }
];
