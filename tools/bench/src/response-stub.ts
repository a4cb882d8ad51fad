/** The small JSON body every call answers with (about 200 bytes, like a single-user record). */
export const SMALL_JSON_BODY = JSON.stringify({
  id: "ac463592-dbd2-4ca3-a651-48fdf5e5c871",
  username: "john.smith@example.com",
  fullname: "John Smith",
  timezone: "America/New_York",
  locale: "en_US",
  createdAt: 1472023687693,
  role: { id: "Admin", name: "Admin" },
});

/**
 * An in-memory `fetch` answering from Responses built before the timed loop, so the loop measures the
 * client, not Response construction. Running out means a client sent more requests than it was asked
 * to (a retry on a 200?) — that throws rather than skewing the numbers.
 */
export class ResponseStub {
  #queue: Response[] = [];
  #next = 0;

  constructor(readonly contentType: string) {}

  readonly fetch = (_input: Request): Promise<Response> => {
    const response = this.#queue[this.#next];
    if (response === undefined) throw new Error("response stub ran out: more requests than calls");
    this.#queue[this.#next++] = undefined as unknown as Response;
    return Promise.resolve(response);
  };

  /** Builds `count` fresh Responses for the next batch of calls. */
  prepare(count: number): void {
    const headers = { "content-type": this.contentType };
    this.#queue = Array.from({ length: count }, () => new Response(SMALL_JSON_BODY, { headers }));
    this.#next = 0;
  }
}
