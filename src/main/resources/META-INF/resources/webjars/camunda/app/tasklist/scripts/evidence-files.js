// Evidence files (佐证材料) in Tasklist: a tab in the task view listing the files of the task's
// process instance (completion reports, supervision feedback, the office's check record) with
// download links, and, on a task that takes evidence and that the user may work on, a file input
// to upload photos and scanned documents. Camunda Forms 1.8.7 have no file field; this is a
// Tasklist plugin (plugin point tasklist.task.detail), loaded by config.js (customScripts) as an
// ES module. The server decides everything (who may upload or read, size, type); the page shows
// its Chinese answers. See docs/campaign-reference.md "Evidence files".

import { campaignFetch, esc, getJson, time } from '/campaign-assets/webapp-fetch.js';

const API = '/campaign/api/evidence';

const STYLE = `
.campaign-evidence { padding: 10px 0 20px; font-size: 14px; }
.campaign-evidence table { border-collapse: collapse; width: 100%; margin: 8px 0; background: #fff; }
.campaign-evidence th, .campaign-evidence td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
.campaign-evidence th { background: #f2f2f2; white-space: nowrap; }
.campaign-evidence .ev-muted { color: #666; }
.campaign-evidence .ev-hash { font-family: monospace; font-size: 12px; }
.campaign-evidence .ev-upload-form { margin-top: 12px; padding: 8px; border: 1px dashed #999; background: #fafafa; }
.campaign-evidence .ev-upload-form input[type=file] { display: inline-block; margin-right: 8px; }
.campaign-evidence .ev-message { margin-top: 8px; white-space: pre-wrap; }
.campaign-evidence .ev-message.ev-error { color: #b00; font-weight: bold; }
.campaign-evidence .ev-message.ev-ok { color: #2e7d32; }
`;

function addStyle() {
  if (!document.getElementById('campaign-evidence-style')) {
    const style = document.createElement('style');
    style.id = 'campaign-evidence-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function filesTable(files) {
  if (!files.length) {
    return '<p class="ev-muted ev-none">尚无佐证材料。</p>';
  }
  return `<table class="ev-files"><thead><tr><th>文件</th><th>大小</th><th>所属任务</th><th>上传人</th><th>上传时间</th>`
    + `<th>SHA-256</th></tr></thead><tbody>`
    + files.map(f => `<tr><td><a href="${esc(f.url)}" download>${esc(f.fileName)}</a></td><td>${esc(f.sizeLabel)}</td>`
      + `<td>${esc(f.taskName)}</td><td>${esc(f.uploadedBy)}</td><td>${esc(time(f.uploadedAt))}</td>`
      + `<td class="ev-hash" title="${esc(f.sha256)}">${esc(String(f.sha256).substring(0, 16))}…</td></tr>`).join('')
    + '</tbody></table>';
}

async function render(node, taskId, api) {
  addStyle();
  node.innerHTML = '<div class="campaign-evidence"><p class="ev-muted">正在读取佐证材料……</p></div>';
  const root = node.firstChild;
  let info;
  try {
    info = await getJson(`${API}/tasks/${encodeURIComponent(taskId)}`);
  } catch (e) {
    root.innerHTML = `<p class="ev-message ev-error">${esc(e.message)}</p>`;
    return;
  }
  const rules = `每个文件不超过 ${esc(info.maxFileSizeLabel)}，格式限 ${esc(info.types.join('、'))}（照片、扫描件、Word、Excel 或 PDF）。`;
  root.innerHTML = `<p class="ev-muted">本事项（流程实例）的全部佐证材料，上传后存档并记入审计链，不能删除或替换。</p>`
    + filesTable(info.files)
    + (info.mayUpload
      ? `<form class="ev-upload-form"><label>上传佐证材料：<input type="file" class="ev-file" multiple
          accept="${esc(info.types.map(t => '.' + t).join(','))}"></label>
          <button type="submit" class="btn btn-primary btn-sm ev-upload">上传</button>
          <p class="ev-muted">${rules}</p><div class="ev-message"></div></form>`
      : `<p class="ev-muted">${info.acceptsEvidence ? '只有承办本任务的人员可以在任务办理中上传佐证材料。'
        : '本任务不收佐证材料；办结报告、书面反馈和整改核查任务可以上传。'}</p>`);
  const form = root.querySelector('form.ev-upload-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const input = form.querySelector('input.ev-file');
    const message = form.querySelector('.ev-message');
    const chosen = Array.from(input.files || []);
    if (!chosen.length) {
      message.className = 'ev-message ev-error';
      message.textContent = '请先选择要上传的文件。';
      return;
    }
    const done = [];
    const refused = [];
    for (const file of chosen) {
      if (file.size > info.requestLimit) {
        refused.push(`「${file.name}」未上传：文件过大，佐证材料每个文件不能超过 ${info.maxFileSizeLabel}。请压缩图片或拆分文件后重新上传。`);
        continue;
      }
      const body = new FormData();
      body.append('file', file, file.name);
      try {
        const response = await campaignFetch(`${API}/tasks/${encodeURIComponent(taskId)}`, { method: 'POST', body }, api);
        if (response.ok) {
          done.push(`「${file.name}」已上传。`);
        } else {
          refused.push(await response.text() || `「${file.name}」未上传（HTTP ${response.status}）。`);
        }
      } catch (e) {
        refused.push(`「${file.name}」未上传：网络错误（${e.message}）。`);
      }
    }
    if (done.length) {
      await render(node, taskId, api);
      const again = node.querySelector('.ev-message');
      if (again) {
        again.className = refused.length ? 'ev-message ev-error' : 'ev-message ev-ok';
        again.textContent = done.concat(refused).join('\n');
      }
    } else {
      message.className = 'ev-message ev-error';
      message.textContent = refused.join('\n');
    }
  });
}

export default [
  {
    id: 'campaignEvidenceFiles',
    pluginPoint: 'tasklist.task.detail',
    label: '佐证材料',
    priority: 900,
    render: (node, { taskId, api }) => {
      render(node, taskId, api);
    }
  }
];
