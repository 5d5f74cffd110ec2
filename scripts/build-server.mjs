// Bundles the server (our TypeScript only; packages stay in node_modules) into dist-server/, so
// `npm start` runs plain JavaScript: faster to start and lighter than a TypeScript loader at run time.
import { build } from 'esbuild'

await build({
  entryPoints: { main: 'server/main.ts', 'demo/main': 'server/demo/main.ts' },
  outdir: 'dist-server',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
