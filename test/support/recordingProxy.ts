import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordingProxy {
  url: string;
  /** Each request's headers, in arrival order. */
  headers: IncomingHttpHeaders[];
  /** Each request's path and query. */
  paths: string[];
  stop(): Promise<void>;
}

/** A pass-through proxy in front of the real server that records each request's headers. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const headers: IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    headers.push(req.headers);
    paths.push(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method, body, headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('proxy has no address');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    headers,
    paths,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

