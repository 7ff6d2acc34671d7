/** Raised whenever a message changes shape; both sides check it in `hello`. */
export const PROTOCOL_VERSION = 2;
