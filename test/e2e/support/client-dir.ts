/**
 * The built client the e2e servers serve: `dist/` (what `npm test` builds), or the folder named by
 * `COREGROUP_CLIENT_DIR`, so that several people working in one checkout can each test their own build
 * (`npx vite build --outDir /tmp/dist-mine` then `COREGROUP_CLIENT_DIR=/tmp/dist-mine npx vitest run ...`).
 */
import { fileURLToPath } from 'node:url'

export const CLIENT_DIR = process.env.COREGROUP_CLIENT_DIR ?? fileURLToPath(new URL('../../../dist', import.meta.url))
