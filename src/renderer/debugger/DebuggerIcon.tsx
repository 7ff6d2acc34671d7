import { LineIcon } from '../icons/LineIcon';

export type DebuggerIconName = 'step-forward' | 'step-backward' | 'run-pass' | 'reset' | 'apply' | 'close';

// 16x16 strokes matching the editor's toolbar icons.
const paths: Record<DebuggerIconName, string> = {
  'step-forward': 'M2.5 8H10.5 M7.5 4.5L11 8L7.5 11.5 M13.5 3.5V12.5',
  'step-backward': 'M13.5 8H5.5 M8.5 4.5L5 8L8.5 11.5 M2.5 3.5V12.5',
  'run-pass': 'M2.5 5.5H11.5L9 3 M13.5 10.5H4.5L7 13',
  reset: 'M3.2 9.5A5 5 0 1 0 4.2 4.3 M4.2 1.5V4.3H7',
  apply: 'M8 2.5V10 M4.5 6.5L8 10L11.5 6.5 M3 13.5H13',
  close: 'M4 4L12 12 M12 4L4 12',
};

/** A small line icon; decorative, so the button around it carries the name. */
export function DebuggerIcon({ name }: { name: DebuggerIconName }) {
  return <LineIcon path={paths[name]} strokeWidth="1.5" />;
}
