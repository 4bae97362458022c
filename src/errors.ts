/** The few GraphQLError factories the resolvers use. Anything else surfaces as INTERNAL_SERVER_ERROR. */
import { GraphQLError } from 'graphql';

export function badUserInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** Quotes a user-supplied value for an error message, cut short so hostile input cannot bloat the reply. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A well-formed reference to something this store does not hold (an entity a router asks for by an unknown key). */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Over the limit: the client may try again after `retryAfterSeconds`. Over HTTP, a 429 with `Retry-After`. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many suggestions from this client; try again in ${retryAfterSeconds} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}

/** The corrections database is unreachable: nothing was stored or changed. Over HTTP, a 503 with `Retry-After`. */
export function serviceUnavailable(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds, http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}
