// Print buttons for articles. Without JavaScript the link opens the print view, whose
// stylesheet already lays the article out for paper.
document.querySelectorAll("[data-print]").forEach((control) => {
  control.hidden = false;
  control.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
});
