import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/**
 * Applies `apply` to each operation of an /api path whose method is among `methods`, in the
 * document's order, then sorts the operation's responses by status, as the served document lists them.
 */
export function forEachApiOperation(document: OpenAPIObject, methods: readonly Method[], apply: (operation: OperationObject) => void): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      apply(operation);
      operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return document;
}
