// The office's survey upload page (/campaign/surveys/entry): sends each sheet with the session's
// CSRF token (the same protection as the webapps' own API) and shows the server's answer.
document.querySelectorAll('form[data-task]').forEach(function (form) {
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var out = form.nextElementSibling;
    out.className = 'result';
    out.textContent = '正在检查……';
    var token = document.querySelector('meta[name="campaign-csrf-token"]').content;
    fetch('/campaign/api/surveys/entry/' + form.dataset.task, {
      method: 'POST', body: new FormData(form), headers: {'X-XSRF-TOKEN': token}, credentials: 'same-origin'
    }).then(function (r) {
      return r.text().then(function (t) {
        out.className = 'result ' + (r.ok ? 'done' : 'problems');
        out.textContent = t;
        if (r.ok) {
          form.remove();
        }
      });
    });
  });
});
