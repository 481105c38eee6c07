import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * A minimal Language Server Protocol client: JSON-RPC 2.0 messages framed with `Content-Length`
 * headers over a server's stdin/stdout, as an editor speaks it. Enough to drive a server in a test:
 * requests with a time limit, notifications, answers to the server's own requests, clean shutdown.
 */

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Answers a request the server sends to the client (`workspace/configuration`, `workspace/applyEdit`, ...). */
export type ServerRequestHandler = (method: string, params: unknown) => unknown;

export class LspClient {
  /** Every notification the server sent, in order, for assertions and for failure messages. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** Every request the server sent, in order. */
  readonly serverRequests: Array<{ method: string; params: unknown }> = [];
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    private readonly handleServerRequest: ServerRequestHandler,
  ) {
    process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    process.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    void this.exited.then(() => {
      for (const { reject } of this.pending.values()) reject(new Error(`language server exited\n${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Starts `node <script> --stdio` (or any command) and connects to it. */
  static start(command: string, args: readonly string[], options: { cwd: string; onServerRequest: ServerRequestHandler }): LspClient {
    const child = spawn(command, args, { cwd: options.cwd, stdio: 'pipe' });
    return new LspClient(child, options.onServerRequest);
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Sends a request and waits for its response, at most `timeoutMs`. */
  request<T = unknown>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** `shutdown`, then `exit`, then waits for the process to end; kills it if it does not in time. */
  async shutdown(timeoutMs = 5_000): Promise<number | null> {
    if (this.process.exitCode !== null) return this.process.exitCode;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // The server is already broken; killing it below is all that is left to do.
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!length) throw new Error(`bad LSP header: ${this.buffer.subarray(0, headerEnd).toString()}`);
      const bodyStart = headerEnd + 4;
      const bodyEnd = bodyStart + Number(length[1]);
      if (this.buffer.length < bodyEnd) return;
      const message = JSON.parse(this.buffer.subarray(bodyStart, bodyEnd).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(bodyEnd);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      try {
        const result = this.handleServerRequest(message.method, message.params) ?? null;
        this.send({ jsonrpc: '2.0', id: message.id, result });
      } catch (error) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
      }
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
    } else if (typeof message.id === 'number') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiter?.resolve(message.result);
    }
  }
}
