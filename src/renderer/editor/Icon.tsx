import { LineIcon } from '../icons/LineIcon';

export type IconName =
  | 'new'
  | 'open'
  | 'save'
  | 'undo'
  | 'redo'
  | 'logo'
  | 'examples'
  | 'panel-left'
  | 'panel-right'
  | 'settings';

// 16x16 strokes, drawn to sit on the text baseline of a 13px toolbar.
const paths: Record<IconName, string> = {
  new: 'M4 1.5h5.5L12.5 4.5V14.5H4z M9.5 1.5V4.5H12.5',
  open: 'M1.5 4V13.5H12.5L14.5 7H4L2.5 12 M1.5 4V2.5H6L7.5 4H12.5V7',
  save: 'M2.5 2.5H11L13.5 5V13.5H2.5z M5 2.5V6H10.5V2.5 M5 13.5V9.5H11V13.5',
  undo: 'M5.5 3L2.5 6L5.5 9 M2.5 6H10A3.5 3.5 0 0 1 10 13H7',
  redo: 'M10.5 3L13.5 6L10.5 9 M13.5 6H6A3.5 3.5 0 0 0 6 13H9',
  examples:
    'M2 3.5H6A2 2 0 0 1 8 5.5V13.5A1.5 1.5 0 0 0 6.5 12H2z M14 3.5H10A2 2 0 0 0 8 5.5V13.5A1.5 1.5 0 0 1 9.5 12H14z',
  'panel-left': 'M2 3H14V13H2z M6 3V13',
  'panel-right': 'M2 3H14V13H2z M10 3V13',
  // Three sliders: the usual sign for settings, simpler to draw at 16px than a gear.
  settings: 'M2 4H6 M9 4H14 M7.5 2.5V5.5 M2 8H10 M13 8H14 M11.5 6.5V9.5 M2 12H4 M7 12H14 M5.5 10.5V13.5',
  logo: 'M3 4.5A1.5 1.5 0 1 0 3 4.49 M3 11.5A1.5 1.5 0 1 0 3 11.49 M13 8A1.5 1.5 0 1 0 13 7.99 M4.5 4.5L11.5 8 M4.5 11.5L11.5 8',
};

/** A small line icon; decorative, so the button around it carries the name. */
export function Icon({ name }: { name: IconName }) {
  return <LineIcon path={paths[name]} strokeWidth="1.4" />;
}
