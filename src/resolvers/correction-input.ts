/**
 * Checking a suggested correction's GraphQL input before the corrections store stores it. Every refusal is BAD_USER_INPUT whose `argumentName` names the
 * field (`input.suggestedText`). Text is checked first (control characters, broken UTF-16, length), then what it
 * names against the reference store: the occupation, and the statement, anchor or field the suggestion is about.
 */
import { isObjectType, type GraphQLNamedType, type GraphQLSchema, getNamedType } from 'graphql';
import type { SuggestCorrectionInput } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { badUserInput, quoted } from '../errors';
import { loadOccupation } from './codes';
import { ANCHOR_LISTS } from '../store/framework-file';
import type { NewSuggestion, SuggestionRow, TargetKind } from '../corrections/database';

export const MAX_TEXT_LENGTH = 2000;
const MAX_KEY_LENGTH = 200;
const MIN_IDEMPOTENCY_KEY_LENGTH = 8;
const MAX_EMAIL_LENGTH = 254;

/** WHATWG's email syntax (what `<input type=email>` accepts), with at least one dot in the domain. */
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** A suggestion as the user described it, checked; the server adds who sent it, its status and when. */
export type CheckedSuggestion = Omit<NewSuggestion, 'client_key' | 'status' | 'created_at' | 'updated_at'>;



/** Refuses C0/C1 control characters (line breaks and tabs included) and unpaired surrogates; returns the text. */
export function checkText(argumentName: string, value: string, maxLength: number): string {
  const control = /\p{Cc}/u.exec(value);
  if (control !== null) {
    const code = control[0].codePointAt(0) ?? 0;
    throw badUserInput(
      argumentName,
      `Argument "${argumentName}" must not contain control characters; found U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${[...value.slice(0, control.index)].length + 1}.`,
    );
  }
  // In a `u` regex a well-formed surrogate pair is one code point; only a lone half matches \p{Cs}.
  if (/\p{Cs}/u.test(value)) throw badUserInput(argumentName, `Argument "${argumentName}" is not well-formed Unicode text (an unpaired surrogate).`);
  const length = [...value].length;
  if (length > maxLength) throw badUserInput(argumentName, `Argument "${argumentName}" is ${length} characters; the limit is ${maxLength}.`);
  return value;
}

/** Object types reachable from Occupation: the ones whose fields a FIELD suggestion may name. Computed once per schema. */
const occupationTypes = new WeakMap<GraphQLSchema, Set<string>>();

function typesUnderOccupation(schema: GraphQLSchema): Set<string> {
  let names = occupationTypes.get(schema);
  if (names !== undefined) return names;
  names = new Set<string>();
  const occupation = schema.getType('Occupation');
  const pending: GraphQLNamedType[] = occupation ? [occupation] : [];
  for (let type = pending.pop(); type !== undefined; type = pending.pop()) {
    if (!isObjectType(type) || names.has(type.name)) continue;
    names.add(type.name);
    for (const field of Object.values(type.getFields())) pending.push(getNamedType(field.type));
  }
  occupationTypes.set(schema, names);
  return names;
}

async function checkTarget(kind: TargetKind, id: string, occupationCode: string, { loaders }: Context, schema: GraphQLSchema): Promise<string> {
  const argumentName = 'input.targetId';
  if (kind === 'statement') {
    const statement = await loaders.frameworkStatementById.load(id);
    if (statement?.occupation_code !== occupationCode) {
      throw badUserInput(argumentName, `Argument "${argumentName}" names no framework statement of occupation ${occupationCode}; got ${quoted(id)}.`);
    }
    return id;
  }
  if (kind === 'anchor') {
    const match = /^([A-Za-z]+)\/(\d{1,4})$/.exec(id);
    const list = ANCHOR_LISTS.find((name) => name === match?.[1]);
    if (match === null || list === undefined) {
      throw badUserInput(
        argumentName,
        `Argument "${argumentName}" of an ANCHOR is \`<list>/<position>\` with a list among ${ANCHOR_LISTS.join(', ')}; got ${quoted(id)}.`,
      );
    }
    const position = Number(match[2]);
    const document = await loaders.frameworkDocumentByOccupation.load(occupationCode);
    const anchors = document === null ? [] : document.anchors[list];
    if (position < 1 || position > anchors.length) {
      throw badUserInput(argumentName, `Argument "${argumentName}": occupation ${occupationCode} has ${anchors.length} anchors in ${match[1]}; got position ${position}.`);
    }
    return `${list}/${position}`;
  }
  const [typeName = '', fieldName = '', ...rest] = id.split('.');
  const type = schema.getType(typeName);
  if (rest.length > 0 || !typesUnderOccupation(schema).has(typeName) || !isObjectType(type) || type.getFields()[fieldName] === undefined) {
    throw badUserInput(argumentName, `Argument "${argumentName}" of a FIELD is \`Type.field\` of Occupation or a type under it, e.g. \`Occupation.title\`; got ${quoted(id)}.`);
  }
  return id;
}

/** The suggestion as it will be stored, or BAD_USER_INPUT naming the first field that is wrong. */
export async function checkSuggestion(
  input: SuggestCorrectionInput,
  context: Context,
  schema: GraphQLSchema,
): Promise<CheckedSuggestion> {
  const occupationText = checkText('input.occupationCode', input.occupationCode, MAX_KEY_LENGTH);
  const targetId = checkText('input.targetId', input.targetId, MAX_KEY_LENGTH).trim();
  const suggestedText = checkText('input.suggestedText', input.suggestedText, MAX_TEXT_LENGTH).trim();
  const contact = checkText('input.contact', input.contact ?? '', MAX_EMAIL_LENGTH).trim();
  const idempotencyKey = checkText('input.idempotencyKey', input.idempotencyKey, MAX_KEY_LENGTH);

  if (suggestedText === '') throw badUserInput('input.suggestedText', 'Argument "input.suggestedText" must not be empty.');
  if (contact !== '' && !EMAIL.test(contact)) throw badUserInput('input.contact', `Argument "input.contact" must be an email address; got ${quoted(contact)}.`);
  if ([...idempotencyKey].length < MIN_IDEMPOTENCY_KEY_LENGTH || idempotencyKey.trim() !== idempotencyKey) {
    throw badUserInput('input.idempotencyKey', `Argument "input.idempotencyKey" must be ${MIN_IDEMPOTENCY_KEY_LENGTH} to ${MAX_KEY_LENGTH} characters without surrounding spaces, e.g. a UUID.`);
  }
  if (targetId === '') throw badUserInput('input.targetId', 'Argument "input.targetId" must not be empty.');

  const occupation = await loadOccupation(context.loaders, occupationText, 'input.occupationCode');
  if (occupation === null) throw badUserInput('input.occupationCode', `Argument "input.occupationCode" names no occupation in O*NET; got ${quoted(occupationText)}.`);
  const targetKind = input.targetKind;
  return {
    occupation_code: occupation.code,
    target_kind: targetKind,
    target_id: await checkTarget(targetKind, targetId, occupation.code, context, schema),
    suggested_text: suggestedText,
    contact: contact === '' ? null : contact,
    idempotency_key: idempotencyKey,
  };
}

/** Whether a stored suggestion is the one this checked input describes (a true retry, not a reused key). */
export function sameSuggestion(row: SuggestionRow, checked: CheckedSuggestion): boolean {
  return (
    row.occupation_code === checked.occupation_code &&
    row.target_kind === checked.target_kind &&
    row.target_id === checked.target_id &&
    row.suggested_text === checked.suggested_text &&
    row.contact === (checked.contact ?? null)
  );
}
