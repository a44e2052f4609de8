import { IsIn } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

export const DELETE_ALL_CONFIRMATION = 'delete-all';

/** Deleting the whole list cannot be undone: the caller says so in the URL, so a stray DELETE does nothing. */
export class DeleteAllBlockedNumbersQueryDto {
  @ApiProperty({
    enum: [DELETE_ALL_CONFIRMATION],
    description: 'Must be `delete-all`: the confirmation that the whole list goes',
    example: DELETE_ALL_CONFIRMATION,
  })
  @IsIn([DELETE_ALL_CONFIRMATION], { message: `$property must be ${DELETE_ALL_CONFIRMATION}` })
  confirm: typeof DELETE_ALL_CONFIRMATION;
}
