import { describeResultCode, RESULT_CODES } from './result-codes';

/**
 * Input checks mapped to iSales codes (docs/isales/api-notes.md §5.3). Every failure names the field in resultDesc.
 * The first failing check wins, in the order the handler calls them.
 */
export class ValidationFailure extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    readonly detail?: string,
  ) {
    super(`${describeResultCode(code)}: ${field}${detail ? ` (${detail})` : ''}`);
  }

  get resultDesc(): string {
    return this.message;
  }
}

export type JsonObject = Record<string, unknown>;

function fail(code: string, field: string, detail?: string): never {
  throw new ValidationFailure(code, field, detail);
}

/** Path parameter `vdnId`: an int in 1..9999, else 0200001 naming the field. */
export function parseVdnId(segment: string): number {
  const value = /^\d{1,4}$/.test(segment) ? Number(segment) : NaN;
  if (!(value >= 1 && value <= 9999)) fail(RESULT_CODES.parameterError, 'vdnId');
  return value;
}

/** The POST body: unparseable JSON -> 02000008; JSON that is not an object -> 02000006. */
export function parseJsonBody(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(RESULT_CODES.conversionError, 'body', 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(RESULT_CODES.wrongType, 'body', 'must be a JSON object');
  }
  return value as JsonObject;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

function checkIntRange(value: number, field: string, min: number, max: number): number {
  const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    fail(RESULT_CODES.wrongValue, field, `must be ${range}`);
  }
  return value;
}

/** Required JSON integer: missing -> 02000001, not a number -> 02000006, non-integer/out of range -> 02000007. */
export function requiredInt(body: JsonObject, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = body[field];
  if (isAbsent(value)) fail(RESULT_CODES.empty, field);
  if (typeof value !== 'number') fail(RESULT_CODES.wrongType, field, 'must be a number');
  return checkIntRange(value, field, min, max);
}

/** Optional JSON integer (epoch-ms timestamps): same codes as requiredInt when present. */
export function optionalInt(body: JsonObject, field: string, min: number): number | undefined {
  const value = body[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number') fail(RESULT_CODES.wrongType, field, 'must be a number');
  return checkIntRange(value, field, min, Number.MAX_SAFE_INTEGER);
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') fail(RESULT_CODES.wrongType, field, 'must be a string');
  return value;
}

/** Optional string array: not an array of strings -> 02000006, longer than maxItems -> 02000011. */
export function optionalStringList(body: JsonObject, field: string, maxItems: number): string[] | undefined {
  const value = body[field];
  if (isAbsent(value)) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    fail(RESULT_CODES.wrongType, field, 'must be an array of strings');
  }
  if (value.length > maxItems) fail(RESULT_CODES.tooMany, field, `at most ${maxItems} items`);
  return value as string[];
}

/** Optional list of numeric-string ids: as optionalStringList, plus an id that is not all digits -> 02000002. */
export function optionalIdList(body: JsonObject, field: string, maxItems: number): string[] | undefined {
  const ids = optionalStringList(body, field, maxItems);
  if (ids?.some((id) => !/^\d+$/.test(id))) fail(RESULT_CODES.illegalCharacters, field, 'ids are digits only');
  return ids;
}

/** Required query integer: missing/empty -> 02000001, not numeric -> 02000006, non-integer/out of range -> 02000007. */
export function requiredQueryInt(query: URLSearchParams, field: string, min: number, max: number): number {
  const text = query.get(field);
  if (text === null || text === '') fail(RESULT_CODES.empty, field);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) fail(RESULT_CODES.wrongType, field, 'must be a number');
  return checkIntRange(Number(text), field, min, max);
}

// The write pages list fewer codes than the reads (docs/isales/write-api-notes.md §5-§9): a value of the wrong
// type is 0200001 ("parameter error, details in resultDesc"), listed on every one of them.

function wrongType(field: string, expected: string): never {
  fail(RESULT_CODES.parameterError, field, `must be ${expected}`);
}

/** Optional string: not a string -> 0200001, longer than maxLength -> 02000003. */
export function optionalText(body: JsonObject, field: string, maxLength: number): string | undefined {
  const value = body[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') wrongType(field, 'a string');
  if ([...value].length > maxLength) fail(RESULT_CODES.tooLong, field, `at most ${maxLength} characters`);
  return value;
}

/** Required string: missing, null or "" -> 02000001, then as optionalText. */
export function requiredText(body: JsonObject, field: string, maxLength: number): string {
  const value = optionalText(body, field, maxLength);
  if (value === undefined || value === '') fail(RESULT_CODES.empty, field);
  return value;
}

/** Optional epoch-ms timestamp: not an integer -> 0200001. */
export function optionalTimestamp(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) wrongType(field, 'epoch milliseconds');
  return value;
}

/** Required JSON object: missing -> 02000001, anything else -> 0200001. */
export function requiredObject(body: JsonObject, field: string): JsonObject {
  const value = body[field];
  if (isAbsent(value)) fail(RESULT_CODES.empty, field);
  if (typeof value !== 'object' || Array.isArray(value)) wrongType(field, 'a JSON object');
  return value as JsonObject;
}

/** A value holding one of `forbidden` -> 02000002. */
export function checkCharacters(value: string, field: string, forbidden: RegExp): string {
  if (forbidden.test(value)) fail(RESULT_CODES.illegalCharacters, field, 'contains a character that is not allowed');
  return value;
}
