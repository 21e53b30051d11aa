// Urgings (催办) in Tasklist: a tab in the task view listing the office's urgings about this task,
// the latest first, read from GET /campaign/api/tasks/{taskId}/urgings (the same JSON a task banner
// may read). Loaded by config.js (customScripts) as an ES module; plugin point tasklist.task.detail.
// See docs/campaign-reference.md "The office steers".

import { esc, getJson, time } from '/campaign-assets/webapp-fetch.js';

const STYLE = `
.campaign-urgings { padding: 10px 0 20px; font-size: 14px; }
.campaign-urgings table { border-collapse: collapse; width: 100%; margin: 8px 0; background: #fff; }
.campaign-urgings th, .campaign-urgings td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
.campaign-urgings th { background: #f2f2f2; white-space: nowrap; }
.campaign-urgings .ur-muted { color: #666; }
.campaign-urgings .ur-latest { color: #b00; font-weight: bold; margin: 4px 0 8px; }
.campaign-urgings .ur-error { color: #b00; }
`;

function addStyle() {
  if (!document.getElementById('campaign-urgings-style')) {
    const style = document.createElement('style');
    style.id = 'campaign-urgings-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

async function render(node, taskId) {
  addStyle();
  node.innerHTML = '<div class="campaign-urgings"><p class="ur-muted">正在读取催办记录……</p></div>';
  const root = node.firstChild;
  try {
    const info = await getJson(`/campaign/api/tasks/${encodeURIComponent(taskId)}/urgings`);
    if (!info.count) {
      root.innerHTML = '<p class="ur-muted ur-none">本任务尚未被催办。</p>';
      return;
    }
    root.innerHTML = `<p class="ur-latest">${esc(info.latest.text)}</p>`
      + `<table class="ur-list"><thead><tr><th>催办时间</th><th>催办人</th><th>任务</th><th>办理期限</th></tr></thead><tbody>`
      + info.urgings.map(u => `<tr><td>${esc(time(u.urgedAt))}</td><td>领导小组办公室 ${esc(u.urgedByName)}</td>`
        + `<td>${esc(u.taskName)}</td><td>${esc(time(u.dueAt))}</td></tr>`).join('')
      + '</tbody></table>';
  } catch (e) {
    root.innerHTML = `<p class="ur-error">${esc(e.message)}</p>`;
  }
}

export default [
  {
    id: 'campaignUrgings',
    pluginPoint: 'tasklist.task.detail',
    label: '催办记录',
    priority: 850,
    render: (node, { taskId }) => {
      render(node, taskId);
    }
  }
];
