#!/usr/bin/env node
// The QR code of a certificate, as a registry office's system prints it: the certificate's
// hash (what `civilEvents.issueCertificate` recorded), or a link to the citizen's portal that
// carries it (`https://portal.example/#0x…`). The portal (portal/) reads either back, from the
// camera or from a picture, and asks the public gateway `civil_verifyCertificate`.
//
//   npm ci                      (at the repository root: one workspace)
//   node scripts/qr/certificate-qr.mjs <0x + 64 hex digits> [--portal URL] [--png FILE | --svg FILE]
//
// Without --png or --svg the code is drawn in the terminal. Error correction level M (15 %):
// a printed certificate survives a stain or a fold.
import QRCode from 'qrcode';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const hash = args[0];
if (!/^0x[0-9a-fA-F]{64}$/.test(hash ?? '')) {
  console.error('usage: certificate-qr.mjs <0x + 64 hex digits> [--portal URL] [--png FILE | --svg FILE]');
  process.exit(2);
}
const portal = option('--portal');
const text = portal ? `${portal.replace(/#.*$/, '')}#${hash.toLowerCase()}` : hash.toLowerCase();
const options = { errorCorrectionLevel: 'M', margin: 4 };
if (option('--png')) {
  await QRCode.toFile(option('--png'), text, { ...options, type: 'png', width: 512 });
} else if (option('--svg')) {
  await QRCode.toFile(option('--svg'), text, { ...options, type: 'svg' });
} else {
  process.stdout.write(await QRCode.toString(text, { ...options, type: 'terminal', small: true }));
}
console.error(`certificate-qr: ${text}`);
