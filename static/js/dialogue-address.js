// Address chooser of the question form: when the province changes, refill the ward list
// with that province's wards from the same static file the server checks against.
// Without JavaScript the "Hiện phường, xã" button posts the form back to do the same.
(function () {
  const province = document.querySelector("select[data-divisions-url]");
  const ward = province && province.form.elements.namedItem("ward");
  if (!ward) return;
  const button = province.form.querySelector("[data-show-wards]");
  // Removed, not hidden: Enter in a text field must submit the question, not this button.
  if (button) button.remove();
  const placeholder = ward.options[0] ? ward.options[0].text : "";
  let divisions = null;

  function load() {
    if (!divisions) {
      divisions = fetch(province.dataset.divisionsUrl, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)));
    }
    return divisions;
  }

  function fill(data) {
    const wards = data.wards[province.value] || [];
    const options = [new Option(placeholder, "")];
    wards.forEach(([code, name]) => options.push(new Option(name, String(code))));
    ward.replaceChildren(...options);
    ward.disabled = wards.length === 0;
  }

  province.addEventListener("change", () => {
    ward.disabled = true;
    load()
      .then(fill)
      .catch(() => {
        // The server still checks the ward and shows the right list if it does not match.
        divisions = null;
        ward.disabled = false;
      });
  });
})();
