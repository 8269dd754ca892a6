// Bootstrap Italia bundles video.js, which on load writes a <style> element into the page:
// the Content-Security-Policy (style-src 'self') refuses it. We play no video, so it stays off.
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
