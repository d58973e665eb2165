// Phase One widget: iframe auto-height for pages that embed it without pym.js.
// Listens for the widget's AMP-format size messages ({sentinel:"amp", type:"embed-size"})
// and sizes the matching <iframe data-phase-one-frame>. Only messages from one of those
// frames' own windows, sent from the origin of the frame's address, are taken, and only
// heights between 100 and 20,000 px. No inline script or style needed, so it works under
// a strict Content-Security-Policy.
const MIN = 100;
const MAX = 20000;
window.addEventListener('message', (event) => {
  const d = event.data;
  if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  const height = Number(d.height);
  if (!Number.isFinite(height) || height < MIN || height > MAX) return;
  for (const frame of document.querySelectorAll('iframe[data-phase-one-frame]')) {
    if (frame.contentWindow !== event.source) continue;
    let origin;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch {
      continue;
    }
    if (origin === event.origin) frame.style.height = `${Math.ceil(height)}px`;
  }
});
