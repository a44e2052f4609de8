import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** Nest's own metadata keys (not exported where an ESM-only Nest 12 lets us import them). */
const ROUTE_ARGS_METADATA = '__routeArguments__';
const API_OPERATION_METADATA = 'swagger/apiOperation';
/** Nest's RouteParamtypes of the arguments validated from the request: body, query, path. */
const PARAM_TYPE = { 3: 'body', 4: 'query', 5: 'path' } as const;

export type InputKind = (typeof PARAM_TYPE)[keyof typeof PARAM_TYPE];

export interface RouteInputs {
  /** `Controller.method`, for messages. */
  readonly where: string;
  readonly operationId?: string;
  readonly inputs: Partial<Record<InputKind, Class>>;
  /** Arguments taken from the request by name (`@Query('x')`) or without a DTO class: no compiled check covers them. */
  readonly unchecked: readonly string[];
}

/** The DTO classes each controller method's body, query and path parameters are validated with. */
export function routeInputs(app: INestApplicationContext): RouteInputs[] {
  const found: RouteInputs[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class | undefined;
      if (!controller?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as Class[];
        const inputs: Partial<Record<InputKind, Class>> = {};
        const unchecked: string[] = [];
        for (const [key, arg] of Object.entries(args)) {
          const kind = PARAM_TYPE[Number(key.split(':')[0]) as keyof typeof PARAM_TYPE];
          if (!kind) continue;
          const type = types[arg.index];
          if (arg.data !== undefined || !type || [String, Number, Boolean, Object, Array].includes(type as never))
            unchecked.push(`${kind} argument ${arg.index}`);
          else inputs[kind] = type;
        }
        const operation = Reflect.getMetadata(API_OPERATION_METADATA, handler) as { operationId?: string } | undefined;
        found.push({ where: `${controller.name}.${method}`, operationId: operation?.operationId, inputs, unchecked });
      }
    }
  }
  return found;
}
