/**
 * Where the project is on disk, whether the server runs from source (tsx) or from the bundle in
 * dist-server/ (npm start): the nearest folder above this module with a package.json.
 * @module
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function projectRoot(from = import.meta.dirname): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) return process.cwd()
    dir = up
  }
  return dir
}
