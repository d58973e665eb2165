// Phase One widget: iframe auto-height for pages that embed it without pym.js.
// Listens for the widget's AMP-format size messages ({sentinel:"amp", type:"embed-size"})
// and sizes the matching <iframe data-phase-one-frame>. No inline script or style needed,
// so it works under a strict Content-Security-Policy.
window.addEventListener('message', (event) => {
  const d = event.data;
  if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  const height = Number(d.height);
  if (!Number.isFinite(height) || height <= 0) return;
  for (const frame of document.querySelectorAll('iframe[data-phase-one-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  }
});
