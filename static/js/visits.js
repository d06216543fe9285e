/* Refreshes the footer's visit figures from /api/v1/visits/ so that a page served from a
   cache still shows current numbers. The footer is already correct without JavaScript.
   Numbers are grouped with the separator the server used (data-thousands, from Django's
   formats), not Intl.NumberFormat: its first use loads the locale's ICU data, a ~70 ms task
   on this machine's Chromium (×4 on Lighthouse's phone), the longest task of every page. */
(function () {
  "use strict";
  var box = document.querySelector("[data-visits-url]");
  if (!box || !window.fetch) {
    return;
  }
  var separator = box.getAttribute("data-thousands") || "";
  function grouped(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }
  fetch(box.getAttribute("data-visits-url"), {
    credentials: "omit",
    headers: { Accept: "application/json" },
  })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (figures) {
      if (!figures) {
        return;
      }
      box.querySelectorAll("data[data-visits]").forEach(function (element) {
        var value = figures[element.getAttribute("data-visits")];
        if (typeof value === "number" && String(value) !== element.value) {
          element.value = String(value);
          element.textContent = grouped(value);
        }
      });
    })
    .catch(function () {
      /* keep the figures rendered by the server */
    });
})();
