// 消息 in Tasklist's header: the user's own messages (every notice and notification recorded for him,
// whether or not mail is on), the unread count as a badge, a panel listing the newest with links,
// "标为已读" one by one or all at once. The server decides what is his (GET /campaign/api/messages,
// POST /campaign/api/messages/{id}/read and /campaign/api/messages/read, the session's CSRF token in
// X-XSRF-TOKEN as Tasklist sends it). Loaded by config.js (customScripts); plugin point
// tasklist.navbar.action.

const API = '/campaign/api/messages';
const POLL_MS = 60000;

const STYLE = `
.campaign-messages { position: relative; cursor: pointer; }
.campaign-messages .cm-badge { display: inline-block; min-width: 18px; margin-left: 4px; padding: 0 5px; border-radius: 9px;
  background: #c9302c; color: #fff; font-size: 12px; line-height: 18px; text-align: center; font-weight: bold; }
.campaign-messages .cm-badge.cm-none { display: none; }
.campaign-messages-panel { position: fixed; top: 46px; right: 12px; z-index: 2000; width: 460px; max-width: calc(100vw - 24px);
  max-height: 70vh; overflow-y: auto; background: #fff; border: 1px solid #bbb; border-radius: 4px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); font-size: 14px; color: #222; }
.campaign-messages-panel header { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px;
  border-bottom: 1px solid #ddd; background: #f7f7f7; position: sticky; top: 0; }
.campaign-messages-panel header strong { font-size: 15px; }
.campaign-messages-panel button { font-size: 13px; padding: 3px 8px; }
.campaign-messages-panel ul { list-style: none; margin: 0; padding: 0; }
.campaign-messages-panel li { padding: 8px 12px; border-bottom: 1px solid #eee; }
.campaign-messages-panel li.cm-unread { background: #eef5fb; }
.campaign-messages-panel li.cm-unread .cm-subject { font-weight: bold; }
.campaign-messages-panel .cm-time { color: #777; font-size: 12px; }
.campaign-messages-panel .cm-body { color: #444; font-size: 13px; margin: 2px 0; white-space: pre-line;
  max-height: 4.5em; overflow: hidden; }
.campaign-messages-panel .cm-actions a { margin-right: 12px; }
.campaign-messages-panel .cm-empty, .campaign-messages-panel .cm-error { padding: 12px; color: #777; }
.campaign-messages-panel .cm-error { color: #b00; }
`;

function addStyle() {
  if (!document.getElementById('campaign-messages-style')) {
    const style = document.createElement('style');
    style.id = 'campaign-messages-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function call(path, method) {
  const response = await fetch(path, { method: method || 'GET', credentials: 'same-origin',
    headers: method === 'POST' ? { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } : { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(await response.text() || ('HTTP ' + response.status));
  }
  return response.json();
}

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

function time(instant) {
  return instant ? TIME.format(new Date(instant)).replace(/\//g, '-') : '';
}

function showCount(link, unread) {
  const badge = link.querySelector('.cm-badge');
  badge.textContent = unread > 99 ? '99+' : String(unread);
  badge.classList.toggle('cm-none', !unread);
  link.title = unread ? `${unread}条未读消息` : '没有未读消息';
}

function panelOf() {
  let panel = document.querySelector('.campaign-messages-panel');
  if (!panel) {
    panel = document.createElement('div');
    panel.className = 'campaign-messages-panel';
    panel.hidden = true;
    document.body.appendChild(panel);
  }
  return panel;
}

function renderList(panel, link, info) {
  showCount(link, info.unread);
  const items = info.messages.map(m => `<li class="${m.read ? 'cm-read' : 'cm-unread'}" data-id="${esc(m.id)}">`
    + `<div class="cm-subject">${esc(m.subject)}</div><div class="cm-time">${esc(time(m.createdAt))}</div>`
    + `<div class="cm-body">${esc(m.body)}</div><div class="cm-actions">`
    + (m.link ? `<a class="cm-open" href="${esc(m.link)}">查看</a>` : '')
    + (m.read ? '' : '<a class="cm-mark" href="">标为已读</a>') + '</div></li>').join('');
  panel.innerHTML = `<header><strong>消息（${info.unread}条未读）</strong><span>`
    + `<button type="button" class="btn btn-default cm-mark-all"${info.unread ? '' : ' disabled'}>全部标为已读</button> `
    + '<button type="button" class="btn btn-default cm-close">关闭</button></span></header>'
    + (items ? `<ul>${items}</ul>` : '<p class="cm-empty">暂无消息。</p>');
}

async function open(link) {
  const panel = panelOf();
  panel.hidden = false;
  panel.innerHTML = '<p class="cm-empty">正在读取消息……</p>';
  try {
    renderList(panel, link, await call(API));
  } catch (e) {
    panel.innerHTML = `<p class="cm-error">${esc(e.message)}</p>`;
  }
  panel.onclick = async event => {
    const target = event.target;
    try {
      if (target.classList.contains('cm-close')) {
        panel.hidden = true;
      } else if (target.classList.contains('cm-mark-all')) {
        await call(API + '/read', 'POST');
        renderList(panel, link, await call(API));
      } else if (target.classList.contains('cm-mark')) {
        event.preventDefault();
        await call(`${API}/${encodeURIComponent(target.closest('li').dataset.id)}/read`, 'POST');
        renderList(panel, link, await call(API));
      } else if (target.classList.contains('cm-open')) {
        const item = target.closest('li');
        if (item.classList.contains('cm-unread')) {
          await call(`${API}/${encodeURIComponent(item.dataset.id)}/read`, 'POST');
        }
      }
    } catch (e) {
      panel.insertAdjacentHTML('afterbegin', `<p class="cm-error">${esc(e.message)}</p>`);
    }
  };
}

async function refresh(link) {
  try {
    showCount(link, (await call(API + '/unread')).unread);
  } catch (e) {
    // not logged in any more, or the server is restarting: the next poll tries again
  }
}

export default [
  {
    id: 'campaignMessages',
    pluginPoint: 'tasklist.navbar.action',
    priority: 310,
    render: node => {
      addStyle();
      node.innerHTML = '<a class="campaign-messages" href="" title="消息">消息<span class="cm-badge cm-none">0</span></a>';
      const link = node.firstChild;
      link.addEventListener('click', event => {
        event.preventDefault();
        const panel = document.querySelector('.campaign-messages-panel');
        if (panel && !panel.hidden) {
          panel.hidden = true;
        } else {
          open(link);
        }
      });
      refresh(link);
      setInterval(() => refresh(link), POLL_MS);
    }
  }
];
