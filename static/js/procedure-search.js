// Procedure directory: name and code suggestions for the search box, and the print button.
// The page works without this file: the form submits, the browser prints.
(function () {
  "use strict";

  function debounce(fn, wait) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function setUpSuggestions(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-autocomplete-url");
    if (!list || !url || !window.fetch) { return; }
    var latest = 0;
    var suggest = debounce(function () {
      var q = input.value.trim();
      if (q.length < 2) { list.replaceChildren(); return; }
      var ticket = ++latest;
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (ticket !== latest) { return; }
          list.replaceChildren.apply(list, data.results.map(function (item) {
            var option = document.createElement("option");
            option.value = item.name;
            option.label = item.code;
            return option;
          }));
        })
        .catch(function () { list.replaceChildren(); });
    }, 150);
    input.addEventListener("input", suggest);
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(setUpSuggestions);
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
