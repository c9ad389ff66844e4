// Typesets the LaTeX that Asciidoctor leaves as \( … \) and \[ … \], with the local KaTeX copy.
document.addEventListener("DOMContentLoaded", function () {
  renderMathInElement(document.body, {
    delimiters: [
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false }
    ],
    throwOnError: true
  });
  document.documentElement.classList.add("math-rendered");
});
