/** A small 16x16 line icon drawn from one path; decorative, so the button around it carries the name. */
export function LineIcon({ path, strokeWidth }: { path: string; strokeWidth: string }) {
  return (
    <svg className="bs-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
