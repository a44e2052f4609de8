/** Digits, `*` and `#` with an optional leading `+`, at most 32 characters. */
export const PHONE_NUMBER_PATTERN = /^(?:\+[0-9*#]{1,31}|[0-9*#]{1,32})$/;
export const PHONE_NUMBER_MESSAGE = '$property must be digits, * or # with an optional leading +, at most 32 characters';
