// The SPARQL editor: POST the query to /sparql, show the JSON results as a table.
document.getElementById("run-sparql").addEventListener("click", async () => {
  const out = document.getElementById("sparql-result");
  const body = new URLSearchParams({ query: document.getElementById("sparql").value });
  const response = await fetch("/sparql", {
    method: "POST", body, headers: { Accept: "application/sparql-results+json" },
  });
  const data = await response.json();
  out.replaceChildren();
  if (!response.ok) { out.textContent = data.error; return; }
  if ("boolean" in data) { out.textContent = String(data.boolean); return; }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const v of data.head.vars) head.insertCell().outerHTML = `<th>${v}</th>`;
  const rows = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = rows.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = binding[v] ? binding[v].value : "";
  }
  out.append(table);
});
