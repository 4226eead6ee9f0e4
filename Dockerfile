# bailian-doctor: the HTTP API, plus each bot whose token is set (npm start). Multi-stage: the build stage compiles
# with the dev tools; the runtime stage holds the compiled code, the rules and the runtime packages only, runs as
# the unprivileged `node` user, and writes nothing outside DATA_DIR (storage) and CACHE_DIR (derived caches), so
# `docker run --read-only` works. The steps are replayed without Docker by `npm run deploy:replay` (CI runs it).
#
#   docker build -t bailian-doctor .
#   docker run --rm --read-only -p 8080:8080 -v bd-data:/data -e API_TOKENS=$(openssl rand -hex 32) bailian-doctor

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# Exactly the lock file, with install scripts (native packages fetch their binaries); `prepare` finds no src/ yet
# and builds nothing, so this layer is reused until the lock file changes.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY rules ./rules
RUN node scripts/build.mjs --package
# Keep the runtime packages (dependencies plus the surfaces' optional peers) and drop the dev tools, offline.
# recheck's Java jar is dropped: the image has no Java, and recheck uses its native binary.
RUN cp package.json package.orig.json \
 && node scripts/runtime-manifest.mjs package.json \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && mv package.orig.json package.json \
 && rm -rf node_modules/recheck-jar

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data \
    CACHE_DIR=/data/cache \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/rules ./rules
COPY bin ./bin
COPY slack/manifest.yaml ./slack/manifest.yaml
COPY .env.example ./.env.example
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# Liveness: the process answers. (Readiness for an orchestrator: GET /readyz, 503 while draining.)
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains in-flight requests (up to 10 s) and exits 0; node runs as PID 1 and handles it itself.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
