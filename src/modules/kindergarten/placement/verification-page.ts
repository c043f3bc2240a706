// The public page that explains how anyone can re-solve a confirmed wave and compare (server-rendered,
// no script: it must work for a journalist with curl as well as in a browser).

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function verificationPage(waves: { id: string; title: string; confirmedAt: string }[]): string {
  const items = waves.length
    ? waves
        .map(
          (w) =>
            `<li>${escape(w.title)} (${w.confirmedAt}): <a href="/open-data/placement/${w.id}/instance.json">instance.json</a>, ` +
            `<a href="/open-data/placement/${w.id}/result.json">result.json</a></li>`,
        )
        .join('\n')
    : '<li>Пока нет подтверждённых волн. / No confirmed waves yet.</li>';
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Проверка комплектования — Placement verification</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.75rem;overflow:auto}</style>
</head><body><main>
<h1>Проверьте комплектование сами</h1>
<p>Места в детских садах распределяются автоматически: алгоритм отложенного согласия (устойчивое паросочетание,
дети «предлагают»). Результат единственен для данных входных условий, поэтому любой может пересчитать его
и сравнить. Для каждой подтверждённой волны опубликованы входные данные (номера заявлений заменены случайными
токенами, приоритеты сохранены) и результат в формате
placement-instance v1 (описан в <code>docs/placement.md</code> исходного кода).</p>
<ol>
<li>Скачайте <code>instance.json</code> и <code>result.json</code> волны.</li>
<li>Пересчитайте: <pre>npm run --silent placement -- --in instance.json --out my-result.json</pre>
или любой независимой реализацией по спецификации.</li>
<li>Сравните поле <code>assignments</code>: <pre>node -e "const a=require('./result.json').assignments,b=require('./my-result.json').assignments;const k=Object.keys(a);console.log(k.length===Object.keys(b).length&&k.every(x=>a[x]===b[x])?'совпадает':'различается')"</pre></li>
</ol>
<h2>Verify a wave yourself</h2>
<p>Seats are assigned by child-proposing deferred acceptance (a stable matching). The child-optimal stable
matching is unique for an instance, so anyone can re-solve the published instance (child ids replaced by
random tokens that keep their order, priorities kept) and compare the assignments exactly:
download both files, run <code>npm run --silent placement -- --in instance.json --out my-result.json</code>
and compare the <code>assignments</code> maps.</p>
<h2>Подтверждённые волны / Confirmed waves</h2>
<ul>
${items}
</ul>
</main></body></html>`;
}
