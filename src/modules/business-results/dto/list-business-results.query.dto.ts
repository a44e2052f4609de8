import { PageQueryDto } from '../../../upstream/page.query.dto';

export class ListBusinessResultsQueryDto extends PageQueryDto {}
