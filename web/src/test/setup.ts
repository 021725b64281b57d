import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import '../i18n';
import i18n from '../i18n';
import { clearSession } from '../api/session';

void i18n.changeLanguage('en');

// findBy*/waitFor give up after 1 s by default; on the shared, loaded build machine a page's first data can take longer
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks these browser APIs that MUI and the charts touch
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

afterEach(() => {
  cleanup();
  clearSession(); // also the in-memory copy of the session
  sessionStorage.clear();
  localStorage.clear();
});

// jsdom has no canvas; axe-core probes it (and would log "not implemented")
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
