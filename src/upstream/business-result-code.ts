/** addBusinessResult's rule for codes (docs/isales/api-notes.md §1.3): up to 50 of [0-9A-Za-z-]. */
export const BUSINESS_RESULT_CODE_PATTERN = /^[0-9A-Za-z-]{1,50}$/;
export const BUSINESS_RESULT_CODE_MESSAGE = '$property must be 1 to 50 of 0-9, A-Z, a-z and -';
