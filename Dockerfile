# Production image: build everything, then run the API (which also serves the built frontend) as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY schemas/package.json schemas/
COPY workflows/package.json workflows/
COPY regimes/package.json regimes/
COPY api-types/package.json api-types/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY test/package.json test/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY schemas/package.json schemas/
COPY workflows/package.json workflows/
COPY regimes/package.json regimes/
COPY api-types/package.json api-types/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY test/package.json test/
# The embedded PostgreSQL is not used in production (DATABASE_URL is required there), but npm ci installs it as a dependency.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The backend bundle carries the pure packages' code; their data files (templates, flows) are read at start.
COPY --from=build /app/schemas/templates schemas/templates
COPY --from=build /app/workflows/flows workflows/flows
COPY --from=build /app/regimes/plans regimes/plans
COPY --from=build /app/backend/dist backend/dist
COPY --from=build /app/frontend/dist frontend/dist
RUN useradd --system --uid 10001 --home /app bdg && mkdir -p /app/.data && chown bdg /app/.data
USER bdg
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "backend/dist/main.js"]
