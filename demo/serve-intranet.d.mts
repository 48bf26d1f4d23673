// Types for serve-intranet.mjs (plain Node ESM so it runs without a build step).
export interface IntranetServer {
  url: string;
  close(): Promise<void>;
}
export function startIntranet(options?: { port?: number; host?: string; root?: string }): Promise<IntranetServer>;
