import { IsOptional, IsString, Length } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { FileServerFieldsDto, PASSWORD_MAX, PASSWORD_MIN } from './create-file-server.dto';

/** A full replacement (updateServer makes every field but the password mandatory, docs/isales/write-api-notes.md section 2). */
export class UpdateFileServerDto extends FileServerFieldsDto {
  /**
   * SFTP password, 8 to 80 characters; required when `host` changes (iSales' rule), otherwise the
   * stored one is kept. Write-only.
   */
  @ApiPropertyOptional({ writeOnly: true, format: 'password', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `$property must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  password?: string;
}
