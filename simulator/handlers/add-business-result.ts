import type { BusinessResult, BusinessResultChild, VdnDataset } from '../data/records';
import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { checkCharacters, type JsonObject, optionalText, parseJsonBody, requiredText, ValidationFailure } from '../validation';

import type { OperationDefinition } from './operation';

/** "No special characters": the page does not list them; these are the simulator's (choice). */
const SPECIAL_CHARACTERS = /[`~!@#$%^&*()+=|{}'":;<>/?\\[\]]/;
const CODE_FORBIDDEN = /[^0-9A-Za-z-]/;
const MAX_NAME = 50;
const MAX_CODE = 50;
const MAX_DESCRIPTION = 200;

interface Definition {
  name: string;
  code?: string;
}

function definition(input: JsonObject, prefix: string): Definition {
  const name = checkCharacters(requiredText(input, 'name', MAX_NAME), `${prefix}name`, SPECIAL_CHARACTERS);
  const code = optionalText(input, 'code', MAX_CODE);
  if (code !== undefined) checkCharacters(code, `${prefix}code`, CODE_FORBIDDEN);
  const description = optionalText(input, 'description', MAX_DESCRIPTION);
  if (description !== undefined) checkCharacters(description, `${prefix}description`, SPECIAL_CHARACTERS);
  return { name, code: code || undefined };
}

function children(input: JsonObject): Definition[] {
  const value = input.children;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationFailure(RESULT_CODES.parameterError, 'children', 'must be a list');
  return value.map((child, index) => {
    if (typeof child !== 'object' || child === null || Array.isArray(child)) {
      throw new ValidationFailure(RESULT_CODES.parameterError, `children[${index}]`, 'must be a JSON object');
    }
    return definition(child as JsonObject, `children[${index}].`);
  });
}

/** Duplicate behaviour is undocumented: a code already used in the VDN (or twice in the request) is 0200001 (choice). */
function checkCodesUnused(dataset: VdnDataset, codes: string[]): void {
  const used = new Set(dataset.businessResults.flatMap((parent) => [parent.code, ...parent.children.map((child) => child.code)]));
  for (const code of codes) {
    if (used.has(code)) throw new ValidationFailure(RESULT_CODES.parameterError, 'code', `${code} is already used`);
    used.add(code);
  }
}

/**
 * POST addBusinessResult {name, code?, description?, children?: [{name, code?, description?}]}
 * (docs/isales/write-api-notes.md §9). Nothing is returned; the definition joins queryBusinessResults' tree. A
 * definition sent without a code gets a generated one (choice: the page does not say).
 */
export const addBusinessResult: OperationDefinition = {
  name: 'addBusinessResult',
  handle({ body, dataset, settings, newId }) {
    const input = parseJsonBody(body);
    const parent = definition(input, '');
    const subResults = children(input);
    checkCodesUnused(
      dataset,
      [parent, ...subResults].flatMap((item) => (item.code ? [item.code] : [])),
    );
    const result: BusinessResult = {
      code: parent.code ?? newId(),
      children: subResults.map((child): BusinessResultChild => ({ code: child.code ?? newId(), name: child.name, defLevel: '2' })),
      name: parent.name,
      defLevel: '1',
    };
    dataset.businessResults.push(result);
    return successBody({}, settings.envelope, 'addBusinessResult success');
  },
};
