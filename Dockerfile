# syntax=docker/dockerfile:1
#
# isales-gateway image. One image runs both programs:
#   gateway (default):  node dist/main.js
#   simulator:          node dist/simulator/simulator/main.js   (override the command)
#
# Stages: build (all dependencies, compiles TypeScript) -> deps (production dependencies only)
# -> runtime (Node, node_modules from deps, dist from build; nothing else).
#
# Runtime notes:
# - Runs as the unprivileged `node` user (uid 1000) that the official Node images ship.
# - Read-only root filesystem friendly: the application writes nothing to disk at run time (logs go
#   to stdout as JSON) and needs no /tmp. The files in /app belong to root, so the process cannot
#   change its own code even when the root filesystem is writable. If a future dependency needs a
#   scratch directory, mount an emptyDir/tmpfs on /tmp rather than making the root writable.
# - No npm at run time: CMD starts node directly, so SIGTERM reaches Node, which drains in-flight
#   requests for up to SHUTDOWN_GRACE_MS (default 20000) before exiting 0.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: install every dependency (dev included) and compile gateway + simulator into dist/
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json tsconfig.simulator.json nest-cli.json ./
COPY src ./src
COPY simulator ./simulator
RUN npm run build \
 && test -f dist/main.js \
 && test -f dist/simulator/simulator/main.js

# ---------------------------------------------------------------------------------------------
# deps: production dependencies only (no compilers, no test tools, no install scripts)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts \
 && npm cache clean --force

# ---------------------------------------------------------------------------------------------
# runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./

# Unprivileged; numeric so that Kubernetes' runAsNonRoot can verify it without a passwd lookup.
USER 1000:1000

EXPOSE 3000
# Prometheus metrics (METRICS_PORT): a listener of its own, never the API port.
EXPOSE 9464

# Slim images have no curl: Node itself asks the liveness route (global fetch, Node >= 18).
# It uses PORT from the environment; HOST must be 0.0.0.0 or include 127.0.0.1 for it to reach.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live',{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Exec form, no shell, no npm: PID 1 is node and receives SIGTERM. CMD (not ENTRYPOINT) so that
# `command: ["node", "dist/simulator/simulator/main.js"]` replaces it to run the simulator.
# --max-semi-space-size=8 (MiB): under load Node 24 lets the young generation grow to about 128 MB of
# RSS; a gateway's garbage is short-lived. 16 MiB measured no better once nothing kept requests'
# answers alive through scavenges, and took 10 to 15 MB more RSS (bench/README.md, heap flags).
# --heap-growing-percent=50: old space is collected once it grows by half of what survived the last
# full GC (V8 otherwise lets it reach about three times that under load, and RSS keeps the peak); with
# 50 to 60 MB live, that keeps a replica within 200 MB after a soak at no measurable CPU per request
# (bench/README.md). The bench and the chart run the same flags.
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "dist/main.js"]
