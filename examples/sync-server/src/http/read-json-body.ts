import type { IncomingMessage } from 'node:http';
import { MAX_JSON_DEPTH, problemInBody } from './check-json-body.js';
import { HttpProblem } from './http-problem.js';

const tooLarge = (limit: number) =>
  new HttpProblem(413, {
    code: 'body-too-large',
    message: `The request body is larger than this server accepts (${limit} bytes)`,
    where: 'body',
    fix: 'Send fewer events at a time: split the batch and upload the parts one after another',
  });

/**
 * The body's bytes, refused as soon as they pass `limit`. The rest is then read and dropped rather
 * than left in the socket, so the 413 reaches the client; the response closes the connection, which
 * ends the transfer.
 */
function readLimited(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.resume();
      reject(tooLarge(limit));
    };
    request.on('data', onData);
    request.once('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks));
    });
    request.once('error', reject);
  });
}

/**
 * Reads a JSON request body of at most `limit` bytes (`undefined` when there is none). A declared
 * `Content-Length` over the limit is refused before anything is read; a body without one is counted
 * as it arrives and refused as soon as it passes the limit, so a large upload never sits in memory.
 *
 * @throws {@link HttpProblem} 413 when too large, 415 when not JSON, 400 when not valid JSON,
 * nested deeper than {@link MAX_JSON_DEPTH} (`too-deep`), or holding a NUL character or a lone
 * surrogate in any string or key (`invalid-text`, naming where).
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const { headers } = request;
  // A POST with nothing in it, such as asking for a new pairing code, needs no content type.
  if (
    headers['content-length'] === '0' ||
    (!headers['content-length'] && !headers['transfer-encoding'])
  ) {
    return undefined;
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpProblem(415, {
      code: 'not-json',
      message: `The request body must be JSON, and it came as "${type || 'no content type'}"`,
      where: 'Content-Type',
      fix: 'Send the header Content-Type: application/json',
    });
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const text = (await readLimited(request, limit)).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpProblem(400, {
      code: 'invalid-json',
      message: `The request body is not valid JSON: ${(error as Error).message}`,
      where: 'body',
      fix: 'Send the body as JSON.stringify made it',
    });
  }
  // Before anything recurses over the body (checking events, comparing them, writing them as JSON)
  // or hands a string of it to the database.
  const problem = problemInBody(body);
  if (problem) throw new HttpProblem(400, problem);
  return body;
}
