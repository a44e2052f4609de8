/** Digits, `*` and `#` with an optional leading `+`, at most 32 characters. */
export const PHONE_NUMBER_PATTERN = /^(?=.{1,32}$)\+?[0-9*#]+$/;
export const PHONE_NUMBER_MESSAGE = '$property must be digits, * or # with an optional leading +, at most 32 characters';
