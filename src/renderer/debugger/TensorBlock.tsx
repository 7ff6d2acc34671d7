import { memo } from 'react';
import type { TensorValues } from '../../protocol/results';
import { TensorView } from './TensorView';
import { flat } from './tensor-values';

export interface TensorBlockProps {
  /** The symbol, as the formulas write it: "∂E/∂W". */
  symbol: string;
  /** What it is, in words: "from h_act (hidden out)". */
  note?: string;
  values: TensorValues;
  digits: number;
  axes?: readonly [string, string];
  sliceAxes?: readonly [string, string];
}

/** One named tensor: its symbol, shape and what it is, then its values. */
export const TensorBlock = memo(function TensorBlock({
  symbol,
  note,
  values,
  digits,
  axes,
  sliceAxes,
}: TensorBlockProps) {
  const { shape } = flat(values);
  return (
    <div className="bs-dbg-block">
      <div className="bs-dbg-block__head">
        <span className="bs-dbg-block__symbol">{symbol}</span>
        {note && <span className="bs-dbg-block__note">{note}</span>}
        <span className="bs-dbg-block__shape">{shape.length ? `[${shape.join(', ')}]` : 'scalar'}</span>
      </div>
      <TensorView
        values={values}
        digits={digits}
        axes={axes}
        sliceAxes={sliceAxes}
        label={note ? `${symbol} ${note}` : symbol}
      />
    </div>
  );
});
