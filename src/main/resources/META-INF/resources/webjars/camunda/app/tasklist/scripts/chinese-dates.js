/*
 * The date picker of Camunda Forms in Chinese (issue 17). form-js 1.8.7 opens a flatpickr calendar
 * with English month and weekday names, weeks from Sunday and the browser's date order
 * ("yyyy/mm/dd"). This module, listed in config.js under customScripts, gives every date picker a
 * form renders: Chinese month and weekday names, Monday first, dates shown and typed as
 * yyyy-mm-dd, and the public holidays (休) and make-up working days (班) of the application's own
 * calendar (GET /campaign/api/calendar, the schedule the deadlines are counted with).
 *
 * form-js keeps the value itself (an ISO date string); only the picker's text and calendar change.
 */

const CALENDAR = '/campaign/api/calendar';

const ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  firstDayOfWeek: 1,
  ordinal: () => ''
};

/** yyyy-mm-dd → { kind: 'holiday' | 'workday', name } */
let days = null;

function loadDays() {
  if (!days) {
    days = fetch(CALENDAR, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { years: [] }))
      .then((calendar) => {
        const map = {};
        (calendar.years || []).forEach((year) => (year.holidays || []).forEach((holiday) => {
          for (let day = new Date(`${holiday.from}T00:00:00Z`); day <= new Date(`${holiday.to}T00:00:00Z`);
            day.setUTCDate(day.getUTCDate() + 1)) {
            map[day.toISOString().slice(0, 10)] = { kind: 'holiday', name: holiday.name };
          }
          (holiday.makeUpWorkingDays || []).forEach((day) => {
            map[day] = { kind: 'workday', name: holiday.name };
          });
        }));
        return map;
      })
      .catch(() => ({}));
  }
  return days;
}

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function markDay(map, dayElement) {
  const day = map[isoDay(dayElement.dateObj)];
  if (!day) {
    return;
  }
  dayElement.classList.add(day.kind === 'holiday' ? 'campaign-holiday' : 'campaign-workday');
  dayElement.setAttribute('data-mark', day.kind === 'holiday' ? '休' : '班');
  dayElement.title = day.kind === 'holiday' ? `${day.name}（法定节假日）` : `${day.name}调休上班`;
}

function localize(picker, map) {
  picker.set({
    locale: ZH,
    dateFormat: 'Y-m-d',
    onDayCreate: [(selected, text, instance, dayElement) => markDay(map, dayElement)],
    // rebuilds the month switch with the Chinese month names
    showMonths: 1
  });
  if (picker.input) {
    picker.input.setAttribute('placeholder', '年-月-日，如 2026-12-05');
  }
  picker.calendarContainer.classList.add('campaign-zh-calendar');
}

function localizeWithin(root) {
  const inputs = root.querySelectorAll ? root.querySelectorAll('.fjs-datepicker input') : [];
  inputs.forEach((input) => {
    const picker = input._flatpickr;
    if (picker && !picker.campaignLocalized) {
      picker.campaignLocalized = true;
      loadDays().then((map) => localize(picker, map));
    }
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    const target = mutation.target;
    if (target && target.closest && target.closest('.fjs-container, .fjs-form')) {
      localizeWithin(target.closest('.fjs-form') || target);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });

// a picker is made after the input is in the page (in an effect): look again on focus, before it opens
document.addEventListener('focusin', (event) => {
  const form = event.target && event.target.closest && event.target.closest('.fjs-form');
  if (form) {
    localizeWithin(form);
  }
}, true);

export default {};
