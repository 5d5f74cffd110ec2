// Bundles the server into dist-server/, so `npm start` runs plain JavaScript: faster to start and
// lighter than a TypeScript loader at run time. Packages are bundled too (unused parts of them are
// left out, which saves memory), except native addons and the drivers loaded only when configured.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'

rmSync('dist-server', { recursive: true, force: true })
await build({
  entryPoints: { main: 'server/main.ts', 'demo/main': 'server/demo/main.ts' },
  outdir: 'dist-server',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'pg-native', 'ioredis', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS packages (ws) call require(): give the ES module one.
  banner: { js: "import { createRequire as __coregroupRequire } from 'node:module'; const require = __coregroupRequire(import.meta.url);" },
  // Whitespace and syntax minified (names kept): no comments in the code V8 holds as source text. One
  // non-ASCII character in a comment made a chunk's whole source a two-byte string (issue 16 §3).
  charset: 'ascii',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  logLevel: 'warning',
})
