// 已办 in Tasklist's header: a link to /campaign/done, the page listing the tasks the user's unit has
// completed, each with its campaign, completion date and a link to the unit's own record (see
// docs/campaign-reference.md "Departments look back"). Loaded by config.js (customScripts) as an ES module; plugin
// point tasklist.navbar.action.

export default [
  {
    id: 'campaignDoneTasks',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: node => {
      node.innerHTML = '<a class="campaign-done-tasks" href="/campaign/done" title="本单位已办结的任务和活动档案">已办</a>';
    }
  }
];
