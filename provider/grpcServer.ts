// What both front ends' gRPC servers do the same way.

import type { Server } from "@grpc/grpc-js";

/** Stops accepting calls and lets those in flight finish, for at most `graceMs`; then closes everything. */
export function shutdownGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    timer.unref();
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
