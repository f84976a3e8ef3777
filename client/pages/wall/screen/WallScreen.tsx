// The deeper wall screens (Anggaran, Layanan, SPBE, Kepatuhan, one pillar) in the shared wall
// frame: one query feeds the screen; its data, or skeleton tiles while it loads.

import type { ReactNode } from 'react';
import { TileSkeleton } from '../../../components/Tile';
import { WallFrame, type WallMeta } from '../../../components/WallFrame';
import { useDisconnectedSince } from '../../../hooks/useDisconnectedSince';
import './screens.css';

export function WallScreen<T>({
  name,
  title,
  query,
  meta,
  skeleton,
  children,
}: {
  name: string;
  title: string;
  query: { data: T | undefined; failureCount: number; isError: boolean };
  meta: (data: T) => WallMeta;
  /** Tile class names laid out while loading, so the grid keeps its shape. */
  skeleton: readonly string[];
  children: (data: T) => ReactNode;
}) {
  const failingSince = useDisconnectedSince(query);
  const data = query.data;
  return (
    <WallFrame
      name={name}
      title={title}
      meta={data === undefined ? null : meta(data)}
      queryFailingSince={failingSince}
      skeleton={skeleton.map((cls) => <TileSkeleton key={cls} title="" className={cls} />)}
    >
      {data === undefined ? null : children(data)}
    </WallFrame>
  );
}
