/** A phone number as logs may show it: all but its last four characters masked. */
export function maskNumber(value: string): string {
  return value.length > 4 ? '*'.repeat(value.length - 4) + value.slice(-4) : '****';
}
