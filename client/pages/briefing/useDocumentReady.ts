// Tells the PDF renderer (and browser tests) when the document may be printed: the data is in,
// every chart under the root reports data-painted="true" (ECharts' `finished`), and the fonts are
// loaded. Then the root and document.body carry data-ready="true".

import { type RefObject, useEffect } from 'react';

export function useDocumentReady(root: RefObject<HTMLElement | null>, loaded: boolean): void {
  useEffect(() => {
    const el = root.current;
    if (!loaded || !el) return;
    let done = false;
    const check = () => {
      if (done) return;
      const charts = el.querySelectorAll('.echart');
      if (![...charts].every((c) => c.getAttribute('data-painted') === 'true')) return;
      done = true;
      observer.disconnect();
      void document.fonts.ready.then(() => {
        if (!el.isConnected) return;
        el.dataset.ready = 'true';
        document.body.dataset.ready = 'true';
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(el, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-painted'],
    });
    check();
    return () => {
      done = true;
      observer.disconnect();
      delete el.dataset.ready;
      delete document.body.dataset.ready;
    };
  }, [root, loaded]);
}
