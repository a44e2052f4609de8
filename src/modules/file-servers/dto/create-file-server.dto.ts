import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
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

const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}`;
/** A dotted-quad IPv4 address, each part 0 to 255 without leading zeros. */
export const IPV4_PATTERN = new RegExp(`^${IPV4}$`);

const H16 = '[0-9A-Fa-f]{1,4}';
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
const upTo = (n: number) => `(?:(?:${H16}:){0,${n}}${H16})?`;
/**
 * An IPv6 address as RFC 3986 section 3.2.2 writes it (`::` compression and an IPv4 tail included), without
 * a zone id (`%eth0` names an interface of the caller's host, meaningless to iSales).
 */
export const IPV6_PATTERN = new RegExp(
  `^(?:${[
    `(?:${H16}:){6}${LS32}`,
    `::(?:${H16}:){5}${LS32}`,
    `(?:${H16})?::(?:${H16}:){4}${LS32}`,
    `${upTo(1)}::(?:${H16}:){3}${LS32}`,
    `${upTo(2)}::(?:${H16}:){2}${LS32}`,
    `${upTo(3)}::${H16}:${LS32}`,
    `${upTo(4)}::${LS32}`,
    `${upTo(5)}::${H16}`,
    `${upTo(6)}::`,
  ].join('|')})$`,
);
export const MAX_HOST = 255;

/**
 * serverInfo.ip: the page says "IP address"; a host name is accepted too (the read side calls it host). The
 * document states each form as a pattern (a `format` alone is only an annotation in OpenAPI 3.1).
 */
export function IsHost(): PropertyDecorator {
  return ValidateDocumented({
    name: 'isHost',
    validate: (value: unknown) =>
      typeof value === 'string' && value.length <= MAX_HOST && (IPV4_PATTERN.test(value) || IPV6_PATTERN.test(value) || HOST_NAME_PATTERN.test(value)),
    message: '$property must be an IP address or a host name',
    schema: () => ({
      property: {
        type: 'string',
        maxLength: MAX_HOST,
        anyOf: [{ format: 'ipv4', pattern: IPV4_PATTERN.source }, { format: 'ipv6', pattern: IPV6_PATTERN.source }, { pattern: HOST_NAME_PATTERN.source }],
      },
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
