// Loaded by the inline loader once the page is interactive (so not part of the first load):
// registers ./sw.js once the text is checked (below), asks it to cache the parts in the background,
// and when a new build's worker is waiting shows "A new version is ready — reload"
// (data-testid=update-ready). Nothing swaps code under the user: only that button tells the waiting
// worker to take over, then reloads (the draft survives a reload). The text follows <html lang> (the
// page's language switch sets it).
const sw = navigator.serviceWorker;
const TEXT = {
  en: ['A new version is ready — reload', 'Reload'],
  pt: ['Uma nova versão está pronta — recarregue', 'Recarregar'],
};
let asked = false;

function banner(worker) {
  if (document.querySelector('[data-testid=update-ready]')) return;
  const box = document.createElement('div');
  box.className = 'update-ready';
  box.setAttribute('role', 'status');
  box.dataset.testid = 'update-ready';
  const say = document.createElement('span');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.dataset.testid = 'update-reload';
  const write = () => {
    const [text, label] = TEXT[document.documentElement.lang.startsWith('pt') ? 'pt' : 'en'];
    say.textContent = text;
    button.textContent = label;
  };
  write();
  new MutationObserver(write).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  button.onclick = () => {
    asked = true;
    worker.postMessage('skip');
  };
  box.append(say, button);
  document.body.append(box);
}

// Its install downloads the first load again, as files (~150 KB brotli): on a phone's link that would
// take the bandwidth from the rules part the page fetches as it starts. So the worker is registered
// once the text is checked by its rules (the page's `evo-checked` measure), or after 10 s regardless.
const checked = new Promise((ok) => {
  setTimeout(ok, 10000);
  try {
    const seen = new PerformanceObserver((list) => list.getEntriesByName('evo-checked').length && (seen.disconnect(), ok()));
    seen.observe({ type: 'measure', buffered: true });
  } catch { ok(); }
});

if (sw) {
  sw.addEventListener('controllerchange', () => asked && location.reload());
  checked.then(() => sw.register('./sw.js')).then((reg) => {
    const waiting = () => reg.waiting && sw.controller && banner(reg.waiting);
    waiting();
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => next.state === 'installed' && waiting());
    });
  }, () => {});
  // The parts are cached when the page is idle (a phone's bandwidth goes to what the user does first).
  const idle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 5000 }) : setTimeout(f, 1000));
  sw.ready.then((reg) => idle(() => reg.active?.postMessage('later')));
}
