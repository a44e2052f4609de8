import { IsInt, IsString, Length, Matches, Max, Min, isIP } from 'class-validator';
import { ValidateDocumented } from '../../../common/dto/documented-rule';
import { FORBIDDEN_CHARACTERS } from '../../../common/dto/text';
import { ApiProperty } from '@nestjs/swagger';

/**
 * addServer's rule for user names (docs/isales/write-api-notes.md section 1, the zh list, which is longer than the
 * en one): at most 30 characters, none of these, and (the gateway's own addition) no white space.
 */
export const USERNAME_PATTERN = new RegExp(`^[^\`~!@#$%^&*()+=|{}'":;<>/?.\\\\[\\]！¥￥…（）—【】‘’“”；：，、？\\s${FORBIDDEN_CHARACTERS}]{1,30}$`, 'u');
/** An absolute path without control characters; iSales gives no length, 255 is the gateway's. */
export const SERVER_PATH_PATTERN = new RegExp(`^/[^${FORBIDDEN_CHARACTERS}]{0,254}$`, 'u');
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 80;

/** A DNS host name (RFC 1123 labels of letters, digits and inner hyphens, dot-separated); the length is the field's maxLength. */
export const HOST_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** serverInfo.ip: the page says "IP address"; a host name is accepted too (the read side calls it host). */
export function IsHost(): PropertyDecorator {
  return ValidateDocumented({
    name: 'isHost',
    validate: (value: unknown) => typeof value === 'string' && value.length <= 255 && (isIP(value, 4) || isIP(value, 6) || HOST_NAME_PATTERN.test(value)),
    message: '$property must be an IP address or a host name',
    schema: () => ({
      property: { type: 'string', maxLength: 255, anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }, { pattern: HOST_NAME_PATTERN.source }] },
    }),
  });
}

/** What every file-server write sends; the password is documented per route (write-only). */
export class FileServerFieldsDto {
  /** IP address or host name of the SFTP server (iSales supports SFTP only). */
  @ApiProperty({ example: '10.21.124.175', maxLength: 255 })
  @IsHost()
  host: string;

  /** SFTP port (iSales keeps it as a string; the gateway converts). */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 65535, example: 22 })
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(65535, { message: '$property must be at most 65535' })
  port: number;

  /** The server's default path, where files are looked for. */
  @ApiProperty({ example: '/home/sftp', pattern: SERVER_PATH_PATTERN.source, maxLength: 255 })
  @Matches(SERVER_PATH_PATTERN, { message: '$property must be an absolute path of at most 255 characters' })
  path: string;

  /** SFTP user name: at most 30 characters, none of `` `~!@#$%^&*()+=|{}'":;<>/?.\[] `` (nor their full-width forms) or spaces. */
  @ApiProperty({ example: 'isales', minLength: 1, maxLength: 30 })
  @Matches(USERNAME_PATTERN, { message: '$property must be 1 to 30 characters without spaces or any of `~!@#$%^&*()+=|{}\'":;<>/?.\\[]' })
  username: string;
}

export class CreateFileServerDto extends FileServerFieldsDto {
  /** SFTP password, 8 to 80 characters. Write-only: never returned, logged or stored by the gateway. */
  @ApiProperty({ writeOnly: true, format: 'password', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, example: 'S3cure-pass' })
  @IsString({ message: '$property must be a string' })
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `$property must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  password: string;
}
