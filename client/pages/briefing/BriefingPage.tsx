// /rapat/<id>/briefing: a meeting's briefing as an A4 print document (cover, executive summary,
// one section per agenda pillar and OPD, follow-ups carried over, what the meeting decided), read
// from meeting.view alone. The server's PDF renderer prints this page once document.body says
// data-ready="true"; a person opens it to print from the browser or download the PDF.

import './briefing.css';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { pathWith } from '../../navigation';
import { TRPCProvider, useTRPC, useTRPCClient } from '../../trpc';
import { BriefingLink } from './BriefingLink';
import { Cover, Summary } from './Front';
import { CarriedOver, Decided } from './Outcomes';
import { briefingPath } from './path';
import { OpdSection, PillarSection } from './Sections';
import type { BriefingView } from './types';
import { useDocumentReady } from './useDocumentReady';
import { W } from './words';

function errorCode(error: unknown): string | undefined {
  return (error as { data?: { code?: string } } | null)?.data?.code;
}

/** A document is read once: no polling, no refetch on focus; a refusal is an answer, not retried. */
function createBriefingQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        refetchInterval: false,
        retry: (failures, error) => errorCode(error) === undefined && failures < 2,
      },
    },
  });
}

export function BriefingDocument({ view }: { view: BriefingView }) {
  const { items, snapshot } = view;
  const seen = new Set<string>();
  const sections = items.flatMap((item) => {
    const key =
      item.kind === 'pillar' ? `p:${item.pillarCode}` : item.kind === 'opd' ? `o:${item.opdCode}` : 'f';
    if (seen.has(key)) return [];
    seen.add(key);
    if (item.kind === 'pillar' && item.pillarCode) {
      const data = snapshot.pillars[item.pillarCode];
      return data ? [<PillarSection key={key} code={item.pillarCode} data={data} />] : [];
    }
    if (item.kind === 'opd' && item.opdCode) {
      const data = snapshot.opds[item.opdCode];
      return data
        ? [
            <OpdSection
              key={key}
              code={item.opdCode}
              data={data}
              year={snapshot.year}
              asOfMonth={snapshot.overview.budget.asOfMonth}
            />,
          ]
        : [];
    }
    return [<CarriedOver key={key} view={view} />];
  });
  const carriedInAgenda = seen.has('f');
  return (
    <>
      <Cover view={view} />
      <Summary overview={snapshot.overview} />
      {sections}
      {/* Carried-over follow-ups not on the agenda (none overdue) still get their page, then the outcome. */}
      {carriedInAgenda ? null : <CarriedOver view={view} />}
      <Decided view={view} newPage={carriedInAgenda} />
    </>
  );
}

function Toolbar({ id }: { id: number }) {
  return (
    <nav className="b-toolbar" aria-label={W.docKind}>
      <a href={`/rapat/${id}`}>← {W.back}</a>
      <span className="b-toolbar-note">{W.toolbarNote}</span>
      <button type="button" className="btn" onClick={() => window.print()}>
        {W.print}
      </button>
      <BriefingLink meetingId={id} showPrintView={false} />
    </nav>
  );
}

function Message({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="b-message" role="alert" data-testid="briefing-message">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

function Briefing({ id }: { id: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.meeting.view.queryOptions({ id }));
  const root = useRef<HTMLElement>(null);
  useDocumentReady(root, q.isSuccess);

  useEffect(() => {
    if (q.data) document.title = `Briefing · ${q.data.meeting.title}`;
  }, [q.data]);
  // The renderer stops waiting at once on a refusal instead of running into its timeout.
  useEffect(() => {
    if (!q.isError) return;
    document.body.dataset.briefingError = q.error.message || W.loadError;
    return () => {
      delete document.body.dataset.briefingError;
    };
  }, [q.isError, q.error]);

  let body: ReactNode;
  if (q.isPending)
    body = (
      <p className="b-loading" role="status">
        {W.loading}
      </p>
    );
  else if (q.isError) {
    const code = errorCode(q.error);
    body =
      code === 'UNAUTHORIZED' ? (
        <Message title={W.signIn}>
          <a href={pathWith('/masuk', { next: briefingPath(id) })}>{W.signInAction}</a>
        </Message>
      ) : code === 'FORBIDDEN' ? (
        <Message title={W.forbidden} />
      ) : (
        <Message title={W.loadError}>{q.error.message}</Message>
      );
  } else body = <BriefingDocument view={q.data} />;

  return (
    <>
      <Toolbar id={id} />
      <main ref={root} className="b-doc" data-testid="briefing-root" data-meeting={id}>
        {body}
      </main>
    </>
  );
}

export default function BriefingPage({ id }: { id: number }) {
  const trpcClient = useTRPCClient();
  const [queryClient] = useState(createBriefingQueryClient);
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add('briefing-doc');
    return () => html.classList.remove('briefing-doc');
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Briefing id={id} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
