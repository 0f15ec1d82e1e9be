// Reading the parts of package.json that setup edits, with an InputError naming the file and
// line when a key holds the wrong type of value.
import { InputError } from '../../errors.js';
import { PackageJsonMessages } from '../../messages/edits.js';
import { lineAt } from '../revision-file/python-syntax-error.js';
import { findMember, type JsonMember, type JsonNode, parseJsonDocument } from './json-document.js';
import { type JsonObject, removeMember } from './json-edits.js';

/** A member whose value is a string. */
export type StringMember = JsonMember & { readonly value: JsonNode & { kind: 'string' } };

/**
 * Parses package.json and returns its top-level object.
 * @throws InputError for invalid JSON or a top level that is not an object.
 */
export function readPackageRoot(text: string, fileName: string): JsonObject {
  const root = parseJsonDocument(text, fileName);
  if (root.kind !== 'object')
    throw new InputError(
      { file: fileName, line: lineAt(text, root.start) },
      PackageJsonMessages.NOT_AN_OBJECT,
    );
  return root;
}

/** The object value of `object[key]`, or undefined when absent. @throws InputError when not an object. */
export function objectMember(
  text: string,
  object: JsonObject,
  key: string,
  fileName: string,
): JsonObject | undefined {
  const member = findMember(object, key);
  if (member === undefined) return undefined;
  if (member.value.kind !== 'object')
    throw wrongType(text, member, PackageJsonMessages.notAnObject(key), fileName);
  return member.value;
}

/** The member `object[key]` holding a string, or undefined when absent. @throws InputError when not a string. */
export function stringMember(
  text: string,
  object: JsonObject,
  key: string,
  fileName: string,
): StringMember | undefined {
  const member = findMember(object, key);
  if (member === undefined) return undefined;
  if (!isStringMember(member))
    throw wrongType(text, member, PackageJsonMessages.notAString(key), fileName);
  return member;
}

/** Removes the top-level object `key` when it has no members left; undefined when it is absent or not empty. */
export function removeEmptyTopLevelObject(
  text: string,
  key: string,
  fileName: string,
): string | undefined {
  const root = readPackageRoot(text, fileName);
  const object = objectMember(text, root, key, fileName);
  if (object === undefined || object.members.length > 0) return undefined;
  return removeMember(
    text,
    root,
    root.members.findLastIndex((member) => member.key === key),
  );
}

function isStringMember(member: JsonMember): member is StringMember {
  return member.value.kind === 'string';
}

function wrongType(
  text: string,
  member: JsonMember,
  message: string,
  fileName: string,
): InputError {
  return new InputError({ file: fileName, line: lineAt(text, member.keyStart) }, message);
}
