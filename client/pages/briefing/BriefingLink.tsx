// The meeting page's way to its briefing: "Unduh briefing (PDF)" (the server renders the print
// view in headless Chromium; a few seconds) and the print view itself. The download is fetched
// so that a refusal (another briefing being made, Chromium missing) shows its Indonesian message
// here instead of a browser error page; without JavaScript the plain link still works.

import { type MouseEvent, useState } from 'react';
import { useT } from '../../office/useT';
import { briefingPath, briefingPdfUrl } from './path';

/** The file name the server sent, or a fallback. */
function fileNameOf(res: Response, id: number): string {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ?? `briefing-rapat-${id}.pdf`;
}

export function BriefingLink({
  meetingId,
  showPrintView = true,
  className,
}: {
  meetingId: number;
  /** Off on the print view itself. */
  showPrintView?: boolean;
  className?: string;
}) {
  const { t } = useT();
  const [state, setState] = useState<{ kind: 'idle' | 'making' } | { kind: 'failed'; message: string }>({
    kind: 'idle',
  });
  const href = briefingPdfUrl(meetingId);

  const download = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    if (state.kind === 'making') return;
    setState({ kind: 'making' });
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setState({ kind: 'failed', message: body?.error ?? `HTTP ${res.status}` });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res, meetingId);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'failed', message: t('error.network') });
    }
  };

  return (
    <span className={className ? `briefing-link ${className}` : 'briefing-link'} data-testid="briefing-link">
      <a
        href={href}
        onClick={download}
        aria-busy={state.kind === 'making'}
        data-testid="briefing-download"
        className="btn btn--primary"
      >
        {t('briefing.download')}
      </a>
      {showPrintView ? (
        <>
          {' '}
          <a href={briefingPath(meetingId)} data-testid="briefing-print-view">
            {t('briefing.print')}
          </a>
        </>
      ) : null}
      <span role="status" aria-live="polite" data-testid="briefing-status">
        {state.kind === 'making'
          ? ` ${t('briefing.making')}`
          : state.kind === 'failed'
            ? ` ${t('briefing.failed', { message: state.message })}`
            : ''}
      </span>
    </span>
  );
}
