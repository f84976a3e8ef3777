// Status is never colour alone: each tone has its own shape (check, triangle, octagon, dash).

export type StatusColour = 'hijau' | 'kuning' | 'merah' | 'abu';

const PATHS: Record<StatusColour, string> = {
  // circle with a check mark
  hijau: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zm-1.2 14.2-4.3-4.3 1.6-1.6 2.7 2.7 5.6-5.6 1.6 1.6z',
  // warning triangle with "!"
  kuning: 'M12 2 1 21h22zm-1 6h2v7h-2zm0 9h2v2h-2z',
  // octagon with a cross
  merah:
    'M7.9 2h8.2L22 7.9v8.2L16.1 22H7.9L2 16.1V7.9zm.6 5 -1.5 1.5 3.5 3.5-3.5 3.5 1.5 1.5 3.5-3.5 3.5 3.5 1.5-1.5-3.5-3.5 3.5-3.5-1.5-1.5-3.5 3.5z',
  // circle with a dash
  abu: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM7 11h10v2H7z',
};

export function isStatusColour(value: unknown): value is StatusColour {
  return value === 'hijau' || value === 'kuning' || value === 'merah' || value === 'abu';
}

export function StatusIcon({ colour, size = 24 }: { colour: StatusColour; size?: number }) {
  return (
    <svg
      className={`status-icon tone-${colour}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[colour]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
