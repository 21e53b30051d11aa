// The print button of an issued notice (no inline script: the pages' content security policy forbids it).
document.querySelectorAll('button[data-print]').forEach(function (button) {
  button.addEventListener('click', function () {
    window.print();
  });
});
