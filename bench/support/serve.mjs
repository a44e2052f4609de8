// How every server of the bench listens and stops: one place, so that the four servers differ only
// in what they do per request.

/**
 * Listens on a free loopback port with `keepAliveTimeoutMs`, tells the runner the port, and on
 * SIGTERM, SIGINT or the runner going away runs `release` (the server's own clients, its log), closes
 * every connection and exits.
 */
export function serve(server, keepAliveTimeoutMs, release = () => {}) {
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  const stop = () => {
    release();
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}
