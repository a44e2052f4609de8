import { ApiProperty } from '@nestjs/swagger';

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

export class FileServerPageDto {
  @ApiProperty({ type: [FileServerDto] })
  items: FileServerDto[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  /** iSales' total count of matches, whatever this page holds; null when iSales did not send one. */
  @ApiProperty({ type: Number, nullable: true, example: 5 })
  total: number | null;
}
