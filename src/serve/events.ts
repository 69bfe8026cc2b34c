import type {IncomingMessage, ServerResponse} from 'node:http'

/**
 * The open pages' Server-Sent Events streams. Each new stream is greeted
 * with the current build id (`hello`), and every finished rebuild, good or
 * broken, sends `reload`.
 */
export class EventHub {
  readonly #clients = new Set<ServerResponse>()
  #heartbeat: NodeJS.Timeout | undefined

  connect(request: IncomingMessage, response: ServerResponse, buildId: string): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff'
    })
    // `retry`: reconnect quickly after the server restarts.
    response.write(`retry: 1000\n${message('hello', buildId)}`)
    this.#clients.add(response)
    request.on('close', () => this.#clients.delete(response))
    // A comment now and then keeps proxies and idle timeouts from closing the stream.
    this.#heartbeat ??= setInterval(() => this.#send(': ping\n\n'), 25_000).unref()
  }

  reload(buildId: string): void {
    this.#send(message('reload', buildId))
  }

  close(): void {
    clearInterval(this.#heartbeat)
    for (const client of this.#clients) client.end()
    this.#clients.clear()
  }

  #send(text: string): void {
    for (const client of this.#clients) client.write(text)
  }
}

function message(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`
}
