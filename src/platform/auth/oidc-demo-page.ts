import type { DemoEsiaAccount } from './demo-esia-accounts.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The demo provider's sign-in page: pick a demo citizen (no passwords — it is a stand-in for ЕСИА). */
export function renderDemoSignInPage(uid: string, accounts: readonly DemoEsiaAccount[]): string {
  const options = accounts
    .map(
      (
        a,
        i,
      ) => `<label class="acc"><input type="radio" name="sub" value="${escapeHtml(a.sub)}"${i === 0 ? ' checked' : ''}>
        <span><strong>${escapeHtml(`${a.lastName} ${a.firstName} ${a.middleName}`)}</strong><br><small>${escapeHtml(a.description)}</small></span></label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Вход — демо-Госуслуги</title>
<style>
body{font-family:system-ui,sans-serif;background:#f2f5f9;margin:0;color:#0b1f33}
main{max-width:460px;margin:40px auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 6px} p{color:#44566c}
.acc{display:flex;gap:12px;align-items:flex-start;border:1px solid #d5dde6;border-radius:8px;padding:12px;margin:10px 0;cursor:pointer}
.acc input{margin-top:4px;width:20px;height:20px}
button{background:#0d4cd3;color:#fff;border:0;border-radius:8px;padding:14px 20px;font-size:1rem;width:100%;cursor:pointer;min-height:48px}
button:focus-visible,.acc:focus-within{outline:3px solid #ffb020;outline-offset:2px}
</style></head>
<body><main>
<h1>Демо-вход через Госуслуги</h1>
<p>Это учебный поставщик входа (OpenID Connect), заменяющий ЕСИА в демо-режиме. Выберите жителя.</p>
<form method="post" action="/oidc/interaction/${escapeHtml(uid)}/login">
<fieldset style="border:0;padding:0;margin:0"><legend class="sr">Демо-жители</legend>
${options}
</fieldset>
<button type="submit">Войти</button>
</form>
</main></body></html>`;
}
