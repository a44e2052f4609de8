/**
 * The query of an operation that takes none: any parameter is refused like an unknown one
 * (GatewayValidationPipe), so `?toString=1` or a misspelt filter on a single item is a 400, never ignored.
 */
export class NoQueryDto {}
