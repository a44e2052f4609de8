import { seededRandom, type Random } from './prng';
import type { BusinessResult, BusinessResultChild } from './records';

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-';
const PARENT_NAMES = ['Interested', 'Not interested', 'Call back later', 'Wrong number', 'Failed', 'Promise to pay'];
const CHILD_NAMES = ['Call interrupted', 'Busy', 'Asked for email', 'Existing customer', 'Price too high', 'No answer'];

/** Codes use [0-9A-Za-z-] (addBusinessResult rules, docs/isales/api-notes.md §1.3); the suffix keeps them unique. */
function code(random: Random, suffix: string): string {
  const prefix = Array.from({ length: random.int(2, 6) }, () => random.pick([...CODE_ALPHABET])).join('');
  return `${prefix}${suffix}`;
}

/** A two-level tree: `parents` parents, each with 0..3 children. */
export function generateBusinessResults(vdnId: number, parents: number): BusinessResult[] {
  const results: BusinessResult[] = [];
  for (let index = 0; index < parents; index++) {
    const random = seededRandom(vdnId, 'businessResult', index);
    const children: BusinessResultChild[] = [];
    const childCount = random.int(0, 3);
    for (let child = 0; child < childCount; child++) {
      children.push({
        code: code(random, `-${index}x${child}`),
        name: `${random.pick(CHILD_NAMES)} ${index}.${child + 1}`,
        defLevel: '2',
      });
    }
    results.push({
      code: code(random, `-${index}`),
      children,
      name: `${random.pick(PARENT_NAMES)} ${index + 1}`,
      defLevel: '1',
    });
  }
  return results;
}
