import { IsalesBusinessResultWriteBack } from '../../upstream/isales.types';
import { BusinessResultWriteBackDto } from './dto/business-result-write-back.dto';

/** callBusiResult's body (docs/isales/call-results-choices.md §3): only the fields given, under iSales' names. */
export function toIsalesBusinessResultWriteBack(result: BusinessResultWriteBackDto): IsalesBusinessResultWriteBack {
  return {
    busiResult: result.businessResult,
    ...(result.subStatus !== undefined && { subStatus: result.subStatus }),
    ...(result.description !== undefined && { busiResultDesc: result.description }),
    ...(result.agent !== undefined && { workNo: result.agent }),
  };
}
