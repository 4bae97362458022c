/** The few GraphQLError factories the resolvers use. Anything else surfaces as INTERNAL_SERVER_ERROR. */
import { GraphQLError } from 'graphql';

export function badUserInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** Quotes a user-supplied value for an error message, cut short so hostile input cannot bloat the reply. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
