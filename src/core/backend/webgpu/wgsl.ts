/**
 * Put in front of every kernel. Kernels over n values use workgroup_size(64) and dispatch
 * groups1d(n); invocation() gives the flat index across the two dimensions that dispatch uses.
 */
export const WGSL_PRELUDE = /* wgsl */ `
fn invocation(gid: vec3u, groups: vec3u) -> u32 {
  return gid.x + gid.y * groups.x * 64u;
}
`;
