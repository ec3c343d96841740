// A real TCP proxy in front of a server: it forwards bytes both ways, optionally holding each chunk
// `delayMs` (a server across a network: the delay is on the wire, so pipelined requests overlap as
// they would there), and it watches the requests: how many connections the client opened, and how
// many requests arrived on a connection before that connection's first answer (> 1: pipelined).
import net from 'node:net';

export interface TcpProxy {
  readonly url: string;
  /** Connections the client opened so far. */
  connections(): number;
  /** Requests received in all (each GET ends its headers with a blank line). */
  requests(): number;
  /** The most requests one connection carried before its first answer arrived. */
  maxAheadOfFirstAnswer(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string, delayMs = 0): Promise<TcpProxy> {
  const t = new URL(target);
  let connections = 0;
  let requests = 0;
  let maxAhead = 0;
  const sockets = new Set<net.Socket>();
  const later = (fn: () => void) => (delayMs > 0 ? setTimeout(fn, delayMs) : fn());
  const server = net.createServer((client) => {
    connections++;
    let seen = 0;
    let answered = false;
    let matched = 0; // characters of the blank line "\r\n\r\n" matched so far, across chunks
    const upstream = net.connect(Number(t.port), t.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      for (const byte of chunk) {
        matched = byte === (matched % 2 ? 10 : 13) ? matched + 1 : byte === 13 ? 1 : 0;
        if (matched === 4) {
          matched = 0;
          seen++;
          requests++;
        }
      }
      if (!answered) maxAhead = Math.max(maxAhead, seen);
      later(() => upstream.write(chunk));
    });
    upstream.on('data', (chunk) => {
      answered = true;
      later(() => client.write(chunk));
    });
    client.on('end', () => later(() => upstream.end()));
    upstream.on('end', () => later(() => client.end()));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    requests: () => requests,
    maxAheadOfFirstAnswer: () => maxAhead,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
