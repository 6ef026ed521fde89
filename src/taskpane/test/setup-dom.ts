/**
 * Shared jsdom setup for the pane's component tests: Fluent UI v9 needs ResizeObserver and
 * matchMedia, which jsdom does not have. Import this first in every DOM test file.
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub, writable: true });
    Object.defineProperty(globalThis, 'ResizeObserver', { value: ResizeObserverStub, writable: true });
  }
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string): MediaQueryList => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
}

// jsdom's global has no structuredClone (the engine uses it); Node's v8 serialiser gives the same copy.
if (typeof globalThis.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require('node:v8') as typeof import('node:v8');
  Object.defineProperty(globalThis, 'structuredClone', {
    writable: true,
    value: <T,>(v: T): T => v8.deserialize(v8.serialize(v)) as T,
  });
}

export {};
