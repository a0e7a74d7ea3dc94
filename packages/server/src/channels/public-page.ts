// The HTML of the public short-link page /c/<code>: small, mobile-first, zh-CN, inline CSS, no scripts. Every
// name and message comes from staff input and is escaped.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Nothing on these pages loads from elsewhere, and nothing runs. */
export const PAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f6f8;color:#1f2329}
main{max-width:420px;margin:0 auto;padding:32px 20px;text-align:center}
.card{background:#fff;border-radius:12px;padding:24px 20px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:20px;margin:0 0 16px;word-break:break-word}
img{width:100%;max-width:280px;height:auto;display:block;margin:0 auto;border-radius:8px}
.hint{margin:16px 0 0;font-size:15px;color:#646a73}
.msg{font-size:16px;line-height:1.6;white-space:pre-wrap;word-break:break-word;margin:0}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main><div class="card">${body}</div></main></body>
</html>
`;
}

/** The routed group: its name and uploaded QR, to be long-pressed in WeChat. */
export function groupPage(groupName: string, qrSrc: string): string {
  return page(groupName, `<h1>${escapeHtml(groupName)}</h1><img src="${escapeHtml(qrSrc)}" alt="${escapeHtml(groupName)} 群二维码"><p class="hint">长按识别二维码加入群聊</p>`);
}

/** No group can take the visitor: the channel's fallback message (or a default one). */
export function fallbackPage(channelName: string, message: string): string {
  const text = message.trim() || '群已满，请稍后再来或联系工作人员。';
  return page(channelName, `<h1>${escapeHtml(channelName)}</h1><p class="msg">${escapeHtml(text)}</p>`);
}

export function notFoundPage(): string {
  return page('链接不存在', '<h1>链接不存在</h1><p class="msg">这个链接无效或已停用。</p>');
}
