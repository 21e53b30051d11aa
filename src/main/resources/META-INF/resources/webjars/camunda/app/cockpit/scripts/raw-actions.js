// Cockpit's raw actions in front of the office and the auditors (issue 17): delete (cancel) a
// process instance, suspend or activate it, add, edit or delete variables, retry jobs and
// incidents, change a task's assignee or groups, change a definition's history time to live or
// job priorities, delete or upload deployments, batch operations. The engine refuses every one of
// them to anybody but an administrator (Camunda's authorizations, guard.EngineGuard) and says so in
// Chinese; styles/user-styles.css hides them for everybody, and this module shows them again to
// administrators only (body class campaign-developer), so that clerks never press a button that
// can only fail.

const AUTH = '/camunda/api/admin/auth/user/default';

fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : { authorizedApps: [] }))
  .catch(() => ({ authorizedApps: [] }))
  .then((me) => {
    const admin = (me.authorizedApps || []).indexOf('admin') > -1;
    document.body.classList.toggle('campaign-developer', admin);
    document.body.classList.add('campaign-rights-known');
  });

export default [];
