import { describe, expect, it } from 'vitest';
import { CsvError, parseCsvDataset } from '../../../src/core/data/csv';

const iris = `sepal_length,sepal_width,species
5.1,3.5,setosa
4.9,3.0,setosa
7.0,3.2,versicolor

6.3,3.3,virginica
`;

function csvError(text: string, options = {}): CsvError {
  try {
    parseCsvDataset(text, options);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('expected a CsvError');
}

describe('CSV import', () => {
  it('detects the header, reads features and one-hot categorical labels', () => {
    const ds = parseCsvDataset(iris, { name: 'iris' });
    expect(ds.name).toBe('iris');
    expect(ds.featureNames).toEqual(['sepal_length', 'sepal_width']);
    expect(ds.labelName).toBe('species');
    expect(ds.inputs.shape).toEqual([4, 2]);
    expect(Array.from(ds.inputs.data)).toEqual(Array.from(new Float32Array([5.1, 3.5, 4.9, 3, 7, 3.2, 6.3, 3.3])));
    expect(ds.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(ds.targets.shape).toEqual([4, 3]);
    expect(Array.from(ds.targets.data)).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('reads files without a header, other delimiters, quotes and CRLF; numeric labels stay numbers', () => {
    const ds = parseCsvDataset('1;2;0.5\r\n3;4;1.5\r\n"5";6;2.5\r\n');
    expect(ds.featureNames).toEqual(['column 1', 'column 2']);
    expect(ds.targets.shape).toEqual([3, 1]);
    expect(Array.from(ds.targets.data)).toEqual([0.5, 1.5, 2.5]);
    expect(Array.from(ds.inputs.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks columns by name or index, and categorical numeric labels on request', () => {
    const text = 'id,a,b,label\n1,10,20,2\n2,11,21,0\n3,12,22,2\n';
    const ds = parseCsvDataset(text, { features: ['b', 1], label: 'label', labelType: 'categorical' });
    expect(ds.featureNames).toEqual(['b', 'a']);
    expect(Array.from(ds.inputs.data)).toEqual([20, 10, 21, 11, 22, 12]);
    expect(ds.classes).toEqual(['0', '2']);
    expect(Array.from(ds.targets.data)).toEqual([0, 1, 1, 0, 0, 1]);
    expect(parseCsvDataset(text, { label: 0 }).featureNames).toEqual(['a', 'b', 'label']);
  });

  it('scales features: min-max, symmetric min-max, z-score, log', () => {
    const text = 'x,y\n0,0\n5,1\n10,0\n';
    expect(Array.from(parseCsvDataset(text, { scaling: 'min_max' }).inputs.data)).toEqual([0, 0.5, 1]);
    expect(Array.from(parseCsvDataset(text, { scaling: 'min_max_symmetric' }).inputs.data)).toEqual([-1, 0, 1]);
    const z = parseCsvDataset(text, { scaling: 'z_score' });
    expect(z.inputs.data[0]).toBeCloseTo(-Math.sqrt(1.5), 5);
    expect(z.scaler.shift).toEqual([5]);
    expect(parseCsvDataset(text, { scaling: 'log' }).inputs.data[2]).toBeCloseTo(Math.log(11), 5);
  });

  it('names line and column for a non-numeric cell, counting quoted line breaks and blank lines', () => {
    const e = csvError('a,b,c\n1,"two\nlines",0\n\n3,x4,1\n', { features: ['a', 'b'] });
    expect(e.line).toBe(2);
    expect(e.column).toBe(2);
    expect(e.message).toBe(`line 2, column 2 ('b'): 'two\nlines' is not a number`);
    const later = csvError('a,b,c\n1,2,"multi\nline"\n\n3,x4,1\n');
    expect(later.message).toBe("line 5, column 2 ('b'): 'x4' is not a number");
  });

  it('names line and column for ragged rows', () => {
    const short = csvError('a,b,c\n1,2,3\n4,5\n');
    expect([short.line, short.column]).toEqual([3, 3]);
    expect(short.message).toMatch(/^line 3, column 3 \('c'\): the row has 2 fields but the header has 3/);
    const long = csvError('1,2\n3,4,5\n');
    expect(long.message).toMatch(
      /^line 2, column 3: the row has 3 fields but the first row has 2: this column is extra/,
    );
  });

  it('rejects empty files, header-only files, empty cells and unknown columns', () => {
    expect(csvError('').message).toBe('line 1: the file is empty: no rows to read');
    expect(csvError('\n  \n').message).toMatch(/empty/);
    expect(csvError('a,b\n').message).toBe('line 1: the file has a header but no data rows');
    expect(csvError('a,b\n1,\n').message).toBe("line 2, column 2 ('b'): the label is empty");
    expect(csvError('a,b,c\n ,1,2\n').message).toBe("line 2, column 1 ('a'): the cell is empty; a number is needed");
    expect(csvError('a,b\n1,2\n', { label: 'z' }).message).toBe("line 1: no column named 'z' (columns: a, b)");
    expect(csvError('a,b\n-3,2\n', { scaling: 'log' }).message).toMatch(/^line 2, column 1 \('a'\): log scaling/);
    expect(csvError('a,b\n1,"2\n').message).toMatch(/^line 2: .*[Qq]uote/);
  });
});
