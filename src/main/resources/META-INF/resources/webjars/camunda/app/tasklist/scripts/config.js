/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Simplified Chinese for every browser language except English (the app only
  // looks at the first part of the browser language, so the locale is 'zh').
  // Product name in the header: the office's campaign platform, not "Camunda Tasklist".
  app: {
    name: '任务列表',
    vendor: '整改活动'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // form-js writes its validation messages in English; this module puts them in Chinese.
  // scripts/evidence-files.js: the task view's tab 佐证材料 (evidence files: list, download, upload).
  // scripts/clerk-view.js: developer functions only for administrators, a link to 整改活动审查.
  // scripts/task-cards.js: unit and campaign on every task card, overdue red / due soon yellow on
  // cards and above the form with the notices received, counts on every filter.
  // scripts/urgings.js: the task view's tab 催办记录 (the office's urgings about the task).
  // scripts/done-tasks.js: the header link 已办 (the unit's completed tasks, /campaign/done).
  // scripts/messages.js: the header link 消息 with the unread count and the user's messages.
  // scripts/chinese-dates.js: the forms' date picker in Chinese, Monday first, yyyy-mm-dd, holidays
  // and make-up working days of the application's calendar marked.
  // scripts/phone-view.js: on a phone the opened task takes the screen (styles/user-styles.css).
  // scripts/form-assist.js: forms that work with the user: a department's task claimed on opening,
  // 完成 not disabled by a valid list, server errors at their fields, no start form lost to Esc,
  // numbers only in number fields, 「已提交：…」 after 完成, the campaign code and ledger after a launch.
  customScripts: ['scripts/form-messages-zh.js', 'scripts/evidence-files.js', 'scripts/clerk-view.js',
    'scripts/task-cards.js', 'scripts/urgings.js', 'scripts/done-tasks.js', 'scripts/messages.js',
    'scripts/chinese-dates.js', 'scripts/phone-view.js', 'scripts/form-assist.js'],

  // The first-login notice links to a static page that exists only in English.
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入项'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
