/**
 * Makes a DOCX byte-stable: the same version exports to the same bytes on every download. `docx` stamps
 * the package with the time of packing (zip entry times, `docProps/core.xml`) and gives hyperlinks
 * random relationship ids; this rewrites the package with the version's own time and ids numbered in
 * order of appearance. The zip is read and written here (central directory, DEFLATE through zlib,
 * whose output is deterministic for the same input), so no zip package is needed.
 * @module
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

interface Entry {
  name: string
  data: Buffer
}

/** The entries of a zip file, in central-directory order (stored or deflated only). */
export function readZip(zip: Buffer): Entry[] {
  let eocd = zip.length - 22
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const entries: Entry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + size)
    entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) })
    at += 46 + nameLength + extra + comment
  }
  return entries
}

/** MS-DOS time and date fields of `at` (UTC). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((Math.max(at.getUTCFullYear(), 1980) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  }
}

/** A zip of `entries`, deflated, every entry stamped `at`. */
export function writeZip(entries: readonly Entry[], at: Date): Buffer {
  const { time, date } = dosTime(at)
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const body = deflateRawSync(e.data, { level: 6 })
    const crc = crc32(e.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(e.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(date, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(e.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The package with `at` as its time everywhere and relationship ids that do not change between packings. */
export function stabiliseDocx(docx: Buffer, at: Date): Buffer {
  const entries = readZip(docx)
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z')
  // Relationship ids that are not docx's own numbered ones (rId1…) are random: number them in order.
  const renamed = new Map<string, string>()
  for (const e of entries.filter((x) => x.name.endsWith('.rels')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const m of e.data.toString('utf8').matchAll(/Id="([^"]+)"/g)) {
      const id = m[1]!
      if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rIdL${renamed.size + 1}`)
    }
  }
  return writeZip(
    entries.map((e) => {
      if (!/\.(xml|rels)$/.test(e.name)) return e
      let text = e.data.toString('utf8')
      for (const [from, to] of renamed) text = text.split(`"${from}"`).join(`"${to}"`)
      if (e.name === 'docProps/core.xml') {
        text = text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
      }
      return { name: e.name, data: Buffer.from(text, 'utf8') }
    }),
    at,
  )
}
