// The TCP proxy of tcpProxy.ts as a process of its own (the gates bench: a network's delay must not
// take the client's CPU or event loop). Usage: node tcpProxyProcess.js TARGET_URL DELAY_MS; prints
// the proxy's URL on stdout once it listens, and runs until killed.
import { startTcpProxy } from './tcpProxy';

void startTcpProxy(process.argv[2], Number(process.argv[3])).then((proxy) => process.stdout.write(`${proxy.url}\n`));
