// The parts of negotiator 1.x this project uses. Its DefinitelyTyped types (0.6) predate the `preferred` option,
// which breaks ties between codings the client accepts equally in the server's order.
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The available encodings the client accepts (q > 0), most preferred first. */
    encodings(available: readonly string[], options?: { preferred?: readonly string[] }): string[];
    /** The available media type the client prefers (its Accept header), or undefined if it accepts none. */
    mediaType(available: readonly string[]): string | undefined;
  }
  export = Negotiator;
}
