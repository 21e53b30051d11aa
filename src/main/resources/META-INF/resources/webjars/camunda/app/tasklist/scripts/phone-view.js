// Tasklist on a department's phone (issue 17; styles/user-styles.css, "Phone view"): the task list
// first; an opened task takes the whole screen, with a link back to the list and 保存/完成 in a
// bar fixed at the bottom. This module only tells the styles whether a task is open (body class
// campaign-task-open) and adds the link back; on a desk nothing changes.

const PHONE = window.matchMedia('(max-width: 767px)');

function taskOpen() {
  return /[?&]task=/.test(window.location.hash);
}

function backToList() {
  // Tasklist keeps the filter and sorting in the hash; only the task goes
  window.location.hash = window.location.hash.replace(/([?&])task=[^&]*&?/, '$1').replace(/[?&]$/, '');
  window.scrollTo(0, 0);
}

function addBackLink() {
  const header = document.querySelector('.task-details > .three-cols-layout-cell.top');
  if (header && !header.querySelector('.campaign-back-to-list')) {
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'btn btn-link campaign-back-to-list';
    link.textContent = '‹ 返回任务列表';
    link.addEventListener('click', backToList);
    header.insertBefore(link, header.firstChild);
  }
}

function update() {
  const open = PHONE.matches && taskOpen();
  document.body.classList.toggle('campaign-task-open', open);
  if (open) {
    addBackLink();
    window.scrollTo(0, 0);
  }
}

window.addEventListener('hashchange', update);
PHONE.addEventListener('change', update);
new MutationObserver(() => {
  if (document.body.classList.contains('campaign-task-open')) {
    addBackLink();
  }
}).observe(document.documentElement, { childList: true, subtree: true });
update();

export default {};
