/**
 * Reference server: `@hocuspocus/server` 3.4.4 in memory, no extensions, on 127.0.0.1 and port 0,
 * printing the port for the bench runner. One websocket URL; each message names its document. Plain
 * JavaScript, run by plain node, like coregroup's built server.
 * @module
 */
import { Server } from '@hocuspocus/server'

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true })
await server.listen()
console.log(`reference listening on port ${server.address.port}`)
