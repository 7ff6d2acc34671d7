import { memo } from 'react';
import { Tex } from './Tex';

export interface FormulaBoxProps {
  label: string;
  tex: string;
}

/** The parts of a formula that kinds join with ",\quad", one a line, so they fit a narrow panel. */
export function formulaParts(tex: string): string[] {
  return tex
    .split(/,\s*\\quad\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A kind's general formula, as a boxed block above the worked numbers. */
export const FormulaBox = memo(function FormulaBox({ label, tex }: FormulaBoxProps) {
  return (
    <div className="bs-dbg-formula">
      <span className="bs-dbg-formula__label">{label}</span>
      {formulaParts(tex).map((part) => (
        <Tex key={part} tex={part} block />
      ))}
    </div>
  );
});
