const utf8 = new TextDecoder();

/**
 * A 2xx answer read whole inside the deadline, handed on as a real `Response` (raw clients, any
 * caller of `Transport.fetch`): its body is served from the bytes in memory, not through a second
 * stream, which costs more than the rest of the call. `body`, `formData()` and a clone after a
 * read fall back to an ordinary Response over the same bytes.
 */
export class ReadResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  #used = false;
  #stream: Response | undefined;

  constructor(response: Response, bytes: Uint8Array<ArrayBuffer>) {
    super(null, { status: response.status, statusText: response.statusText, headers: response.headers });
    this.#bytes = bytes;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#stream?.bodyUsed ?? false);
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#streamed().body;
  }

  override text(): Promise<string> {
    return this.#read((stream) => stream.text(), (bytes) => utf8.decode(bytes));
  }

  override json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#read((stream) => stream.arrayBuffer(), (bytes) => bytes.slice().buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    // Not `bytes()` of the fallback: Node 20's Response has none.
    return this.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  override blob(): Promise<Blob> {
    return this.#streamed().blob();
  }

  override formData(): Promise<FormData> {
    return this.#streamed().formData();
  }

  override clone(): Response {
    if (this.#stream) return this.#stream.clone();
    if (this.#used) throw new TypeError("Response.clone: the body has already been read");
    return new ReadResponse(this, this.#bytes);
  }

  /** Once: from the bytes, or from the fallback Response once one exists. */
  #read<T>(fromStream: (stream: Response) => Promise<T>, fromBytes: (bytes: Uint8Array<ArrayBuffer>) => T): Promise<T> {
    if (this.#stream) return fromStream(this.#stream);
    if (this.#used) return Promise.reject(new TypeError("Body is unusable: the body has already been read"));
    this.#used = true;
    return Promise.resolve(fromBytes(this.#bytes));
  }

  /** An ordinary Response over the bytes, from the first use that needs a stream on. */
  #streamed(): Response {
    this.#stream ??= new Response(this.#used ? null : this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers });
    return this.#stream;
  }
}
