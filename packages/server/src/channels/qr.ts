// The channel's own QR code: its absolute short link (/c/<code>) drawn as PNG or SVG with the `qrcode` package.
import QRCode from 'qrcode';

/** QUNYUN_PUBLIC_URL when set (the address people reach us at), else the origin the request came to. */
export function shortLinkUrl(code: string, publicUrl: string | undefined, requestOrigin: string): string {
  return `${(publicUrl ?? requestOrigin).replace(/\/+$/, '')}/c/${encodeURIComponent(code)}`;
}

export function qrPng(url: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' });
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}
