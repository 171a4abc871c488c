# syntax=docker/dockerfile:1
# The Tavoitteet app server for a municipality's tenant (MODE=tenant): command API, bot endpoint,
# reminder scheduler and the built tab, on Node 20, as a non-root user, with production
# dependencies only. Build: `docker build -t tavoitteet .` — docs/decisions/0007-deployment.md.

# 1. Build the tab (vite, a devDependency) with every dependency installed.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY manifest ./manifest
COPY src ./src
RUN npx vite build --logLevel warn

# 2. Production dependencies only (better-sqlite3 compiles here if it has no prebuilt binary:
#    this image has the compiler, the runtime image does not need one).
FROM node:20-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: the server runs its TypeScript through tsx (a production dependency, see 0007).
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    MODE=tenant \
    HOST=0.0.0.0 \
    PORT=3978
WORKDIR /app
# Owned by root and read-only for the app's user: the server writes nothing in tenant mode.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY manifest ./manifest
COPY src ./src
COPY --from=build /app/dist/tab ./dist/tab
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1 (not npm), so SIGTERM reaches the server's graceful stop (src/server/main.ts).
CMD ["node", "--import", "tsx", "src/server/main.ts"]
