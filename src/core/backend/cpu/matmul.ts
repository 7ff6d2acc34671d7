import { allocate, Tensor, type TypedArray } from '../../tensor/tensor';

/** C = op(A) op(B). Loop orders keep the innermost loop on contiguous memory and allocate nothing. */
export function matmul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new Error(`matmul needs rank-2 tensors, got [${a.shape}] and [${b.shape}]`);
  }
  const m = transposeA ? a.shape[1] : a.shape[0];
  const k = transposeA ? a.shape[0] : a.shape[1];
  const kb = transposeB ? b.shape[1] : b.shape[0];
  const n = transposeB ? b.shape[0] : b.shape[1];
  if (k !== kb) throw new Error(`matmul inner sizes differ: ${k} and ${kb}`);
  const c = allocate(a.dtype, m * n);
  const A = a.data;
  const B = b.data;
  if (!transposeA && !transposeB) matmulNN(A, B, c, m, k, n);
  else if (transposeA && !transposeB) matmulTN(A, B, c, m, k, n);
  else if (!transposeA && transposeB) matmulNT(A, B, c, m, k, n);
  else matmulTT(A, B, c, m, k, n);
  return new Tensor([m, n], c);
}

// i-k-j: each A[i,p] scales a contiguous row of B into a contiguous row of C.
function matmulNN(A: TypedArray, B: TypedArray, C: TypedArray, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    for (let p = 0; p < k; p++) {
      const aip = A[i * k + p];
      if (aip === 0) continue;
      const bRow = p * n;
      for (let j = 0; j < n; j++) C[cRow + j] += aip * B[bRow + j];
    }
  }
}

// A is [k, m]: p-i-j keeps both B and C rows contiguous.
function matmulTN(A: TypedArray, B: TypedArray, C: TypedArray, m: number, k: number, n: number): void {
  for (let p = 0; p < k; p++) {
    const bRow = p * n;
    for (let i = 0; i < m; i++) {
      const api = A[p * m + i];
      if (api === 0) continue;
      const cRow = i * n;
      for (let j = 0; j < n; j++) C[cRow + j] += api * B[bRow + j];
    }
  }
}

// B is [n, k]: every C[i,j] is a dot product of two contiguous rows.
function matmulNT(A: TypedArray, B: TypedArray, C: TypedArray, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const aRow = i * k;
    for (let j = 0; j < n; j++) {
      const bRow = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[aRow + p] * B[bRow + p];
      C[i * n + j] = s;
    }
  }
}

function matmulTT(A: TypedArray, B: TypedArray, C: TypedArray, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[p * m + i] * B[j * k + p];
      C[i * n + j] = s;
    }
  }
}
