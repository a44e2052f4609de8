import { ValidateWithSibling } from './documented-rule';

/**
 * A field that must not come with `other` (an iSales body that takes one of two, e.g. blocklist/add's period or
 * expiry, where iSales would silently drop one). The document states it as `x-not-with`, like `x-not-after`.
 */
export function IsNotWith(other: string): PropertyDecorator {
  return ValidateWithSibling(other, {
    name: 'isNotWith',
    validate: (_value, sibling) => sibling === undefined,
    message: `$property must not be given with ${other}`,
    schema: ([with_]) => ({ property: { description: `Not with \`${String(with_)}\`.`, 'x-not-with': with_ } }),
  });
}
