import { ApiProperty } from '@nestjs/swagger';

export class UpstreamFaultDto {
  /** The iSales business code (`resultCode`), or `HTTP <status>`. */
  @ApiProperty({ example: '0200001' })
  code: string;

  /** iSales' own description (`resultDesc`). */
  @ApiProperty({ example: 'Parameter error: limit' })
  description: string;
}

export class InvalidParamDto {
  @ApiProperty({ example: 'pageSize' })
  name: string;

  @ApiProperty({ example: 'pageSize must not be greater than 100' })
  reason: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:isales-gateway:problem:upstream-rejected' })
  type: string;

  @ApiProperty({ example: 'iSales rejected the request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'Parameter error: limit' })
  detail: string;

  @ApiProperty({ example: '/api/v1/vdns/1/file-servers' })
  instance: string;

  @ApiProperty({ example: '2f1c5a8e-3b7d-4c1e-9a0b-6d5e4f3a2b1c' })
  requestId: string;

  /** Present when iSales caused the error. */
  @ApiProperty({ type: UpstreamFaultDto, required: false })
  upstream?: UpstreamFaultDto;

  /** Present on validation failures: each parameter at fault. */
  @ApiProperty({ type: [InvalidParamDto], required: false })
  invalidParams?: InvalidParamDto[];
}
