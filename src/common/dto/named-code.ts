import { ApiProperty } from '@nestjs/swagger';

/**
 * A code the gateway names (`names`) where iSales may send others: an undocumented one passes through as its raw
 * string, never dropped and never an error, so the document lists the names in words rather than as an enum.
 */
export function ApiNamedCode(names: readonly string[], example: string): PropertyDecorator {
  return ApiProperty({ type: String, nullable: true, example, description: `one of ${names.join(', ')}, or an undocumented raw upstream code` });
}
