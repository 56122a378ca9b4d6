// Small enhancements on top of HTMX; the pages work without any of this.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector(".ask-form");
  const question = document.getElementById("question");

  // Example questions fill in the question box instead of navigating.
  document.querySelectorAll("a.example").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      question.value = link.dataset.question;
      question.focus();
    });
  });

  // Enter sends the question; Shift+Enter starts a new line.
  question?.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt !== form) return;
    const errors = document.getElementById("form-error");
    if (event.detail.xhr?.status === 429) {
      // Too many questions in a row: say so next to the form (the server's message says how long to wait).
      let message = "Te veel vragen achter elkaar. Probeer het zo opnieuw.";
      try { message = JSON.parse(event.detail.xhr.responseText).detail || message; } catch (_) { /* HTML page */ }
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = message;
      errors.replaceChildren(p);
      return;
    }
    if (event.detail.successful && event.detail.target.id === "conversation") {
      question.value = "";
      errors.replaceChildren();
      document.querySelector(".examples")?.remove();
      const turns = document.querySelectorAll("#conversation .turn");
      turns[turns.length - 1]?.scrollIntoView({ behavior: "smooth", block: "start" });
      question.focus();
    }
  });

  // A finished answer replaces its streaming placeholder: announce it once, in the live region.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const turn = event.detail.elt?.closest?.(".turn:not(.pending)") || event.detail.target?.closest?.(".turn:not(.pending)");
    const answer = turn?.querySelector(".answer");
    if (answer && turn.dataset.announced !== "yes") {
      turn.dataset.announced = "yes";
      document.getElementById("announce").textContent = "Antwoord: " + answer.textContent.trim();
    }
  });

});
