/* Refreshes the footer's visit figures from /api/v1/visits/ so that a page served from a
   cache still shows current numbers. The footer is already correct without JavaScript. */
(function () {
  "use strict";
  var box = document.querySelector("[data-visits-url]");
  if (!box || !window.fetch) {
    return;
  }
  var format = new Intl.NumberFormat(document.documentElement.lang || "vi");
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
        if (typeof value === "number") {
          element.value = String(value);
          element.textContent = format.format(value);
        }
      });
    })
    .catch(function () {
      /* keep the figures rendered by the server */
    });
})();
