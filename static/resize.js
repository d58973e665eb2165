// Phase One widget: iframe auto-height for pages that embed it without pym.js.
// Listens for the widget's AMP-format size messages ({sentinel:"amp", type:"embed-size"})
// and sizes the matching <iframe data-phase-one-frame>. Only messages from one of those
// frames' own windows, sent from the origin of the frame's address, are taken; a height
// is held between 100 and 100,000 px (a frame never collapses, and a runaway height can't
// make the page endless, while the tallest real view, every event at 240 px, fits). No
// inline script or style needed, so it works under a strict Content-Security-Policy.
// A frame sends its height when it changes; this script, which may start after a frame
// has sent its first, asks each frame once for its height as it starts.
const MIN = 100;
const MAX = 100000;
const frameOrigin = (frame) => {
  try {
    return new URL(frame.src, document.baseURI).origin;
  } catch {
    return null;
  }
};
window.addEventListener('message', (event) => {
  const d = event.data;
  if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  const height = Math.min(MAX, Math.max(MIN, Number(d.height)));
  if (!Number.isFinite(height)) return;
  for (const frame of document.querySelectorAll('iframe[data-phase-one-frame]')) {
    if (frame.contentWindow !== event.source) continue;
    if (frameOrigin(frame) === event.origin) frame.style.height = `${Math.ceil(height)}px`;
  }
});
for (const frame of document.querySelectorAll('iframe[data-phase-one-frame]')) {
  const origin = frameOrigin(frame);
  if (origin && origin !== 'null') frame.contentWindow?.postMessage('phase-one:embed-size?', origin);
}
