import { ApiProperty } from '@nestjs/swagger';
import { MATCHES_TOTAL, PageOf } from '../../../common/dto/page-of';

/** An SFTP file server registered in iSales (outbound-data and blacklist files are imported from it). */
export class FileServerDto {
  /** File server ID (a numeric string of about 30 digits). */
  @ApiProperty({ type: String, nullable: true, example: '164690088271159234793429225848' })
  id: string | null;

  /** IP address or host name; null when iSales has none. */
  @ApiProperty({ type: String, nullable: true, example: '10.21.124.175' })
  host: string | null;

  /** SFTP port; null when iSales sends none or something that is not a number. */
  @ApiProperty({ type: Number, nullable: true, example: 22 })
  port: number | null;

  /** The server's default file path. */
  @ApiProperty({ type: String, nullable: true, example: '/home/sftp' })
  path: string | null;

  /** SFTP user name (iSales never returns the password). */
  @ApiProperty({ type: String, nullable: true, example: 'isales' })
  username: string | null;
}

export class FileServerPageDto extends PageOf(FileServerDto, { description: MATCHES_TOTAL, example: 5, nullable: true }) {}
