// schemas/ is the shared truth for client and server, so it must not import from either.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const forbidden = [resolve(root, 'client'), resolve(root, 'server')]
const problems = []

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) walk(path)
    else if (/\.(ts|tsx)$/.test(entry)) check(path)
  }
}

function check(file) {
  const source = readFileSync(file, 'utf8')
  for (const m of source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1] ?? m[2]
    if (!spec.startsWith('.')) continue
    const target = resolve(file, '..', spec)
    if (forbidden.some((f) => target === f || target.startsWith(f + '/'))) {
      problems.push(`${relative(root, file)} imports ${spec}: schemas/ must not import client/ or server/`)
    }
  }
}

walk(resolve(root, 'schemas'))
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log('imports: schemas/ is free of client/ and server/ imports')
