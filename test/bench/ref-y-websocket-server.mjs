/**
 * Reference server: `@y/websocket-server` 0.1.1 in memory (no persistence, GC on), as its own bin
 * runs it — an HTTP server whose upgrades go to `setupWSConnection` — but on 127.0.0.1 and port 0,
 * printing the port for the bench runner. The room is the URL path. Plain JavaScript, run by plain
 * node, like coregroup's built server.
 * @module
 */
import { setupWSConnection } from '@y/websocket-server/utils'
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('okay')
})
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
server.listen(0, '127.0.0.1', () => {
  console.log(`reference listening on port ${server.address().port}`)
})
process.on('SIGTERM', () => process.exit(0))
