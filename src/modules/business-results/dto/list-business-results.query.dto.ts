import { PageQueryDto } from '../../../common/dto/page.query.dto';

export class ListBusinessResultsQueryDto extends PageQueryDto {}
